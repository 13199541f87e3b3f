import FootprintCore
import Testing

/// Category 2 by the accounts: a line of an asset class is a capital good when one item costs at
/// least the capitalisation threshold of its year, else it is expensed (Category 1). Every figure
/// below is worked out by hand.
@Suite struct CapitalisationTests {
    let nok = CurrencyCode("NOK")!
    let eur = CurrencyCode("EUR")!
    let sek = CurrencyCode("SEK")!
    /// NOK 10.5 and EUR 0.9 per USD in 2024: EUR 1 = NOK 11.6667. SEK has no rate.
    let engine = InventoryEngine(
        reference: ReferenceData(exchangeRates: [CurrencyCode("NOK")!: [2024: 10.5], CurrencyCode("EUR")!: [2024: 0.9]])
    )

    func line(_ amount: Double, _ currency: CurrencyCode, year: Int32 = 2024, quantity: Double = .nan) -> LedgerLine {
        LedgerLine(
            currencyKey: engine.currencyKey(for: currency),
            currency: currency,
            year: year,
            amount: amount,
            quantity: quantity
        )
    }

    /// `computers` is Category 2 by the factor library alone: placed by Norway's threshold.
    var boundary: InventoryBoundary { InventoryBoundary(scope3Defaults: ["computers": .capitalGoods, "software": .purchasedGoodsAndServices]) }

    func scope3(_ l: LedgerLine, category: String = "computers", flag: Int = 0, countsItems: Bool = true, in b: InventoryBoundary? = nil) -> Int {
        (b ?? boundary).treatment(of: category).scope3(flag: flag, line: l, countsItems: countsItems, engine: engine)
    }

    @Test func aCapitalisedAndAnExpensedComputer() {
        // A server at NOK 48,000 is capitalised (>= 30,000); a laptop at NOK 14,990 is expensed.
        #expect(scope3(line(48_000, nok, quantity: 1)) == 2)
        #expect(scope3(line(14_990, nok, quantity: 1)) == 1)
        // Exactly the threshold is capitalised ("30 000 kroner eller høyere").
        #expect(scope3(line(30_000, nok)) == 2)
        #expect(scope3(line(29_999.99, nok)) == 1)
    }

    @Test func theThresholdIsPerItem() {
        // Ten laptops for NOK 120,000: NOK 12,000 each, expensed although the line is above 30,000.
        #expect(scope3(line(120_000, nok, quantity: 10)) == 1)
        // Two servers for NOK 96,000: 48,000 each.
        #expect(scope3(line(96_000, nok, quantity: 2)) == 2)
        // A quantity that does not count items (kg) says nothing about one item: the line is one item.
        #expect(scope3(line(120_000, nok, quantity: 10), countsItems: false) == 2)
    }

    @Test func theThresholdOfTheLinesYear() {
        // NOK 20,000 per item: capitalised in 2023 (threshold 15,000), expensed in 2024 (30,000).
        #expect(scope3(line(20_000, nok, year: 2023)) == 2)
        #expect(scope3(line(20_000, nok, year: 2024)) == 1)
        let threshold = CapitalisationThreshold.norwegian(assetClass: "IT")
        #expect(threshold.amount(in: 2023) == 15_000 && threshold.amount(in: 2024) == 30_000 && threshold.amount(in: 2030) == 30_000)
        #expect(threshold.source.contains("§ 14-40"))
    }

    @Test func anotherCurrencyAtTheYearsRates() {
        // EUR 2,700 = 2,700 / 0.9 * 10.5 = NOK 31,500: capitalised; EUR 2,500 = NOK 29,166.67: expensed.
        #expect(scope3(line(2_700, eur)) == 2)
        #expect(scope3(line(2_500, eur)) == 1)
        // SEK has no rate: the cost cannot be compared, and the line stays the category's type (2).
        #expect(scope3(line(1_000, sek)) == 2)
    }

    @Test func aCreditNoteFollowsItsInvoice() {
        #expect(scope3(line(-48_000, nok, quantity: -1)) == 2)
        #expect(scope3(line(-14_990, nok, quantity: -1)) == 1)
    }

    @Test func theAccountsDecideBeforeTheThreshold() {
        // A flag (an ERP capital account writes 2, an expense account 1) wins over the threshold.
        #expect(scope3(line(14_990, nok), flag: 2) == 2)
        #expect(scope3(line(48_000, nok), flag: 1) == 1)
        // A rule that places the category in Category 2 explicitly keeps every line there.
        let explicit = InventoryBoundary(
            rules: CategoryRules.builtIn.merging([CategoryRule(category: "computers", scope3: .capitalGoods, source: "categories.csv:2")]),
            scope3Defaults: ["computers": .capitalGoods]
        )
        #expect(scope3(line(14_990, nok), in: explicit) == 2)
        // A category that is not capital goods is never placed by a threshold.
        #expect(scope3(line(480_000, nok), category: "software") == 1)
        #expect(boundary.treatment(of: "software").capitalisation == nil)
    }

    @Test func aCompanysOwnThresholdPerAssetClass() {
        let policy = CapitalisationThreshold(assetClass: "IT equipment", amount: 5_000, currency: eur, source: "group policy")
        let b = InventoryBoundary(
            rules: CategoryRules.builtIn.merging([
                CategoryRule(category: "334111", capitalisation: policy, source: "categories.csv:2"),
                CategoryRule(category: "334112", capitalisation: policy, source: "categories.csv:3"),
            ])
        )
        // NOK 48,000 = 48,000 / 10.5 * 0.9 = EUR 4,114.29: below EUR 5,000, expensed.
        #expect(scope3(line(48_000, nok), category: "334111", in: b) == 1)
        #expect(scope3(line(5_000, eur), category: "334112", in: b) == 2)
        let shown = b.capitalisationPolicy(of: ["334112", "334111", "511210"])
        #expect(shown.count == 1 && shown[0].categories == ["334111", "334112"] && shown[0].threshold == policy)
    }

    @Test func convertUsesBothRatesOfTheYear() {
        #expect(engine.convert(900, from: engine.currencyKey(for: eur), to: engine.currencyKey(for: nok), year: 2024) == 10_500)
        #expect(engine.convert(900, from: engine.currencyKey(for: eur), to: engine.currencyKey(for: nok), year: 2023) == nil)
        #expect(engine.convert(900, from: engine.currencyKey(for: sek), to: engine.currencyKey(for: nok), year: 2024) == nil)
    }
}
