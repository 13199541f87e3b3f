public import FootprintCore
import Foundation
import GRDB

/// Closed reporting periods: a closed period's published figure is the run it was closed on, whatever
/// is imported or calculated afterwards; a later run of the period that differs is a restatement,
/// shown beside the published figure, never in its place (docs/workspace-audit.md).
extension RunStore {
    /// The reporting period `selection` names with the workspace's fiscal year (nil: `.all`, every line).
    public func reportingPeriod(_ selection: PeriodSelection) throws(WorkspaceError) -> ReportingPeriod? {
        try period(selection)
    }

    /// The latest run of `period`, or nil when it has none.
    public func latestRun(of period: ReportingPeriod) throws(WorkspaceError) -> CalculationRun? {
        guard let id = try workspace.read({ db in try Self.latestRunID(db: db, period: period) }) else { return nil }
        return try run(id: id)
    }

    static func latestRunID(db: Database, period: ReportingPeriod) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: "SELECT max(id) FROM run WHERE period_year = ? AND period_start_month = ?",
            arguments: [period.year, period.startMonth]
        )
    }

    /// Whether `run` is what a calculation of its period would give now: the same purchases, factors,
    /// rates, price index, rules and activity files, and the same disclosures and footprints of every
    /// supplier (the test `calculate` makes before it says "nothing changed").
    public func isUpToDate(_ run: CalculationRun) throws(WorkspaceError) -> Bool {
        try workspace.read { db in try isUpToDate(run, db: db) }
    }

    func isUpToDate(_ run: CalculationRun, db: Database) throws -> Bool {
        if let period = run.period, period.startMonth != (try workspace.fiscalYearStartMonth(db: db)) { return false }
        let now = try ReferenceSnapshot.load(db: db, cache: workspace.cache, logger: workspace.logger).inputs
        return now.globalDigest == run.inputs.globalDigest && now.supplierDigests == run.inputs.supplierDigests
    }

    /// Every closing of every period, oldest first, reopened ones included.
    public func periodClosings() throws(WorkspaceError) -> [PeriodClosing] {
        try workspace.read { db in try Row.fetchAll(db, sql: "SELECT * FROM period_close ORDER BY id").compactMap(Self.closingRecord) }
    }

    /// The closing in force of `period`, or nil when the period is open.
    public func closing(of period: ReportingPeriod) throws(WorkspaceError) -> PeriodClosing? {
        try workspace.read { db in try Self.closing(db: db, period: period) }
    }

    static func closing(db: Database, period: ReportingPeriod) throws -> PeriodClosing? {
        try Row.fetchOne(
            db,
            sql: "SELECT * FROM period_close WHERE period_year = ? AND period_start_month = ? AND reopened_at IS NULL",
            arguments: [period.year, period.startMonth]
        ).flatMap(Self.closingRecord)
    }

    static func closingRecord(_ row: Row) -> PeriodClosing? {
        guard let period = ReportingPeriod(fiscalYear: row["period_year"], startMonth: row["period_start_month"]) else { return nil }
        let reopenedAt: String? = row["reopened_at"]
        return PeriodClosing(
            id: row["id"],
            period: period,
            runID: row["run_id"],
            closedAt: row["closed_at"],
            closedBy: row["closed_by"],
            reopened: reopenedAt.map { PeriodClosing.Reopening(at: $0, by: row["reopened_by"] ?? "", reason: row["reopen_reason"] ?? "") }
        )
    }

    /// Closes `period` on run `runID` (default: the period's latest run), recorded as closed by `by`, in
    /// one transaction. Refused when the period is closed already, has no run, when the run is of another
    /// period, or when it is not up to date with the workspace's inputs (a calculation would give another
    /// figure: publish what the workspace holds, or calculate first).
    @discardableResult
    public func closePeriod(_ period: ReportingPeriod, run runID: Int64? = nil, by: String) throws(WorkspaceError) -> PeriodClosing {
        let name = period.name
        let who = by.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !who.isEmpty else { throw .conflict("closing \(name) needs the name of who closes it (--by NAME)") }
        return try workspace.transaction { db in
            if let closed = try Self.closing(db: db, period: period) {
                throw WorkspaceError.conflict(
                    "\(name) is already closed on run #\(closed.runID) (\(closed.closedAt.prefix(19)) UTC, by \(closed.closedBy)); "
                        + "to publish another run, reopen it first: footprint periods reopen \(name) --reason TEXT"
                )
            }
            let id: Int64
            if let runID {
                id = runID
            } else {
                guard let latest = try Self.latestRunID(db: db, period: period) else {
                    throw WorkspaceError.conflict(
                        "\(name) has no calculation run to close it on: run 'footprint calculate --period \(name)' first"
                    )
                }
                id = latest
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) else {
                throw WorkspaceError.unknownRun(id: id)
            }
            let run = try Self.calculationRun(row)
            guard run.period == period else {
                throw WorkspaceError.conflict(
                    "run #\(id) is of the period \(run.period?.name ?? "all (every line)"), not \(name); 'footprint runs' lists each run's period"
                )
            }
            guard try isUpToDate(run, db: db) else {
                throw WorkspaceError.conflict(
                    "run #\(id) is not up to date: the workspace's inputs have changed since it was calculated, so it is not the figure "
                        + "they give; run 'footprint calculate --period \(name)' and close \(name) on the new run"
                )
            }
            try db.execute(
                sql: "INSERT INTO period_close (period_year, period_start_month, run_id, closed_at, closed_by) VALUES (?, ?, ?, ?, ?)",
                arguments: [period.year, period.startMonth, id, Workspace.timestamp(), who]
            )
            let closingID = db.lastInsertedRowID
            let stored = try Row.fetchOne(db, sql: "SELECT * FROM period_close WHERE id = ?", arguments: [closingID]).flatMap(Self.closingRecord)
            guard let stored else { throw WorkspaceError.database("the closing of \(name) was not stored") }
            return stored
        }
    }

    /// Reopens the closed `period` (an administrator's correction): the closing in force is kept, with
    /// when, by whom and why it was reopened; `reason` must say why. One transaction.
    @discardableResult
    public func reopenPeriod(_ period: ReportingPeriod, reason: String, by: String) throws(WorkspaceError) -> PeriodClosing {
        let name = period.name
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let who = by.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .conflict("reopening \(name) needs a reason (--reason TEXT): it is kept with the closing") }
        guard !who.isEmpty else { throw .conflict("reopening \(name) needs the name of who reopens it (--by NAME)") }
        return try workspace.transaction { db in
            guard let closed = try Self.closing(db: db, period: period) else {
                throw WorkspaceError.conflict("\(name) is not closed; 'footprint periods' lists the closed periods")
            }
            try db.execute(
                sql: "UPDATE period_close SET reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE id = ?",
                arguments: [Workspace.timestamp(), who, why, closed.id]
            )
            let stored = try Row.fetchOne(db, sql: "SELECT * FROM period_close WHERE id = ?", arguments: [closed.id]).flatMap(Self.closingRecord)
            guard let stored else { throw WorkspaceError.database("the closing of \(name) was not found") }
            return stored
        }
    }

    /// The restatement of the closed `period`: its published run against `runID` (default: the period's
    /// latest run), when that run was made after the published one and its inventory differs. Nil when
    /// the period is open, or no later run differs. Both runs are read line by line and verified
    /// (`changeAttribution`).
    public func restatement(of period: ReportingPeriod, run runID: Int64? = nil) throws(WorkspaceError) -> Restatement? {
        guard let closing = try closing(of: period) else { return nil }
        var candidate: CalculationRun?
        if let runID { candidate = try run(id: runID) } else { candidate = try latestRun(of: period) }
        guard let latest = candidate, latest.period == period, latest.id > closing.runID else { return nil }
        let published = try run(id: closing.runID)
        guard latest.aggregate != published.aggregate else { return nil }
        return Restatement(
            closing: closing,
            published: published,
            restated: latest,
            diff: InventoryDiff(before: published.aggregate, after: latest.aggregate),
            attribution: try changeAttribution(before: published.id, after: latest.id),
            why: RunInputsDiff(before: published.inputs, after: latest.inputs)
        )
    }
}
