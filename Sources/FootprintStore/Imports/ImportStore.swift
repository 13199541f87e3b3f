import FootprintCore
import FootprintImport
import Foundation
import GRDB

/// The imports of a workspace, of every kind, and the reference data and factor libraries they bring.
public struct ImportStore: ImportStoring {
    public let workspace: Workspace
}

extension ImportStore {
    public func list() throws(WorkspaceError) -> [ImportRecord] {
        try workspace.read { db in try ImportRecord.fetchAll(db, sql: "SELECT * FROM import ORDER BY id") }
    }

    /// A text that changes whenever an import is added, replaced or removed, or a setting changes:
    /// what a process that keeps figures derived from the imports in force (the web app's customer
    /// allocation) compares, without reading the imports themselves.
    public func stateKey() throws(WorkspaceError) -> String {
        try workspace.read { db in
            let imports = try Row.fetchOne(db, sql: "SELECT count(*), max(id), sum(status = 'active'), sum(status = 'removed') FROM import")
            let settings = try Int64.fetchOne(db, sql: "SELECT max(id) FROM setting_history")
            return "imports \(imports?[0] ?? 0) \(imports?[1] ?? 0) \(imports?[2] ?? 0) \(imports?[3] ?? 0), settings \(settings ?? 0)"
        }
    }

    public func importRecord(id: Int64) throws(WorkspaceError) -> ImportRecord {
        let found = try workspace.read { db in try ImportRecord.fetchOne(db, sql: "SELECT * FROM import WHERE id = ?", arguments: [id]) }
        guard let found else { throw .unknownImport(id: id) }
        return found
    }

    /// Takes an import out of the workspace. Its rows stay, marked removed, so that earlier runs can still be explained.
    public func removeImport(id: Int64) throws(WorkspaceError) -> ImportRecord {
        let record = try importRecord(id: id)
        guard record.status == .active else { throw .importNotActive(id: id, status: record.status.rawValue) }
        try workspace.transaction { db in
            try db.execute(sql: "UPDATE import SET status = 'removed' WHERE id = ?", arguments: [id])
            try db.execute(sql: "UPDATE factor_library SET active = 0 WHERE import_id = ?", arguments: [id])
        }
        return try importRecord(id: id)
    }

    /// The active import of `kind` with this content, if any.
    func activeImport(kind: ImportKind, sha256: String, db: Database) throws -> ImportRecord? {
        try ImportRecord.fetchOne(
            db,
            sql: "SELECT * FROM import WHERE kind = ? AND sha256 = ? AND status = 'active'",
            arguments: [kind.rawValue, sha256]
        )
    }

    /// The outcome of an import of a file already in force (same kind and SHA-256), when nothing is
    /// replaced: nothing changes. Nil when the file is new or `replacing` is given.
    func alreadyImported(kind: ImportKind, sha256: String, replacing: Int64?, since started: Date) throws(WorkspaceError) -> ImportOutcome? {
        guard replacing == nil, let existing = try workspace.read({ db in try activeImport(kind: kind, sha256: sha256, db: db) }) else { return nil }
        return ImportOutcome(record: existing, alreadyImported: true, superseded: nil, seconds: Date().timeIntervalSince(started))
    }

    /// The outcome of the new import `id`, which superseded `replacing` when given.
    func imported(id: Int64, replacing: Int64?, since started: Date) throws(WorkspaceError) -> ImportOutcome {
        ImportOutcome(record: try importRecord(id: id), alreadyImported: false, superseded: replacing, seconds: Date().timeIntervalSince(started))
    }

    /// Checks that `id` can be replaced by a new import of `kind`.
    func checkReplaceable(_ id: Int64, kind: ImportKind, db: Database) throws {
        guard let record = try ImportRecord.fetchOne(db, sql: "SELECT * FROM import WHERE id = ?", arguments: [id]) else {
            throw WorkspaceError.unknownImport(id: id)
        }
        guard record.status == .active else { throw WorkspaceError.importNotActive(id: id, status: record.status.rawValue) }
        let compatible = record.kind == kind || (kind == .factors && record.kind == .factorLibrary)
        guard compatible else { throw WorkspaceError.wrongKind(id: id, kind: record.kind.rawValue, expected: kind.rawValue) }
    }

    func insertImport(
        kind: ImportKind,
        fileName: String,
        digest: FileDigest,
        rows: Int,
        replaces: Int64?,
        mapping: String?,
        content: Data?,
        db: Database
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO import (kind, file_name, byte_count, sha256, imported_at, row_count, replaces, mapping, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [kind.rawValue, fileName, digest.byteCount, digest.sha256, Workspace.timestamp(), rows, replaces, mapping, content]
        )
        let id = db.lastInsertedRowID
        if let replaces {
            try db.execute(sql: "UPDATE import SET status = 'superseded' WHERE id = ?", arguments: [replaces])
            try db.execute(sql: "UPDATE factor_library SET active = 0 WHERE import_id = ?", arguments: [replaces])
        }
        return id
    }
}

/// What a workspace's imports offer: importing purchases, reference files and factor libraries, and
/// the record of every import. `ImportStore` implements it on the SQLite file; a PostgreSQL store
/// can implement the same operations (plain values, `WorkspaceError`, each change one transaction).
/// SQLite-specific hot paths: `importPurchases` binds each row with `sqlite3_bind_*` on a prepared
/// statement while another thread reads the file, and writes the purchase packs (blobs the runs read
/// whole), since a GRDB row per line costs more than the import itself on a million lines.
public protocol ImportStoring: Sendable {
    func list() throws(WorkspaceError) -> [ImportRecord]
    func importRecord(id: Int64) throws(WorkspaceError) -> ImportRecord
    func removeImport(id: Int64) throws(WorkspaceError) -> ImportRecord
    func importPurchases(
        path: String,
        displayName: String,
        replacing: Int64?,
        mapping: String?,
        progress: ProgressReporter?
    ) throws(WorkspaceError) -> ImportOutcome
    func importPurchases(
        path: String,
        mapping mappingPath: String,
        replacing: Int64?,
        progress: ProgressReporter?
    ) throws(WorkspaceError) -> ImportOutcome
    func importReference(kind: ImportKind, path: String, displayName: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome
    func installLibrary(
        _ content: FactorLibraryContent,
        fileName: String,
        digest: String?,
        byteCount: Int,
        replacing: Int64?
    ) throws(WorkspaceError) -> ImportOutcome
    func libraries() throws(WorkspaceError) -> [FactorLibraryRecord]
    func supplierNames() throws(WorkspaceError) -> [String: String]
}
