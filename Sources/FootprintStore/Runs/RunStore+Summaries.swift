import FootprintCore
import Foundation
import GRDB

/// A run as a list of runs names it: its id, when it was made, its period and its lines, read from
/// the run's columns without decoding its inputs or its stored inventory (which for a large ledger
/// is megabytes: `list` decodes every run's).
public struct RunSummary: Sendable, Equatable {
    public let id: Int64
    /// `YYYY-MM-DDTHH:MM:SSZ`, as `CalculationRun.createdAt`.
    public let createdAt: String
    /// The fiscal year the run counted, nil when it counted every line (as `CalculationRun.period`).
    public let period: ReportingPeriod?
    public let lineCount: Int
}

extension RunStore {
    /// Every run, oldest first, as `list` orders them, without their inputs and inventories.
    public func summaries() throws(WorkspaceError) -> [RunSummary] {
        try workspace.read { db in
            try Row.fetchAll(db, sql: "SELECT id, created_at, line_count, period_year, period_start_month FROM run ORDER BY id").map { row in
                let year: Int? = row["period_year"]
                let month: Int? = row["period_start_month"]
                return RunSummary(
                    id: row["id"],
                    createdAt: row["created_at"],
                    period: year.flatMap { y in month.flatMap { ReportingPeriod(fiscalYear: y, startMonth: $0) } },
                    lineCount: row["line_count"]
                )
            }
        }
    }
}
