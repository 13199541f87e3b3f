import FootprintCore
import GRDB

/// The workspace's fiscal year: the month it starts in (January, the calendar year, unless set), which
/// names and bounds the reporting periods its runs cover (`ReportingPeriod`).
extension Workspace {
    static let fiscalYearStartKey = "inventory.fiscal_year_start_month"

    /// The month (1...12) the fiscal year starts in.
    public func fiscalYearStartMonth() throws(WorkspaceError) -> Int {
        try read { db in try fiscalYearStartMonth(db: db) }
    }

    func fiscalYearStartMonth(db: Database) throws -> Int {
        try setting(Self.fiscalYearStartKey, db: db).flatMap { Int($0) }.flatMap { (1...12).contains($0) ? $0 : nil } ?? 1
    }

    /// Sets the month the fiscal year starts in, kept in the settings' history. Runs already stored
    /// keep their periods; the next calculation is a full one (its period is another). Returns `month`.
    @discardableResult
    public func setFiscalYearStartMonth(_ month: Int) throws(WorkspaceError) -> Int {
        guard (1...12).contains(month) else { throw .conflict("the fiscal year's start month must be 1 to 12, not \(month)") }
        try transaction { db in
            guard try fiscalYearStartMonth(db: db) != month || setting(Self.fiscalYearStartKey, db: db) == nil else { return }
            try setSetting(Self.fiscalYearStartKey, String(month), db: db)
            try db.execute(
                sql: "INSERT INTO setting_history (key, value, changed_at) VALUES (?, ?, ?)",
                arguments: [Self.fiscalYearStartKey, String(month), Workspace.timestamp()]
            )
        }
        return month
    }

    /// The first and last line date (YYYYMMDD) of the active purchase imports; nil when there is none.
    public func purchaseDateRange() throws(WorkspaceError) -> (first: Int32, last: Int32)? {
        try read { db in try Self.purchaseDateRange(db: db) }
    }

    static func purchaseDateRange(db: Database) throws -> (first: Int32, last: Int32)? {
        let row = try Row.fetchOne(
            db,
            sql: "SELECT min(first_date), max(last_date) FROM import WHERE kind = 'purchases' AND status = 'active'"
        )
        guard let row, let first: Int64 = row[0], let last: Int64 = row[1] else { return nil }
        return (Int32(first), Int32(last))
    }
}
