import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// Reporting periods and category rules in a workspace, on a ledger small enough to compute by hand
/// (average-data lines, 2 kg CO2e per kg of steel, 100 per laptop, 0.5 per kg of freight, 20 per hotel night).
@Suite struct InventoryPeriodTests {
    static let factors = """
        category,name,kgco2e_per_unit,unit,price_year,source,scope3_category
        steel,Steel,2,kg,,test,
        laptops,Laptop,100,piece,,test,
        freight,Road freight,0.5,kg,,test,4
        hotels,Hotel night,20,piece,,test,

        """
    /// P3 is a laptop booked on a capital-expenditure account (its ERP mapping flags Category 2); P4 is expensed.
    static let purchases = """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category
        P1,2023-12-31,S1,steel,100,NOK,,10,kg,,
        P2,2024-01-01,S1,steel,200,NOK,,5,kg,,
        P3,2024-03-15,S2,laptops,15000,NOK,,2,piece,,2
        P4,2024-06-30,S2,laptops,7000,NOK,,1,piece,,
        P5,2024-07-01,S3,freight,50,NOK,,100,kg,,
        P6,2024-09-01,S3,hotels,800,NOK,,2,piece,,
        P7,2024-10-01,S4,payroll,50000,NOK,,,,,
        P8,2024-11-01,S4,legal-fees,1200.50,NOK,,,,,
        P9,2024-12-31,S1,steel,300,EUR,,1,kg,,
        P10,2025-01-01,S1,steel,10,NOK,,1,kg,,

        """
    static let categories = """
        category,scope3_category,excluded
        laptops,1,
        hotels,6,
        legal-fees,,legal fees: not material (below 0.1% of spend)

        """

    static func workspace() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        _ = try t.workspace.importFile(.factors, try t.file("factors.csv", factors))
        _ = try t.workspace.importFile(.purchases, try t.file("purchases.csv", purchases))
        return t
    }

    static func spend(_ tally: InventorySummary.UnmappedTally) -> [String: String] {
        Dictionary(uniqueKeysWithValues: tally.spend.map { ($0.key.description, $0.value.description) })
    }

    static let payroll = CategoryRules.builtIn.exclusion(for: "payroll")!

    @Test func calendarYearWithBuiltInAndImportedRules() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        // Built-in rules only: payroll is excluded, legal fees have no factor.
        let first = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        var s = first.summary
        #expect(first.period == ReportingPeriod(fiscalYear: 2024))
        #expect(s.excluded.keys.sorted() == [Self.payroll])
        #expect(s.unmappedLines == 1)
        #expect(abs(s.totalKg - 402) < 1e-9)

        _ = try t.workspace.importFile(.categories, try t.file("categories.csv", Self.categories))
        let run = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect(run.kind == .full, "a change of rules recomputes in full")
        s = run.summary
        // In the period: P2 10, P3 200 (its own flag: Category 2), P4 100 (rule: 1), P5 50 (library default: 4),
        // P6 40 (rule: 6), P9 2. Outside: P1, P10. Excluded: P7 (built-in), P8 (imported).
        #expect(abs(s.totalKg - 402) < 1e-9)
        #expect(s.lines == 6 && s.unmappedLines == 0)
        #expect(
            s.kgByScope3.mapValues(\.value) == [
                .purchasedGoodsAndServices: 112, .capitalGoods: 200, .upstreamTransportationAndDistribution: 50, .businessTravel: 40,
            ]
        )
        #expect(s.outsidePeriod.lines == 2 && Self.spend(s.outsidePeriod) == ["NOK": "110"])
        #expect(s.excluded[Self.payroll]?.lines == 1 && Self.spend(s.excluded[Self.payroll]!) == ["NOK": "50000"])
        let legal = "legal fees: not material (below 0.1% of spend)"
        #expect(s.excluded[legal]?.lines == 1 && Self.spend(s.excluded[legal]!) == ["NOK": "1200.5"])
        #expect(Self.spend(InventorySummary.UnmappedTally.with(s.includedSpend)) == ["NOK": "23050", "EUR": "300"])
        #expect(s.ledger.lines == 10 && Self.spend(s.ledger) == ["NOK": "74360.5", "EUR": "300"])
        #expect(run.lineCount == 10)
        // The JSON key and the report's Scope 3 grouping agree.
        let json = s.json()
        #expect(json["by_scope3_category"]?["2"] == .number(200))
        #expect(json["period"]?["start"]?.stringValue == "2024-01-01")
        #expect(json["outside_period"]?["lines"] == .integer(2))
        #expect(run.aggregate.cells(.scope3)["3.2"]?.kg == 200)
        #expect(run.aggregate.cells(.scope3)["3.6"]?.kg == 40)

        // The stored run, read back from a reopened workspace, shows the same figures.
        let reopened = try Workspace(path: t.path)
        let stored = try reopened.runs.run(id: run.id)
        #expect(stored.period == run.period)
        #expect(stored.aggregate == run.aggregate)
        #expect(stored.summary == s)
        #expect(try reopened.runs.list().last?.period == ReportingPeriod(fiscalYear: 2024))

        // Every line of the ledger has its row, with the status and reason of those left out.
        var rows: [String: RunLine] = [:]
        let verification = try reopened.runs.runLines(id: run.id) { rows[$0.purchaseID] = $0 }
        #expect(rows.count == 10)
        #expect(verification.outsidePeriodLines == 2 && verification.excludedLines == 2)
        #expect(rows["P1"]?.methodName == "outside-period")
        #expect(rows["P1"]?.provenance.exclusion?.explanation.contains("2024-01-01 to 2024-12-31") == true)
        #expect(rows["P7"]?.methodName == "excluded" && rows["P7"]?.provenance.exclusion?.explanation == Self.payroll)
        #expect(rows["P8"]?.provenance.exclusion?.explanation == legal)
        #expect(rows["P3"]?.scope3 == .capitalGoods && rows["P4"]?.scope3 == .purchasedGoodsAndServices)
        #expect(rows["P5"]?.scope3 == .upstreamTransportationAndDistribution && rows["P6"]?.scope3 == .businessTravel)
        let csv = RunLinesCSV.fields(rows["P8"]!)
        #expect(csv[RunLinesCSV.columns.firstIndex(of: "method")!] == "excluded")
        #expect(csv[RunLinesCSV.columns.firstIndex(of: "unmapped_reason")!] == legal)
        #expect(csv[RunLinesCSV.columns.firstIndex(of: "scope3_category")!] == "")
    }

    /// A fiscal year from July: FY2024 is 2023-07-01 to 2024-06-30, FY2025 the next.
    @Test func fiscalYearFromJuly() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        _ = try t.workspace.importFile(.categories, try t.file("categories.csv", Self.categories))
        try t.workspace.setFiscalYearStartMonth(7)
        let fy2024 = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024))).summary
        // P1 20, P2 10, P3 200, P4 100; outside: P5...P10 (P7 and P8 outside the period before excluded).
        #expect(abs(fy2024.totalKg - 330) < 1e-9)
        #expect(fy2024.period?.startText == "2023-07-01" && fy2024.period?.endText == "2024-06-30")
        #expect(fy2024.outsidePeriod.lines == 6 && Self.spend(fy2024.outsidePeriod) == ["NOK": "52060.5", "EUR": "300"])
        #expect(fy2024.excluded.isEmpty)
        // The latest period with data: FY2025 (it holds 2025-01-01).
        let latest = try t.workspace.runs.calculate(CalculationOptions(period: .latest))
        #expect(latest.period == ReportingPeriod(fiscalYear: 2025, startMonth: 7))
        #expect(abs(latest.summary.totalKg - 94) < 1e-9)
        #expect(latest.summary.excluded.values.reduce(0) { $0 + $1.lines } == 2)
    }

    @Test func aPeriodWithoutPurchasesIsAnError() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let before = try t.workspace.tableCounts()
        #expect {
            _ = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2021)))
        } throws: { error in
            let text = "\(error)"
            return text.contains("2021") && text.contains("2023-12-31") && text.contains("2025-01-01")
        }
        #expect(try t.workspace.tableCounts() == before, "no run is stored")
    }

    /// A run is up to date only for its own period; each period's latest run is where its next run starts.
    @Test func upToDateRespectsThePeriod() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let a = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect(try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024))).upToDate)
        let b = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2023)))
        #expect(!b.upToDate && b.id != a.id && b.period == ReportingPeriod(fiscalYear: 2023))
        let again = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect(again.upToDate && again.id == a.id)
        // Every line, as runs were before periods: another run.
        let all = try t.workspace.runs.calculate(CalculationOptions(period: .all))
        #expect(!all.upToDate && all.period == nil && all.summary.outsidePeriod.lines == 0)
        // Another fiscal year start: another period, computed in full.
        try t.workspace.setFiscalYearStartMonth(7)
        let july = try t.workspace.runs.calculate(CalculationOptions(period: .fiscalYear(2024)))
        #expect(!july.upToDate && july.kind == .full && july.period?.startMonth == 7)
    }

    @Test func badOrConflictingCategoriesImportLeavesNothing() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let before = try t.workspace.tableCounts()
        let bad = try t.file("bad.csv", "category,scope3_category,excluded\nhotels,16,\nrent,2,not ours\nhotels,6,\n")
        #expect(throws: WorkspaceError.self) { _ = try t.workspace.importFile(.categories, bad) }
        #expect(try t.workspace.tableCounts() == before)
        _ = try t.workspace.importFile(.categories, try t.file("categories.csv", Self.categories))
        let counts = try t.workspace.tableCounts()
        let conflict = try t.file("more.csv", "category,scope3_category,excluded\nhotels,1,\n")
        #expect {
            _ = try t.workspace.importFile(.categories, conflict)
        } throws: { "\($0)".contains("the rule of category 'hotels'") }
        #expect(try t.workspace.tableCounts() == counts)
    }

    /// Incremental = full with a period and rules, on the example: SUP-0006 has lines outside 2024 and in
    /// the excluded category; SUP-0008 only in it.
    @Test(arguments: [1, 2])
    func incrementalEqualsFullWithAPeriodAndRules(threads: Int) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(nordicIT)
        _ = try t.workspace.importFile(
            .categories,
            try t.file("c.csv", "category,scope3_category,excluded\n518210,,hosting: test exclusion\n541512,4,\n")
        )
        let options = CalculationOptions(threads: threads, period: .fiscalYear(2024))
        let first = try t.workspace.runs.calculate(options)
        #expect(first.summary.outsidePeriod.lines == 145 && !first.summary.excluded.isEmpty)
        let disclosures = try t.file(
            "e.csv",
            """
            supplier,year,scope1,scope2,scope3_upstream,revenue,currency
            SUP-0006,2023,3,4,900,90000000,NOK
            SUP-0006,2024,3,4,950,95000000,NOK
            SUP-0008,2024,49.8,17.5,7810,1302000000,NOK

            """
        )
        _ = try t.workspace.importFile(.supplierEmissions, disclosures)
        let second = try t.workspace.runs.calculate(options)
        #expect(second.kind == .incremental && second.parentID == first.id && second.period == first.period)
        _ = try t.workspace.runs.verifyRun(id: second.id)
        let full = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: threads, period: .fiscalYear(2024)))
        #expect(full.aggregate == second.aggregate, "the incremental run differs from a full recalculation")
        #expect(full.summary == second.summary)
        // New figures of the same shape (refigured, no line evaluated again): still equal.
        let changed = try t.file(
            "e2.csv",
            """
            supplier,year,scope1,scope2,scope3_upstream,revenue,currency
            SUP-0006,2023,3,4,990,90000000,NOK
            SUP-0006,2024,3,4,1000,95000000,NOK
            SUP-0008,2024,49.8,17.5,7900,1302000000,NOK

            """
        )
        let previous = try t.workspace.imports.list().last { $0.kind == .supplierEmissions }!.id
        _ = try t.workspace.importFile(.supplierEmissions, changed, replacing: previous)
        let third = try t.workspace.runs.calculate(options)
        #expect(third.kind == .incremental)
        let full2 = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: threads, period: .fiscalYear(2024)))
        #expect(full2.aggregate == third.aggregate)
    }
}

extension InventorySummary.UnmappedTally {
    static func with(_ spend: [CurrencyCode: DecimalSum]) -> Self {
        var t = Self()
        t.spend = spend
        return t
    }
}

/// A workspace written by the previous schema (v5, binary version 4 inventories, no period columns)
/// opens, its runs read with no period, and its next calculation is a full one.
@Suite struct PeriodMigrationTests {
    @Test func workspaceOfThePreviousSchemaOpensAndItsRunsRead() throws {
        // The ledger without its payroll line (which no rule of the previous version excluded).
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try t.workspace.importFile(.factors, try t.file("factors.csv", InventoryPeriodTests.factors))
        let ledger = InventoryPeriodTests.purchases.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("P7,") }
        _ = try t.workspace.importFile(.purchases, try t.file("purchases.csv", ledger.joined(separator: "\n")))
        let run = try t.workspace.runs.calculate(CalculationOptions(period: .all))
        // Made into what the previous version wrote: a version 4 inventory (no boundary section), inputs without
        // the category-rules flag (and a digest of inputs without the boundary), no v6 columns, no v6 migration.
        var bare = run.aggregate
        bare.poolSources = [:]
        var bytes = bare.binary()
        // No period, an empty outside-period cell, no excluded reason; version 6's manufactured section and
        // version 7's pool sources (flag, no cell).
        let tail = 1 + (5 * 8 + 5 * 16 + 4) + 4 + (1 + 4) + (1 + 4)
        #expect(run.aggregate.excluded.isEmpty && run.period == nil && run.aggregate.manufactured.isEmpty)
        let old = run.aggregate
        bytes.removeLast(tail)
        bytes[0] = 4
        try t.workspace.pool.writeWithoutTransaction { db in
            try db.execute(
                sql:
                    "UPDATE run SET aggregate = ?, inputs = replace(replace(inputs, '\"categoryRules\":true,', ''), '\"globalDigest\":\"', '\"globalDigest\":\"v5'), line_count = ? WHERE id = ?",
                arguments: [Data(bytes), old.total.totalLines, run.id]
            )
            try db.execute(
                sql: """
                    DROP INDEX run_by_period;
                    ALTER TABLE run DROP COLUMN period_year; ALTER TABLE run DROP COLUMN period_start_month;
                    ALTER TABLE import DROP COLUMN first_date; ALTER TABLE import DROP COLUMN last_date;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v6:%';
                    """
            )
        }
        let reopened = try Workspace(path: t.path)
        let stored = try reopened.runs.run(id: run.id)
        #expect(stored.period == nil && !stored.inputs.categoryRules)
        #expect(stored.aggregate.total == run.aggregate.total && stored.aggregate.excluded.isEmpty)
        // Its lines read and verify as the run computed them, with no rule and no period.
        var methods: [String: String] = [:]
        _ = try reopened.runs.runLines(id: run.id) { methods[$0.purchaseID] = $0.methodName }
        #expect(methods.count == 9 && methods["P8"] == "unmapped" && methods["P1"] == "average-data")
        // The migration filled the import's first and last date: the latest period is known.
        #expect(try reopened.purchaseDateRange()?.first == 20_231_231 && reopened.purchaseDateRange()?.last == 20_250_101)
        let next = try reopened.runs.calculate(CalculationOptions(period: .latest))
        #expect(next.kind == .full && next.period == ReportingPeriod(fiscalYear: 2025))
        let all = try reopened.runs.calculate(CalculationOptions(period: .all))
        #expect(all.kind == .full && !all.upToDate, "runs that applied no rule are not up to date")
    }
}
