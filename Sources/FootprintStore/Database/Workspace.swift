import FootprintImport
import Foundation
import GRDB
import Logging

/// A workspace kept in one SQLite file (WAL mode, versioned migrations): the database that its
/// stores (`imports`, `runs`, `suppliers`, `pact`) read and write, each in transactions of its own.
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

    /// Whether this process will calculate again and again (`calculate --watch`): then the refigure
    /// plans of the packs a calculation refigures are kept in memory for the next one (up to 256 MB),
    /// and its commits leave the write-ahead log to be copied into the database between calculations
    /// (`RunStore.checkpointBetweenRuns`), not within one (SQLite's automatic checkpoint, every 1,000
    /// pages, fell inside every second or third run: a run's inventory is some 450 pages at 5M lines).
    public var calculatesRepeatedly: Bool {
        get { cache.keepsRefigurePlans }
        set {
            cache.keepsRefigurePlans = newValue
            try? pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = \(newValue ? 0 : 1000)") }
        }
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
    public static func create(
        path: String,
        logger: Logger = Logger(label: Workspace.loggerLabel)
    ) throws(WorkspaceError) -> (Workspace, created: Bool) {
        let existed = FileManager.default.fileExists(atPath: path)
        let workspace = try Workspace(opening: path, logger: logger)
        if !existed { try workspace.imports.installDefaultLibraryIfMissing() }
        return (workspace, !existed)
    }

    private init(opening path: String, logger: Logger) throws(WorkspaceError) {
        self.path = path
        self.logger = logger
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 8
        configuration.prepareDatabase { db in
            try db.execute(
                sql:
                    "PRAGMA page_size = 65536; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 4294967296"
            )
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

    /// Today's date in UTC, YYYY-MM-DD.
    public static func today() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date())
    }

    // MARK: settings

    func setting(_ key: String, db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }

    func setSetting(_ key: String, _ value: String, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value]
        )
    }
}

/// The rooms of the house: a store per domain, each on this database.
extension Workspace {
    /// Imports of every kind and the reference data they hold.
    public var imports: ImportStore { ImportStore(workspace: self) }
    /// Calculation runs and their audit.
    public var runs: RunStore { RunStore(workspace: self) }
    /// The supplier register, status facts and engagement.
    public var suppliers: SupplierStore { SupplierStore(workspace: self) }
    /// PACT footprints, the PACT host and the exchange with partners.
    public var pact: PACTStore { PACTStore(workspace: self) }
}

/// Carries an `InputError` through GRDB's untyped closures.
struct InputErrorBox: Error {
    var error: InputError
}
