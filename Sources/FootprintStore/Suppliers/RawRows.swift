import GRDB
import GRDBSQLite

/// Columns read by position: what `SupplierStore.registerRecord` needs of a GRDB row or of raw columns.
protocol RegisterColumns {
    func text(_ column: Int32) -> String?
    func int64(_ column: Int32) -> Int64
}

extension Row: RegisterColumns {
    func text(_ column: Int32) -> String? { self[Int(column)] }
    func int64(_ column: Int32) -> Int64 { self[Int(column)] ?? 0 }
}

/// The columns of the current row of a statement, read straight from SQLite: for queries that read
/// thousands of rows of many columns, where GRDB's `Row` (a value per column, by name or position)
/// costs more than the query itself. Valid only inside the `RawRows.each` body that hands it out.
struct RawColumns: RegisterColumns {
    fileprivate let statement: SQLiteStatement

    /// The column as text; nil when it is NULL.
    @inline(__always)
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    @inline(__always)
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    /// The column's bytes (text or blob) for the duration of `body`; an empty buffer for NULL.
    @inline(__always)
    func bytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let count = Int(sqlite3_column_bytes(statement, column))
        guard count > 0, let base = sqlite3_column_text(statement, column) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }
}

enum RawRows {
    /// Runs `sql` with `arguments` and calls `body` with each row's columns.
    static func each(_ db: Database, sql: String, arguments: StatementArguments = [], _ body: (RawColumns) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let raw = statement.sqliteStatement
        defer { sqlite3_reset(raw) }
        while true {
            let code = sqlite3_step(raw)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try body(RawColumns(statement: raw))
        }
    }
}
