import FootprintCore
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// Closed reporting periods and restatements, on a ledger computed by hand (average-data: 2 kg CO2e per
/// kg of steel, 100 per laptop, 0.5 per kg of freight, Category 4).
@Suite struct PeriodCloseTests {
    static let factors = """
        category,name,kgco2e_per_unit,unit,price_year,source,scope3_category
        steel,Steel,2,kg,,test,
        laptops,Laptop,100,piece,,test,
        freight,Road freight,0.5,kg,,test,4

        """
    /// 2024: P1 20 kg, P2 100, P3 50 (3.4): 170 kg CO2e, 120 of them in 3.1. P4 is dated in 2025.
    static let purchases = """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category
        P1,2024-02-01,S1,steel,100,NOK,,10,kg,,
        P2,2024-03-01,S2,laptops,7000,NOK,,1,piece,,
        P3,2024-07-01,S3,freight,50,NOK,,100,kg,,
        P4,2025-01-15,S1,steel,60,NOK,,5,kg,,

        """
    /// The corrected ledger raises S1's lines only: P1 12.5 kg (25 kg CO2e, +5) and a line it had left
    /// out, P5 3 kg (+6): 181 kg CO2e, +11, all in 3.1, all activity.
    static let corrected = """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category
        P1,2024-02-01,S1,steel,100,NOK,,12.5,kg,,
        P2,2024-03-01,S2,laptops,7000,NOK,,1,piece,,
        P3,2024-07-01,S3,freight,50,NOK,,100,kg,,
        P4,2025-01-15,S1,steel,60,NOK,,5,kg,,
        P5,2024-08-01,S1,steel,40,NOK,,3,kg,,

        """
    static let fy2024 = ReportingPeriod(fiscalYear: 2024)!
    static let options = CalculationOptions(period: .fiscalYear(2024))
    static let kg: Int128 = 1_000_000_000

    static func workspace() throws -> (TemporaryWorkspace, ledger: Int64) {
        let t = try TemporaryWorkspace()
        _ = try t.workspace.importFile(.factors, try t.file("factors.csv", factors))
        let ledger = try t.workspace.importFile(.purchases, try t.file("purchases.csv", purchases))
        return (t, ledger.record.id)
    }

    @Test func aClosedPeriodKeepsItsPublishedRunAndShowsTheRestatement() throws {
        let (t, ledger) = try Self.workspace()
        defer { t.cleanUp() }
        let runs = t.workspace.runs
        let published = try runs.calculate(Self.options)
        #expect(published.aggregate.total.totalNanoKg == 170 * Self.kg)
        let closing = try runs.closePeriod(Self.fy2024, by: "alice")
        #expect(closing.runID == published.id && closing.inForce && closing.closedBy == "alice" && closing.period == Self.fy2024)
        #expect(try runs.closing(of: Self.fy2024) == closing)
        #expect(try runs.restatement(of: Self.fy2024) == nil, "no later run yet")

        // A corrected ledger, then the period calculated again: a new run, the published one untouched.
        let correction = try t.workspace.importFile(.purchases, try t.file("corrected.csv", Self.corrected), replacing: ledger).record.id
        #expect(try runs.restatement(of: Self.fy2024) == nil, "imported, not yet calculated")
        let restated = try runs.calculate(Self.options)
        #expect(restated.id > published.id && restated.aggregate.total.totalNanoKg == 181 * Self.kg)
        #expect(try runs.closing(of: Self.fy2024)?.runID == published.id)
        #expect(try runs.run(id: published.id).aggregate == published.aggregate)

        let r = try #require(try runs.restatement(of: Self.fy2024))
        #expect(r.published.id == published.id && r.restated.id == restated.id)
        #expect(r.deltaNanoKg == 11 * Self.kg)
        #expect(r.scope3Changes.count == 1)
        #expect(r.scope3Changes.first?.key == "3.1" && r.scope3Changes.first?.published == 120 * Self.kg)
        #expect(r.scope3Changes.first?.restated == 131 * Self.kg)
        // S1 alone, all of it activity (a corrected quantity and a line added).
        #expect(r.attribution.suppliers.map(\.key) == ["S1"])
        let s1 = try #require(r.attribution.suppliers.first)
        #expect(s1.before == 20 * Self.kg && s1.after == 31 * Self.kg)
        #expect(s1.parts == ChangeAttribution.Parts(activity: 11 * Self.kg, methodSwitch: 0, figures: 0))
        #expect(s1.linesAdded == 1)
        #expect(r.attribution.total.parts.total == r.deltaNanoKg)
        #expect(r.why.importsAdded.map(\.importID) == [correction] && r.why.importsRemoved.map(\.importID) == [ledger])
        #expect(r.diff.byDimension.first { $0.0 == .supplier }?.1.map(\.key) == ["S1"])

        // Another period's run is no restatement of 2024, and a run that gives the same figures is none either.
        _ = try runs.calculate(CalculationOptions(period: .fiscalYear(2025)))
        #expect(try runs.restatement(of: Self.fy2024)?.restated.id == restated.id)
        let again = try runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2024)))
        #expect(try runs.restatement(of: Self.fy2024)?.restated.id == again.id)
        #expect(try runs.restatement(of: Self.fy2024, run: published.id) == nil)
    }

    /// A corrected factor (steel 2 -> 2.4 kg CO2e per kg) restates by figures alone: P1 10 kg, +4 kg CO2e.
    @Test func aCorrectedFactorIsARestatementByFigures() throws {
        let (t, _) = try Self.workspace()
        defer { t.cleanUp() }
        let runs = t.workspace.runs
        let published = try runs.calculate(Self.options)
        try runs.closePeriod(Self.fy2024, by: "alice")
        let factorsImport = try #require(try t.workspace.imports.list().first { $0.kind == .factors }).id
        let corrected = Self.factors.replacingOccurrences(of: "steel,Steel,2,", with: "steel,Steel,2.4,")
        _ = try t.workspace.importFile(.factors, try t.file("factors-2.csv", corrected), replacing: factorsImport)
        _ = try runs.calculate(Self.options)
        let r = try #require(try runs.restatement(of: Self.fy2024))
        #expect(r.published.id == published.id && r.deltaNanoKg == 4 * Self.kg)
        #expect(r.attribution.suppliers.map(\.key) == ["S1"])
        #expect(r.attribution.suppliers.first?.parts == ChangeAttribution.Parts(activity: 0, methodSwitch: 0, figures: 4 * Self.kg))
        #expect(r.scope3Changes.map(\.key) == ["3.1"])
        #expect(r.why.importsAdded.map(\.kind) == ["factors"] && r.why.librariesAdded.count == 1)
    }

    @Test func closingRefusesAStaleRunAPeriodWithoutRunsAndAnotherPeriodsRun() throws {
        let (t, ledger) = try Self.workspace()
        defer { t.cleanUp() }
        let runs = t.workspace.runs
        #expect {
            try runs.closePeriod(Self.fy2024, by: "alice")
        } throws: { "\($0)".contains("2024 has no calculation run") }
        let run = try runs.calculate(Self.options)
        let other = try runs.calculate(CalculationOptions(period: .fiscalYear(2025)))
        #expect {
            try runs.closePeriod(Self.fy2024, run: other.id, by: "alice")
        } throws: { "\($0)".contains("run #\(other.id) is of the period 2025, not 2024") }
        _ = try t.workspace.importFile(.purchases, try t.file("corrected.csv", Self.corrected), replacing: ledger)
        #expect(try !runs.isUpToDate(run))
        #expect {
            try runs.closePeriod(Self.fy2024, by: "alice")
        } throws: { "\($0)".contains("run #\(run.id) is not up to date") && "\($0)".contains("footprint calculate --period 2024") }
        #expect(try runs.periodClosings().isEmpty, "nothing recorded")
        #expect {
            try runs.closePeriod(Self.fy2024, by: "  ")
        } throws: { "\($0)".contains("--by") }
        let fresh = try runs.calculate(Self.options)
        #expect(try runs.isUpToDate(fresh))
        #expect(try runs.closePeriod(Self.fy2024, by: "alice").runID == fresh.id)
        #expect {
            try runs.closePeriod(Self.fy2024, by: "bob")
        } throws: { "\($0)".contains("2024 is already closed on run #\(fresh.id)") }
        // The fiscal year's start month changed: FY2024 is another period, and the run is not up to date.
        try t.workspace.setFiscalYearStartMonth(7)
        #expect(try !runs.isUpToDate(fresh))
    }

    @Test func reopeningNeedsAReasonAndKeepsBothClosings() throws {
        let (t, ledger) = try Self.workspace()
        defer { t.cleanUp() }
        let runs = t.workspace.runs
        let first = try runs.calculate(Self.options)
        #expect {
            try runs.reopenPeriod(Self.fy2024, reason: "typo", by: "bob")
        } throws: { "\($0)".contains("2024 is not closed") }
        try runs.closePeriod(Self.fy2024, by: "alice")
        #expect {
            try runs.reopenPeriod(Self.fy2024, reason: " \n", by: "bob")
        } throws: { "\($0)".contains("needs a reason") }
        #expect(try runs.closing(of: Self.fy2024) != nil, "still closed")

        _ = try t.workspace.importFile(.purchases, try t.file("corrected.csv", Self.corrected), replacing: ledger)
        let second = try runs.calculate(Self.options)
        let reopened = try runs.reopenPeriod(Self.fy2024, reason: "S1 corrected its quantities", by: "bob")
        #expect(reopened.runID == first.id && !reopened.inForce)
        #expect(reopened.reopened?.by == "bob" && reopened.reopened?.reason == "S1 corrected its quantities")
        #expect(try runs.closing(of: Self.fy2024) == nil && runs.restatement(of: Self.fy2024) == nil)
        try runs.closePeriod(Self.fy2024, by: "carol")
        let history = try runs.periodClosings()
        #expect(history.map(\.runID) == [first.id, second.id])
        #expect(history.map(\.inForce) == [false, true])
        #expect(history.first?.reopened?.reason == "S1 corrected its quantities" && history.last?.closedBy == "carol")

        // The table is history: no closing is deleted, a reopened one never changes, another field never.
        for sql in [
            "DELETE FROM period_close", "UPDATE period_close SET reopen_reason = 'other' WHERE id = \(history[0].id)",
            "UPDATE period_close SET run_id = \(first.id) WHERE id = \(history[1].id)",
            "INSERT INTO period_close (period_year, period_start_month, run_id, closed_at, closed_by) VALUES (2024, 1, \(first.id), 'now', 'eve')",
        ] {
            #expect(throws: (any Error).self, "\(sql)") { try t.workspace.pool.write { db in try db.execute(sql: sql) } }
        }
        #expect(try t.workspace.runs.periodClosings() == history)
    }
}

/// A workspace of the previous schema (v9, no `period_close`) gets the table when it is opened.
@Suite struct PeriodCloseMigrationTests {
    @Test func aWorkspaceOfThePreviousSchemaGetsTheTable() throws {
        let (t, _) = try PeriodCloseTests.workspace()
        defer { t.cleanUp() }
        let run = try t.workspace.runs.calculate(PeriodCloseTests.options)
        try t.workspace.pool.writeWithoutTransaction { db in
            try db.execute(sql: "DROP TABLE period_close; DELETE FROM grdb_migrations WHERE identifier LIKE 'v10:%'")
        }
        let reopened = try Workspace(path: t.path)
        let applied = try reopened.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied.contains("v10: closed reporting periods"))
        #expect(try reopened.count("period_close") == 0)
        #expect(try reopened.runs.closePeriod(PeriodCloseTests.fy2024, by: "alice").runID == run.id)
    }
}
