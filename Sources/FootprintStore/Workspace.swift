import FootprintImport
import Foundation
import GRDB
import Logging

/// A workspace kept in one SQLite file (WAL mode, versioned migrations): the imported ledger and
/// reference data, factor libraries, and every calculation run.
///
/// Every change is one transaction: an import applies whole or not at all, and a process killed at
/// any moment leaves the workspace as it was before (SQLite's write-ahead log ignores uncommitted
/// frames when the file is next opened).
public final class Workspace: @unchecked Sendable {
    public let path: String
    /// Where the store logs: phase timings of calculations and assessments, at debug level.
    public let logger: Logger
    /// The label of the store's logger unless another logger is given.
    public static let loggerLabel = "footprint.store"
    let pool: DatabasePool
    /// What repeated calculations of this process reuse (`CalculationCache`).
    let cache = CalculationCache()

    /// Whether this process will calculate again and again (`calculate --watch`): then the packs a
    /// calculation refigures are kept in memory for the next one (up to 256 MB).
    public var calculatesRepeatedly: Bool {
        get { cache.keepsPacks }
        set { cache.keepsPacks = newValue }
    }

    /// The workspace path: `--db` if given, else FOOTPRINT_DB, else ./footprint.sqlite.
    public static func resolvePath(_ option: String?) -> String {
        option ?? ProcessInfo.processInfo.environment["FOOTPRINT_DB"] ?? "footprint.sqlite"
    }

    /// Opens an existing workspace, applying any newer migrations.
    public convenience init(path: String, logger: Logger = Logger(label: Workspace.loggerLabel)) throws(WorkspaceError) {
        guard FileManager.default.fileExists(atPath: path) else { throw .notFound(path: path) }
        try self.init(opening: path, logger: logger)
    }

    /// Creates a workspace (or opens one that exists). Returns whether it was created.
    public static func create(path: String, logger: Logger = Logger(label: Workspace.loggerLabel)) throws(WorkspaceError) -> (Workspace, created: Bool) {
        let existed = FileManager.default.fileExists(atPath: path)
        let workspace = try Workspace(opening: path, logger: logger)
        if !existed { try workspace.installDefaultLibraryIfMissing() }
        return (workspace, !existed)
    }

    private init(opening path: String, logger: Logger) throws(WorkspaceError) {
        self.path = path
        self.logger = logger
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA page_size = 65536; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 4294967296")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // A read tells whether every migration is applied (nearly always); migrating takes the write lock.
            if try !pool.read({ db in try WorkspaceSchema.migrator.hasCompletedMigrations(db) }) { try WorkspaceSchema.migrator.migrate(pool) }
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Runs `body` in one write transaction; any error rolls everything back.
    func transaction<T>(_ body: (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as WorkspaceError {
            throw error
        } catch let error as InputErrorBox {
            throw .input(error.error)
        } catch let error as AlreadyImported {
            throw .alreadyImported(error.record)
        } catch {
            throw .database("\(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try pool.read(body)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw .database("\(error)")
        }
    }

    /// Now, in UTC, as ISO 8601 with milliseconds (`2026-11-29T13:27:59.123Z`): the form every stored
    /// time has, so that times compare as text. Formatted by hand: creating a date formatter loads the
    /// time zone data, which cost a short command a few milliseconds.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = date.timeIntervalSince1970
        var whole = time_t(seconds.rounded(.down))
        let millis = min(999, Int((seconds - Double(whole)) * 1000))
        var parts = tm()
        gmtime_r(&whole, &parts)
        func digits(_ value: Int, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return "\(digits(Int(parts.tm_year) + 1900, 4))-\(digits(Int(parts.tm_mon) + 1, 2))-\(digits(Int(parts.tm_mday), 2))T"
            + "\(digits(Int(parts.tm_hour), 2)):\(digits(Int(parts.tm_min), 2)):\(digits(Int(parts.tm_sec), 2)).\(digits(millis, 3))Z"
    }

    // MARK: imports

    public func imports() throws(WorkspaceError) -> [ImportRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM import ORDER BY id").map(Self.importRecord) }
    }

    public func importRecord(id: Int64) throws(WorkspaceError) -> ImportRecord {
        let found = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM import WHERE id = ?", arguments: [id]).map(Self.importRecord) }
        guard let found else { throw .unknownImport(id: id) }
        return found
    }

    static func importRecord(_ row: Row) -> ImportRecord {
        ImportRecord(
            id: row["id"], kind: ImportKind(rawValue: row["kind"]) ?? .purchases, fileName: row["file_name"],
            byteCount: row["byte_count"], sha256: row["sha256"], importedAt: row["imported_at"], rowCount: row["row_count"],
            status: ImportRecord.Status(rawValue: row["status"]) ?? .removed, replaces: row["replaces"], mapping: row["mapping"])
    }

    /// Takes an import out of the workspace. Its rows stay, marked removed, so that earlier runs can still be explained.
    public func removeImport(id: Int64) throws(WorkspaceError) -> ImportRecord {
        let record = try importRecord(id: id)
        guard record.status == .active else { throw .importNotActive(id: id, status: record.status.rawValue) }
        try transaction { db in
            try db.execute(sql: "UPDATE import SET status = 'removed' WHERE id = ?", arguments: [id])
            try db.execute(sql: "UPDATE factor_library SET active = 0 WHERE import_id = ?", arguments: [id])
        }
        return try importRecord(id: id)
    }

    /// The active import of `kind` with this content, if any.
    func activeImport(kind: ImportKind, sha256: String, db: Database) throws -> ImportRecord? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM import WHERE kind = ? AND sha256 = ? AND status = 'active'", arguments: [kind.rawValue, sha256]
        ).map(Self.importRecord)
    }

    /// Checks that `id` can be replaced by a new import of `kind`.
    func checkReplaceable(_ id: Int64, kind: ImportKind, db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM import WHERE id = ?", arguments: [id]) else {
            throw WorkspaceError.unknownImport(id: id)
        }
        let record = Self.importRecord(row)
        guard record.status == .active else { throw WorkspaceError.importNotActive(id: id, status: record.status.rawValue) }
        let compatible = record.kind == kind || (kind == .factors && record.kind == .factorLibrary)
        guard compatible else { throw WorkspaceError.wrongKind(id: id, kind: record.kind.rawValue, expected: kind.rawValue) }
    }

    func insertImport(kind: ImportKind, fileName: String, digest: FileDigest, rows: Int, replaces: Int64?, mapping: String?, content: Data?, db: Database) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO import (kind, file_name, byte_count, sha256, imported_at, row_count, replaces, mapping, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [kind.rawValue, fileName, digest.byteCount, digest.sha256, Self.timestamp(), rows, replaces, mapping, content])
        let id = db.lastInsertedRowID
        if let replaces {
            try db.execute(sql: "UPDATE import SET status = 'superseded' WHERE id = ?", arguments: [replaces])
            try db.execute(sql: "UPDATE factor_library SET active = 0 WHERE import_id = ?", arguments: [replaces])
        }
        return id
    }

    // MARK: settings

    func setting(_ key: String, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    func setSetting(_ key: String, _ value: String, db: Database) throws {
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
    }
}

/// Carries an `InputError` through GRDB's untyped closures.
struct InputErrorBox: Error {
    var error: InputError
}
