import FootprintCore
import Testing

/// The boundary's per-category treatment, the outcome statuses of lines left out, their provenance
/// row, and the exact spend table.
@Suite struct InventoryBoundaryTests {
    @Test func treatmentFollowsThePrecedence() {
        let boundary = InventoryBoundary(
            period: ReportingPeriod(fiscalYear: 2024),
            rules: CategoryRules.builtIn.merging([
                CategoryRule(category: "freight", scope3: .purchasedGoodsAndServices, source: "categories.csv:2"),
                CategoryRule(category: "payroll", source: "categories.csv:3"),
            ]),
            scope3Defaults: ["freight": .upstreamTransportationAndDistribution, "hotels": .businessTravel]
        )
        #expect(boundary.treatment(of: "freight") == .init(exclusion: nil, scope3: .purchasedGoodsAndServices))
        #expect(boundary.treatment(of: "hotels") == .init(exclusion: nil, scope3: .businessTravel))
        #expect(boundary.treatment(of: "other") == .init(exclusion: nil, scope3: .purchasedGoodsAndServices))
        #expect(boundary.treatment(of: "payroll").exclusion == nil)
        #expect(boundary.treatment(of: "taxes-and-duties").exclusion?.hasPrefix("taxes, duties") == true)
        #expect(boundary.dateBounds == (20_240_101, 20_241_231))
        #expect(InventoryBoundary().dateBounds == (Int32.min, Int32.max))
    }

    @Test(arguments: [LineOutcome.Status.outsidePeriod, .excluded])
    func leftOutStatusesAreStoredAndNeitherComputedNorUnmapped(status: LineOutcome.Status) {
        let outcome = LineOutcome(status)
        #expect(LineOutcome(byte: outcome.byte) == outcome)
        #expect(!outcome.isUnmapped && outcome.method == nil && !status.isInInventory)
        #expect(outcome.description == status.exclusionName)
        #expect(UnmappedCause(status: status, storedSource: -1, lineYear: 2024, lineCurrency: CurrencyCode("NOK")!) == nil)
        #expect(LineOutcome.Status.allCases.filter(\.isInInventory).count == 7)
    }

    @Test func provenanceOfALineLeftOut() {
        let period = ReportingPeriod(fiscalYear: 2024, startMonth: 7)!
        let outside = ProvenanceCSV.fields(LineProvenance(exclusion: .outsidePeriod(period)))
        #expect(outside.count == ProvenanceCSV.columns.count)
        #expect(outside[0] == "outside-period" && outside[1] == "0")
        let reason = ProvenanceCSV.columns.firstIndex(of: "unmapped_reason")!
        #expect(outside[reason] == "dated outside the reporting period FY2024 (2023-07-01 to 2024-06-30)")
        let excluded = ProvenanceCSV.fields(LineProvenance(exclusion: .excluded(reason: "payroll, not purchases")))
        #expect(excluded[0] == "excluded" && excluded[reason] == "payroll, not purchases")
        #expect(outside.last == "" && excluded.last == "", "a line left out has no method boundary")
    }

    @Test func spendTableIsExactAcrossGrowth() {
        var table = SpendTable(rows: 1)
        let nok = CurrencyCode("NOK")!
        let sek = CurrencyCode("SEK")!
        table.add(row: 0, currencySlot: 0, digits: 10_001, scale: 2)
        table.add(row: 7, currencySlot: 12, digits: -5, scale: 18)
        table.add(row: 0, currencySlot: 0, digits: -1, scale: 4)
        table.add(row: 7, currencySlot: 1, digits: 3, scale: 0)
        #expect(table.sum(row: 0, currencySlot: 0) == DecimalSum(units: 1_000_099, scale: 4))
        #expect(table.sum(row: 7, currencySlot: 12) == DecimalSum(units: -5, scale: 18))
        #expect(table.sums(row: 7, currencies: [nok, sek]) == [sek: DecimalSum(digits: 3, scale: 0)])
        #expect(table.sum(row: 40, currencySlot: 0) == DecimalSum())
    }
}
