import FootprintCore
import Testing

/// Credit notes (negative amounts or quantities) reduce emissions by the same rule as a purchase.
@Suite("Credit notes")
struct CreditNoteTests {
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [activityFactor("electricity", 0.5, "kWh"), spendFactor("office", 0.3, "EUR", priceYear: 2022)],
            exchangeRates: [code("NOK"): [2024: 10.5], code("EUR"): [2024: 0.9], code("SEK"): [2024: 10]],
            priceIndex: [2022: 100, 2024: 110],
            disclosures: [disclosure("S2", 2023, 100, 50, 850, revenue: 10_000_000, "SEK")],
            footprints: [footprint("S1", "P1", 2.5, "kg")]
        )
    )

    @Test func supplierSpecific() {
        let r = engine.evaluate(supplier: "S1", product: "P1", unit: "t", amount: -1000, quantity: -0.04)
        #expect(r.method == .supplierSpecific)
        #expect(close(r.kg, -100))
    }

    @Test func hybrid() {
        let r = engine.evaluate(supplier: "S2", currency: "NOK", amount: -2100)
        #expect(r.method == .hybrid)
        #expect(close(r.kg, -200))
    }

    @Test func averageData() {
        let r = engine.evaluate(category: "electricity", unit: "MWh", amount: -1, quantity: -2)
        #expect(r.method == .averageData)
        #expect(close(r.kg, -1000))
    }

    @Test func spendBased() {
        let r = engine.evaluate(category: "office", currency: "NOK", amount: -10_500)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, -2700.0 / 11.0))  // -900 EUR x 100/110 x 0.3
    }

    @Test func aCreditNoteCancelsItsPurchase() {
        let s = inventory(
            [
                TestPurchase(supplier: "S3", category: "office", digits: 10_500),
                TestPurchase(supplier: "S3", category: "office", digits: -10_500),
                TestPurchase(supplier: "S1", category: "parts", product: "P1", unit: "kg", digits: 500, quantity: 40),
                TestPurchase(supplier: "S1", category: "parts", product: "P1", unit: "kg", digits: -125, quantity: -10),
            ],
            engine: engine
        )
        #expect(s.linesByMethod == [.spendBased: 2, .supplierSpecific: 2])
        #expect(close(s.totalKg, 75))
        #expect(s.kgByMethod[.spendBased]?.value == 0)
        #expect((s.spendByMethod[.spendBased]?[code("NOK")] ?? DecimalSum()) == DecimalSum())
        #expect(s.spendByMethod[.supplierSpecific]?[code("NOK")]?.description == "375")
    }
}
