public import FootprintCore
public import FootprintPACT
import Foundation
import GRDB

/// What `importPACT` or `storeImportedFootprints` stored.
public struct PACTImportOutcome: Sendable {
    /// One import record per file (`alreadyImported` when the same file was already in force: nothing changed).
    public var imports: [ImportOutcome]
    /// The footprints stored, in file and document order.
    public var footprints: [PACTStoredFootprint]
}

/// One PACT footprint as stored: its id, the supplier it is linked to, and what became of it.
public struct PACTStoredFootprint: Sendable, Equatable {
    public var id: String
    public var supplier: String
    public var status: String
    /// The file (or partner) and 0-based position in it.
    public var file: String
    public var index: Int
    /// Earlier footprints this one supersedes (its `precedingPfIds`).
    public var supersedes: [String]
    /// False when the same footprint (same id, same JSON) was already stored.
    public var changed: Bool
}

/// Where pulled footprints came from: the partner, the URL they were read from, and when.
public struct PACTProvenance: Sendable {
    public var partner: String
    public var url: String
    /// ISO 8601, UTC; the time of storing when nil.
    public var retrievedAt: String?

    public init(partner: String, url: String, retrievedAt: String? = nil) {
        self.partner = partner
        self.url = url
        self.retrievedAt = retrievedAt
    }
}

extension PACTStore {
    /// Imports PACT files (each a footprint, a list, or an API response body; v3, or v2 mapped to v3),
    /// all or nothing across the files. Each file becomes an import of kind `pact` (name, size, SHA-256,
    /// rows = footprints); a file already imported and in force changes nothing. Each footprint is
    /// stored in `pact_footprint` (origin `imported`) with its compact v3 JSON, and its v2 original
    /// when it was mapped, linked to the supplier its `companyIds` name (`PACTSupplierMatcher`), or to
    /// `supplier` when given. An invalid file, or a footprint linked to no supplier or to several,
    /// stops the import with every problem named; nothing is stored.
    public func importPACT(paths: [String], displayNames: [String]? = nil, supplier: String? = nil) throws(WorkspaceError) -> PACTImportOutcome {
        let started = Date()
        var files: [(name: String, data: Data, digest: FileDigest, entries: [PACTDocument.Entry], items: [JSONValue])] = []
        var problems: [String] = []
        var already: [ImportOutcome] = []
        for (n, path) in paths.enumerated() {
            let name = displayNames?[n] ?? (path as NSString).lastPathComponent
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append("\(name): cannot read '\(path)': no such file or not readable")
                continue
            }
            let digest = FileDigest(bytes: data)
            if files.contains(where: { $0.digest.sha256 == digest.sha256 }) { continue }  // the same file given twice
            if let existing = try workspace.read({ db in try workspace.imports.activeImport(kind: .pact, sha256: digest.sha256, db: db) }) {
                already.append(ImportOutcome(record: existing, alreadyImported: true, superseded: nil, seconds: 0))
                continue
            }
            do {
                let entries = try PACTDocument.read(data, file: name)
                files.append((name, data, digest, entries, Self.pactItems(data)))
            } catch {
                problems.append(error.description)
            }
        }
        if !problems.isEmpty { throw .conflict(problems.joined(separator: "\n") + "\nnothing was imported") }
        let batch = files.flatMap { file in
            file.entries.map { entry in
                (file.name, entry, entry.sourceVersion == "2" && entry.index < file.items.count ? file.items[entry.index] : nil)
            }
        }
        let stored = try store(batch, supplier: supplier) { db in
            var ids: [String: Int64] = [:]
            for file in files {
                ids[file.name] = try workspace.imports.insertImport(
                    kind: .pact,
                    fileName: file.name,
                    digest: file.digest,
                    rows: file.entries.count,
                    replaces: nil,
                    mapping: nil,
                    content: file.data,
                    db: db
                )
            }
            return { name in (ids[name], nil) }
        }
        var outcomes = already
        for file in files {
            let record = try workspace.imports.list().last { $0.kind == .pact && $0.sha256 == file.digest.sha256 && $0.status == .active }
            if let record {
                outcomes.append(ImportOutcome(record: record, alreadyImported: false, superseded: nil, seconds: Date().timeIntervalSince(started)))
            }
        }
        return PACTImportOutcome(imports: outcomes, footprints: stored)
    }

    /// Stores footprints pulled from a partner's PACT host, as `importPACT` stores a file's (one
    /// transaction, same linking, same supersession), with `partner` and `source_url` set and no
    /// import record. `originals` holds, by `Entry.index`, the v2 JSON of footprints mapped from v2;
    /// `supplier` links them all to that supplier (the partner's supplier) instead of their companyIds.
    public func storeImportedFootprints(
        _ entries: [PACTDocument.Entry],
        provenance: PACTProvenance,
        originals: [Int: JSONValue] = [:],
        supplier: String? = nil
    ) throws(WorkspaceError) -> [PACTStoredFootprint] {
        let source = "\(provenance.partner) (\(provenance.url))"
        return try store(entries.map { (source, $0, $0.sourceVersion == "2" ? originals[$0.index] : nil) }, supplier: supplier) { _ in
            { _ in (nil, provenance) }
        }
    }

    /// Links and stores footprints in one transaction. `prepare` runs first in it and says, per file
    /// name, the import id or the partner provenance.
    private func store(
        _ batch: [(file: String, entry: PACTDocument.Entry, original: JSONValue?)],
        supplier: String?,
        prepare: (Database) throws -> (String) -> (Int64?, PACTProvenance?)
    ) throws(WorkspaceError) -> [PACTStoredFootprint] {
        let register = try workspace.suppliers.supplierRegister()
        let matcher = PACTSupplierMatcher(register: register)
        var links: [String] = []
        var problems: [String] = []
        for (file, entry, _) in batch {
            let f = entry.footprint
            if let supplier {
                links.append(supplier)
                continue
            }
            let found = matcher.suppliers(for: f.companyIds)
            if found.count == 1 {
                links.append(found[0])
            } else {
                links.append("")
                let what = found.isEmpty ? "matches no supplier of the register" : "matches several suppliers (\(found.joined(separator: ", ")))"
                problems.append(
                    "\(file): footprint [\(entry.index)] \(f.id): companyIds [\(f.companyIds.joined(separator: ", "))] \(what); "
                        + "add the id to the supplier's pact_company_ids (or its LEI, org number, VAT, D-U-N-S) in the suppliers file, or give --supplier ID"
                )
            }
        }
        if !problems.isEmpty { throw .conflict(problems.joined(separator: "\n") + "\nnothing was imported") }
        return try workspace.transaction { db in
            let origin = try prepare(db)
            let now = Workspace.timestamp()
            var result: [PACTStoredFootprint] = []
            for ((file, entry, originalJSON), supplierID) in zip(batch, links) {
                let f = entry.footprint
                let (importID, provenance) = origin(file)
                let json = f.json.compactString()
                let original = originalJSON?.compactString()
                let existing = try Row.fetchOne(
                    db,
                    sql: "SELECT json, supplier_id FROM pact_footprint WHERE origin = 'imported' AND id = ?",
                    arguments: [f.id]
                )
                let stamp = provenance?.retrievedAt ?? now
                var changed = true
                if let existing {
                    let oldJSON = String(decoding: existing["json"] as Data, as: UTF8.self)
                    changed = oldJSON != json || (existing["supplier_id"] as String?) != supplierID
                    if changed {
                        try db.execute(
                            sql: """
                                UPDATE pact_footprint SET import_id = ?, partner = ?, supplier_id = ?, status = ?, source_version = ?, json = ?,
                                original = ?, stored_at = ?, deprecated_at = CASE WHEN ? = 'Deprecated' THEN coalesce(deprecated_at, ?) ELSE NULL END
                                WHERE origin = 'imported' AND id = ?
                                """,
                            arguments: [
                                importID, provenance?.partner, supplierID, f.status.rawValue, entry.sourceVersion, Data(json.utf8),
                                original.map { Data($0.utf8) }, stamp, f.status.rawValue, stamp, f.id,
                            ]
                        )
                    }
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO pact_footprint (id, origin, import_id, partner, supplier_id, status, source_version, json, original, stored_at, deprecated_at)
                            VALUES (?, 'imported', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            f.id, importID, provenance?.partner, supplierID, f.status.rawValue, entry.sourceVersion, Data(json.utf8),
                            original.map { Data($0.utf8) }, stamp, f.status == .deprecated ? stamp : nil,
                        ]
                    )
                }
                if let provenance {
                    try db.execute(
                        sql: "UPDATE pact_footprint SET source_url = ? WHERE origin = 'imported' AND id = ?",
                        arguments: [provenance.url, f.id]
                    )
                }
                for preceding in f.precedingPfIds {
                    try db.execute(
                        sql: "UPDATE pact_footprint SET superseded_by = ? WHERE origin = 'imported' AND id = ? AND id <> ?",
                        arguments: [f.id, preceding, f.id]
                    )
                }
                result.append(
                    PACTStoredFootprint(
                        id: f.id,
                        supplier: supplierID,
                        status: f.status.rawValue,
                        file: file,
                        index: entry.index,
                        supersedes: f.precedingPfIds,
                        changed: changed
                    )
                )
            }
            return result
        }
    }

    /// The footprint objects of a document in document order, as `PACTDocument` reads its shapes
    /// (for keeping v2 originals); empty when it is not JSON.
    static func pactItems(_ data: Data) -> [JSONValue] {
        guard let json = try? JSONValue.parse(data) else { return [] }
        switch json {
        case .array(let items): return items
        case .object:
            if json["specversion"] != nil || json["type"] != nil, let pfs = json["data"]?["pfs"]?.arrayValue { return pfs }
            if json["pcf"] == nil, let data = json["data"] {
                if let items = data.arrayValue { return items }
                return [data]
            }
            return [json]
        default: return []
        }
    }
}
