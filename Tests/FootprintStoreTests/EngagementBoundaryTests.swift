import FootprintCore
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// The engagement boundary chosen with the target: the KPIs over it, the history that records it, and
/// the v7 migration of targets and snapshots stored before it could be chosen.
@Suite struct EngagementBoundaryTests {
    static let nano = EngagementHistoryTests.nano
    static let usd = EngagementHistoryTests.usd

    /// A and C have targets set (EngagementHistoryTests' ledger: A cat 1 400 kg net, cat 2 4000, cat 6 200;
    /// B cat 1 1500 and 700 USD unmapped; C cat 2 1000 and 300 USD unmapped in cat 1).
    static func workspace() throws -> TemporaryWorkspace {
        let t = try EngagementHistoryTests.workspace()
        _ = try t.workspace.suppliers.importSupplierStatus(
            path: t.file(
                "status.csv",
                "supplier,fact,value,source,checked_on\nA,sbti,targets set,test,2025-01-01\nC,sbti,targets set,test,2025-01-01\nB,sbti,committed,test,2025-01-01\n"
            ),
            displayName: "status.csv"
        )
        return t
    }

    /// Hand-computed: kg (all, targets set) and USD spend (all, targets set) per boundary.
    static let expected: [(EngagementBoundary, Int128, Int128, Int128, Int128)] = [
        // Category 1: A 400, B 1500 kg; spend A 800, B 3700, C 300.
        (.category1, 1900, 400, 4800, 1100),
        // Categories 1 and 2: C's and A's category 2 added.
        (.categories1And2, 6900, 5400, 7300, 3600),
        // Upstream: A's category 6 (200 kg, 400 USD) added.
        (.upstream, 7100, 5600, 7700, 4000),
    ]

    @Test(arguments: expected.indices) func theBoundaryChangesTheKPIs(_ index: Int) throws {
        let (boundary, kg, targetsSetKg, spend, targetsSetSpend) = Self.expected[index]
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let run = try ws.runs.calculate(CalculationOptions())
        let kpis = try ws.suppliers.kpiSnapshot(run: run).kpis
        let f = try #require(kpis.figures(boundary))
        let unit = Int128(1_000_000_000_000_000_000)
        #expect(f.nanoKg == kg * Self.nano && f.targetsSetNanoKg == targetsSetKg * Self.nano)
        #expect(f.spend[Self.usd] == spend * unit && f.targetsSetSpend[Self.usd] == targetsSetSpend * unit)
        // The target over that boundary is tracked by its share.
        let emissions = EngagementTarget(sharePercent: "67", deadline: "2027-12-31", boundary: boundary)
        #expect(kpis.trackedShare(emissions) == Double(targetsSetKg) / Double(kg))
        let bySpend = EngagementTarget(sharePercent: "67", deadline: "2027-12-31", basis: .spend, boundary: boundary)
        #expect(kpis.trackedShare(bySpend) == Double(targetsSetSpend) / Double(spend))
        // The KPIs agree with the run's lines, summed independently over the boundary.
        var lineKg = 0.0
        var targetsSetLineKg = 0.0
        var lines = 0
        _ = try ws.runs.runLines(id: run.id) { line in
            guard boundary.categories.contains(line.scope3.rawValue) else { return }
            lines += 1
            lineKg += line.provenance.kg
            if ["A", "C"].contains(line.supplier) { targetsSetLineKg += line.provenance.kg }
        }
        #expect(abs(lineKg - Double(f.nanoKg) / 1e9) < 1e-6 && abs(targetsSetLineKg - Double(f.targetsSetNanoKg) / 1e9) < 1e-6)
        #expect(lines == f.lines)
    }

    @Test func theTargetKeepsItsBoundary() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        try ws.suppliers.setEngagementTarget(EngagementTarget(sharePercent: "67", deadline: "2027-12-31", boundary: .upstream))
        #expect(try ws.suppliers.engagementTarget()?.boundary == .upstream)
        #expect(try ws.suppliers.engagementTargetHistory().map { $0.target?.boundary } == [.upstream])
    }

    @Test func theMigrationKeepsEarlierTargetsAndSnapshotsReadable() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        try ws.suppliers.setEngagementTarget(EngagementTarget(sharePercent: "67", deadline: "2027-12-31"))
        let run = try ws.runs.calculate(CalculationOptions())
        let before = try ws.suppliers.kpiSnapshot(run: run)
        #expect(before.boundaries == EngagementBoundary.allCases && before.kpis.byCategory != nil)
        // Made into what the previous version wrote: a target without a boundary, snapshots with the
        // Category 1 and 2 sums only, no table of v7, no v7 migration.
        try ws.pool.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    UPDATE setting SET value = json_remove(value, '$.boundary') WHERE key = 'engagement.target';
                    DROP TRIGGER engagement_kpi_is_history_update;
                    UPDATE engagement_kpi SET value = json_remove(value, '$.by_category');
                    DROP TABLE engagement_kpi_category;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v7:%';
                    """
            )
            try db.execute(
                sql: """
                    CREATE TRIGGER engagement_kpi_is_history_update BEFORE UPDATE ON engagement_kpi
                        BEGIN SELECT RAISE(ABORT, 'engagement_kpi is history: add a new row instead'); END;
                    """
            )
            #expect(try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'engagement.target'")?.contains("boundary") == false)
        }
        let reopened = try Workspace(path: t.path)
        // The target is over Categories 1 and 2, and says so in its stored setting.
        #expect(try reopened.suppliers.engagementTarget()?.boundary == .categories1And2)
        #expect(
            try reopened.read { db in
                try String.fetchOne(db, sql: "SELECT json_extract(value, '$.boundary') FROM setting WHERE key = 'engagement.target'")
            }
                == "categories-1-2"
        )
        // The earlier snapshot is not rewritten: its row still has the Category 1 and 2 sums only.
        #expect(
            try reopened.read { db in try String.fetchOne(db, sql: "SELECT value FROM engagement_kpi WHERE run_id = ?", arguments: [run.id]) }?
                .contains("by_category") == false
        )
        // The migration added its figures per category beside it, from the run's inventory and the
        // suppliers with targets set it recorded: it reads over every boundary, as the snapshot computed now does.
        let old = try #require(try reopened.suppliers.kpiHistory().first)
        #expect(old.boundaries == EngagementBoundary.allCases && old.kpis == before.kpis)
        let cat12 = EngagementTarget(sharePercent: "67", deadline: "2027-12-31")
        let upstream = EngagementTarget(sharePercent: "67", deadline: "2027-12-31", boundary: .upstream)
        #expect(old.kpis.trackedShare(cat12) == 5400.0 / 6900.0 && old.kpis.trackedShare(upstream) == 5600.0 / 7100.0)
        #expect(try reopened.suppliers.kpiBaseline(for: upstream)?.run == run.id)
        #expect(try reopened.count("engagement_kpi_category") == 1)
        // A snapshot whose run has no supplier x category cross stays readable over Categories 1 and 2 only
        // (its figures are then n/a): EngagementKPIs.figures gives the stored sums.
        var legacy = before.kpis
        legacy.byCategory = nil
        #expect(legacy.figures(.categories1And2)?.nanoKg == 6900 * Self.nano && legacy.figures(.upstream) == nil)
        // A new run stores its figures per category with the snapshot itself.
        _ = try reopened.importFile(
            .purchases,
            t.file("more.csv", "id,date,supplier,category,amount,currency,scope3_category\nP9,2025-01-10,B,IT,1000,USD,1\n")
        )
        let next = try reopened.runs.calculate(CalculationOptions())
        #expect(try reopened.suppliers.kpiSnapshot(run: next).kpis.byCategory?[1] != nil)
        #expect(try reopened.count("engagement_kpi_category") == 1)
    }
}
