import FootprintCore
import Foundation
import GRDB

/// The engagement KPIs of one run as stored with it: computed with the status facts recorded in
/// the workspace when the run was stored, the built-in assessment criteria and 80% coverage.
public struct KPISnapshot: Sendable, Equatable {
    public var run: Int64
    /// The run's `created_at` (ISO 8601 UTC); its first 10 characters are the run's date.
    public var runCreatedAt: String
    /// When the snapshot was computed: at the calculation, or later for a run stored before snapshots existed.
    public var computedAt: String
    /// Status facts imported up to this time count: when the calculation started (the snapshot of a
    /// run stored before snapshots existed: the run's `created_at`).
    public var factsAsOf: String
    public var kpis: EngagementKPIs
    /// The engagement boundaries whose figures the snapshot holds: every boundary for a snapshot with the
    /// figures of each category (`by_category`: stored with it, or for a snapshot stored before the
    /// boundary could be chosen, added by migration v7 in `engagement_kpi_category`), Categories 1 and 2
    /// only for one whose run has no supplier x category cross.
    public var boundaries: [EngagementBoundary] { kpis.byCategory == nil ? [.categories1And2] : EngagementBoundary.allCases }

    /// The run's date, YYYY-MM-DD.
    public var date: String { String(runCreatedAt.prefix(10)) }
}

extension SupplierStore {
    /// The KPI snapshot of `run`: the stored one, or computed now (facts recorded up to the run's
    /// time) and stored. `calculate` stores it for every new run; runs stored before get theirs the
    /// first time they are asked for.
    @discardableResult
    public func kpiSnapshot(run: CalculationRun) throws(WorkspaceError) -> KPISnapshot {
        if let stored = try workspace.read({ db in try Self.storedSnapshot(run: run.id, db: db) }) { return stored }
        return try storeSnapshot(
            run: run,
            overviews: try supplierOverviews(factsAsOf: run.createdAt, withRun: false),
            factsAsOf: run.createdAt,
            attribution: try engagementTarget()?.attribution ?? .supplier
        )
    }

    /// Computes and stores the snapshot of `run` from `overviews` read with the status facts imported up to
    /// `factsAsOf` (unless one is stored already: the first one stays).
    @discardableResult
    func storeSnapshot(
        run: CalculationRun,
        overviews: [SupplierOverview],
        factsAsOf: String,
        attribution: EngagementAttribution
    ) throws(WorkspaceError) -> KPISnapshot {
        let value = try Self.encodeKPIs(
            computeKPIs(
                aggregate: run.aggregate,
                overviews: overviews,
                criteria: .standard,
                coverage: 80,
                attributed: Self.snapshotCells(run.aggregate, attribution)
            )
        )
        return try workspace.transaction { db in
            // Another process may have stored it meanwhile: the first one stays.
            try db.execute(
                sql: "INSERT OR IGNORE INTO engagement_kpi (run_id, computed_at, facts_as_of, value) VALUES (?, ?, ?, ?)",
                arguments: [run.id, Workspace.timestamp(), factsAsOf, value]
            )
            guard let stored = try Self.storedSnapshot(run: run.id, db: db) else {
                throw WorkspaceError.database("the KPIs of run #\(run.id) were not stored")
            }
            return stored
        }
    }

    /// The KPI snapshot of every run, oldest run first (computed and stored for runs that have none).
    public func kpiHistory() throws(WorkspaceError) -> [KPISnapshot] {
        let ids = try workspace.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id") }
        let stored = try workspace.read { db in
            try Int64.fetchAll(db, sql: "SELECT run_id FROM engagement_kpi")
        }
        let have = Set(stored)
        for id in ids where !have.contains(id) { try kpiSnapshot(run: try workspace.runs.run(id: id)) }
        return try workspace.read { db in
            try KPISnapshot.fetchAll(
                db,
                sql: "SELECT \(Self.snapshotColumns) ORDER BY k.run_id"
            )
        }
    }

    /// The baseline of the target's progress: the KPI snapshot of the oldest run whose KPIs the target
    /// can be tracked by (as `engagementProgress` looks for it in the whole history), reading
    /// snapshots oldest first and stopping there.
    public func kpiBaseline(for target: EngagementTarget) throws(WorkspaceError) -> KPISnapshot? {
        let ids = try workspace.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id") }
        for id in ids {
            let snapshot: KPISnapshot
            if let stored = try workspace.read({ db in try Self.storedSnapshot(run: id, db: db) }) {
                snapshot = stored
            } else {
                snapshot = try kpiSnapshot(run: try workspace.runs.run(id: id))
            }
            if snapshot.kpis.trackedShare(target) != nil { return snapshot }
        }
        return nil
    }

    /// A snapshot's row, its run's date, and the category figures migration v7 added for it.
    static let snapshotColumns = """
        k.*, r.created_at AS run_created_at, c.by_category AS added_by_category
        FROM engagement_kpi k JOIN run r ON r.id = k.run_id LEFT JOIN engagement_kpi_category c ON c.run_id = k.run_id
        """

    /// Migration v7: for each snapshot stored without figures per Scope 3 category whose run has the
    /// supplier x category cross, those figures from the run's stored inventory and the suppliers with
    /// targets set the snapshot recorded (the same suppliers, the same sums: its Category 1 and 2 sums
    /// are the sums of its categories 1 and 2), in `engagement_kpi_category`. The snapshot stays as written.
    static func addCategoryFigures(db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT k.run_id, k.value, r.aggregate FROM engagement_kpi k JOIN run r ON r.id = k.run_id") {
            guard let kpis = try? JSONDecoder().decode(EngagementKPIs.self, from: Data((row["value"] as String).utf8)),
                kpis.byCategory == nil, kpis.hasCategoryFigures, let blob = row["aggregate"] as Data?,
                let aggregate = InventoryAggregate(binary: [UInt8](blob)), aggregate.hasSupplierScope3
            else { continue }
            let figures = EngagementKPIs.categoryFigures(aggregate: aggregate, targetsSet: Set(kpis.targetsSetSuppliers))
            let text = try Dictionary(uniqueKeysWithValues: figures.map { (String($0.key), $0.value) }).storedJSONText()
            try db.execute(sql: "INSERT INTO engagement_kpi_category (run_id, by_category) VALUES (?, ?)", arguments: [row["run_id"] as Int64, text])
        }
    }

    static func storedSnapshot(run: Int64, db: Database) throws -> KPISnapshot? {
        try KPISnapshot.fetchOne(
            db,
            sql: "SELECT \(Self.snapshotColumns) WHERE k.run_id = ?",
            arguments: [run]
        )
    }

    /// A snapshot's cells credited per the target's `attribution`; for a run that does not know its
    /// manufactured lines, per the invoicing supplier (the snapshot records which it used).
    static func snapshotCells(_ aggregate: InventoryAggregate, _ attribution: EngagementAttribution) -> AttributedCells {
        AttributedCells(aggregate: aggregate, attribution: attribution) ?? AttributedCells(aggregate: aggregate, attribution: .supplier)!
    }

    /// The cells of run `run` credited per `attribution`; an error when the run cannot tell its manufactured lines.
    static func attributedCells(
        _ aggregate: InventoryAggregate,
        _ attribution: EngagementAttribution,
        run: Int64
    ) throws(WorkspaceError)
        -> AttributedCells
    {
        guard let cells = AttributedCells(aggregate: aggregate, attribution: attribution) else { throw .noManufacturedLines(run: run) }
        return cells
    }

    /// The stored form of a snapshot's KPIs.
    static func encodeKPIs(_ kpis: EngagementKPIs) throws(WorkspaceError) -> String {
        do { return try kpis.storedJSONText() } catch { throw .database("cannot encode the KPIs: \(error)") }
    }

    /// The KPIs of `run` from the register's overviews (`supplierOverviews(withRun: false)`).
    func computeKPIs(
        aggregate: InventoryAggregate,
        overviews: [SupplierOverview],
        criteria: AssessmentCriteria,
        coverage: Double,
        attributed: AttributedCells
    ) -> EngagementKPIs {
        let segmentation = SupplierSegmentation(aggregate: aggregate, register: overviews.map(\.record), coverage: coverage)
        workspace.logger.phase("segmentation")
        var tiers: [String: String] = [:]
        for o in overviews { tiers[o.record.id] = SupplierAssessment.assess(o.assessmentInput, criteria: criteria, explain: false).tier }
        workspace.logger.phase("assessed \(tiers.count) suppliers")
        let strategic = Set(overviews.filter(\.record.strategic).map(\.record.id)).union(segmentation.strategicSet.map(\.supplier))
        defer { workspace.logger.phase("KPIs") }
        var latest: [String: [SupplierStatusKind: SupplierStatusFact]] = [:]
        for o in overviews where !o.assessmentInput.latest.isEmpty { latest[o.record.id] = o.assessmentInput.latest }
        return EngagementKPIs(
            aggregate: aggregate,
            latest: latest,
            tiers: tiers,
            strategic: strategic,
            attributed: attributed,
            register: attributed.attribution == .manufacturer ? Set(overviews.map(\.record.id)) : nil
        )
    }
}

extension KPISnapshot: FetchableRecord {
    /// A row of `engagement_kpi` joined with its run's `created_at` as `run_created_at`.
    public init(row: Row) throws {
        var kpis = try JSONDecoder().decode(EngagementKPIs.self, from: Data((row["value"] as String).utf8))
        if kpis.byCategory == nil, let added = row["added_by_category"] as String? {
            let figures = try JSONDecoder().decode([String: EngagementFigures].self, from: Data(added.utf8))
            kpis.byCategory = Dictionary(uniqueKeysWithValues: figures.compactMap { key, value in Int(key).map { ($0, value) } })
        }
        self.init(run: row["run_id"], runCreatedAt: row["run_created_at"], computedAt: row["computed_at"], factsAsOf: row["facts_as_of"], kpis: kpis)
    }
}
