import FootprintCore
import Testing

/// A credit note that names its invoice (`InventoryEngine.evaluate(_:correcting:)`): the invoice's
/// method and date, a price-only rebate, a missing invoice. Figures by hand.
@Suite("Credit notes against their invoice (engine)")
struct CreditNoteInvoiceTests {
    // electricity 0.5 kg/kWh; office 0.3 kg/EUR at 2022 prices; S2 0.1 kg/SEK (2023); S1/P1 2.5 kg/kg.
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [activityFactor("electricity", 0.5, "kWh"), spendFactor("office", 0.3, "EUR", priceYear: 2022)],
            exchangeRates: [code("NOK"): [2024: 10.5, 2025: 11], code("EUR"): [2024: 0.9, 2025: 0.8], code("SEK"): [2024: 10, 2025: 10]],
            priceIndex: [2022: 100, 2024: 110, 2025: 120],
            disclosures: [disclosure("S2", 2023, 100, 50, 850, revenue: 10_000_000, "SEK")],
            footprints: [footprint("S1", "P1", 2.5, "kg")]
        )
    )

    func invoice(_ line: LedgerLine) -> InventoryEngine.Invoice { engine.invoice(line) }

    @Test func aSpendBasedCreditNoteTakesItsInvoicesYear() {
        let invoice = invoice(engine.line(category: "office", date: 2024_12_20, amount: 10_500))
        let credit = engine.line(category: "office", date: 2025_01_10, amount: -2100)
        let r = engine.evaluate(credit, correcting: invoice)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, -540.0 / 11))  // -2100 / 10.5 x 0.9 = -180 EUR x 100/110 x 0.3
        #expect(r.note == .none)
        #expect(close(engine.evaluate(credit).kg, -2100.0 / 11 * 0.8 * 100 / 120 * 0.3))
    }

    @Test func aPriceOnlyRebateOfAnAverageDataInvoiceIsZeroKg() {
        let invoice = invoice(engine.line(category: "electricity", unit: "MWh", date: 2024_03_01, amount: 5000, quantity: 2))
        #expect(invoice.result.method == .averageData)
        let r = engine.evaluate(engine.line(category: "electricity", date: 2024_04_01, amount: -500), correcting: invoice)
        #expect(r.method == .averageData)
        #expect(r.kg == 0 && r.activity == 0)
        #expect(r.note == .priceOnlyRebate)
        #expect(r.sourceIndex == invoice.result.sourceIndex)
        // Returned goods follow the invoice's factor: -0.4 MWh x 500.
        let returned = engine.evaluate(
            engine.line(category: "electricity", unit: "MWh", date: 2024_04_01, amount: -1000, quantity: -0.4),
            correcting: invoice
        )
        #expect(returned.method == .averageData && close(returned.kg, -200))
    }

    @Test func aRebateOfAHybridInvoiceReducesItsEmissions() {
        let invoice = invoice(engine.line(supplier: "S2", currency: "NOK", date: 2024_06_01, amount: 21_000))
        #expect(invoice.result.method == .hybrid)
        let r = engine.evaluate(engine.line(supplier: "S2", currency: "NOK", date: 2025_02_01, amount: -2100), correcting: invoice)
        #expect(r.method == .hybrid)
        #expect(close(r.kg, -200))  // -2100 NOK / 10.5 x 10 = -2000 SEK x 0.1, at 2024's rates
    }

    @Test func aCreditNoteWithAQuantityOfASpendBasedInvoiceStaysSpendBased() {
        // The invoice has no quantity: spend-based. The credit note's quantity would allow supplier-specific.
        let invoice = invoice(engine.line(supplier: "S1", category: "office", date: 2024_03_01, amount: 10_500))
        #expect(invoice.result.method == .spendBased)
        let credit = engine.line(supplier: "S1", category: "office", product: "P1", unit: "kg", date: 2024_03_05, amount: -1050, quantity: -4)
        #expect(engine.evaluate(credit).method == .supplierSpecific)
        let r = engine.evaluate(credit, correcting: invoice)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, -27.0 / 1.1))  // -1050 / 10.5 x 0.9 = -90 EUR x 100/110 x 0.3
    }

    @Test func aMissingInvoiceIsComputedOnItsOwnAndNoted() {
        let credit = engine.line(category: "office", date: 2025_01_10, amount: -1100)
        let r = engine.evaluate(credit, correcting: nil)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, -20))  // -1100 / 11 x 0.8 = -80 EUR x 100/120 x 0.3
        #expect(r.note == .invoiceNotInLedger)
        #expect(r.outcome.description == "spend-based (invoice-not-in-ledger: computed on its own date)")
    }

    @Test(arguments: [LineResult.Note.priceOnlyRebate, .invoiceNotInLedger, .footprintNotValidOnDate, .disclosureIncomplete, .none])
    func theNoteIsStoredInTheOutcomeByte(_ note: LineResult.Note) {
        for status in LineOutcome.Status.allCases {
            let outcome = LineOutcome(status, note: note)
            #expect(LineOutcome(byte: outcome.byte) == outcome)
        }
        // Two notes at once is no outcome.
        #expect(LineOutcome(byte: 0x10 | 0x80) == nil)
    }
}
