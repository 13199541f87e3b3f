import FootprintCore
import Testing

@Suite struct CategoryRulesTests {
    @Test func scope3Precedence() {
        let boundary = InventoryBoundary(
            rules: CategoryRules.builtIn.merging([
                CategoryRule(category: "freight", scope3: .upstreamTransportationAndDistribution, source: "categories.csv:2")
            ]),
            scope3Defaults: ["freight": .purchasedGoodsAndServices, "hotels": .businessTravel]
        )
        let engine = InventoryEngine(reference: ReferenceData())
        let line = LedgerLine(currency: CurrencyCode("NOK")!, year: 2024, amount: 100)
        func scope3(_ category: String, flag: Int = 0) -> Int {
            boundary.treatment(of: category).scope3(flag: flag, line: line, countsItems: false, engine: engine)
        }
        #expect(scope3("freight") == 4)
        #expect(scope3("freight", flag: 6) == 6)
        #expect(scope3("hotels") == 6)
        #expect(scope3("unknown") == 1)
    }

    @Test func builtInExclusionsAndOverride() {
        #expect(CategoryRules.builtIn.exclusion(for: "payroll")?.hasPrefix("personnel costs") == true)
        #expect(CategoryRules.builtIn.exclusion(for: "computers") == nil)
        let included = CategoryRules.builtIn.merging([
            CategoryRule(category: "intra-group", scope3: .purchasedGoodsAndServices, source: "categories.csv:3")
        ])
        #expect(included.exclusion(for: "intra-group") == nil)
    }

    @Test func ledgerAddsUpPerCurrency() {
        var s = InventorySummary()
        s.linesByMethod[.spendBased] = 2
        s.spendByMethod[.spendBased] = [CurrencyCode("NOK")!: DecimalSum(units: 15050, scale: 2)]
        s.unmapped[UnmappedReason(.noFactor, category: "x")] = {
            var t = InventorySummary.UnmappedTally()
            t.lines = 1
            t.spend = [CurrencyCode("NOK")!: DecimalSum(units: 1, scale: 2)]
            return t
        }()
        s.spendByMethod[nil] = [CurrencyCode("NOK")!: DecimalSum(units: 1, scale: 2)]
        var payroll = InventorySummary.UnmappedTally()
        payroll.lines = 3
        payroll.spend = [CurrencyCode("NOK")!: DecimalSum(units: 100, scale: 0), CurrencyCode("SEK")!: DecimalSum(units: 5, scale: 0)]
        s.excluded["personnel costs"] = payroll
        s.period = ReportingPeriod(fiscalYear: 2024)
        s.outsidePeriod.lines = 1
        s.outsidePeriod.spend = [CurrencyCode("NOK")!: DecimalSum(units: 7, scale: 1)]
        let ledger = s.ledger
        #expect(ledger.lines == 3 + 3 + 1)
        #expect(ledger.spend[CurrencyCode("NOK")!]?.description == "251.21")
        #expect(ledger.spend[CurrencyCode("SEK")!]?.description == "5")
        guard case .object(let members) = s.json() else {
            Issue.record("expected an object")
            return
        }
        let json = Dictionary(members, uniquingKeysWith: { a, _ in a })
        #expect(json["period"]?.rendered().contains("\"start\": \"2024-01-01\"") == true)
        #expect(json["outside_period"]?.rendered().contains("\"NOK\": 0.7") == true)
        #expect(s.text().contains("ledger total"))
    }
}
