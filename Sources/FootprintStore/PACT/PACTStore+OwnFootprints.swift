import Foundation
import GRDB

extension PACTStore {
    /// A number that changes whenever what the PACT host serves changes (our footprints, their
    /// shares, API clients). The server reloads its catalogue when it moves.
    public func pactRevision() throws(WorkspaceError) -> Int64 {
        try workspace.read { db in try Int64(workspace.setting("pact.revision", db: db) ?? "0") ?? 0 }
    }

    func bumpPACTRevision(_ db: Database) throws {
        let current = try Int64(workspace.setting("pact.revision", db: db) ?? "0") ?? 0
        try workspace.setSetting("pact.revision", String(current + 1), db: db)
    }

    /// Stores our own footprints, all or none. An id already published is an error naming it;
    /// footprints named in `preceding` are marked Deprecated with their replacement (their JSON is
    /// given by `deprecatedJSON`, which returns the footprint with status Deprecated).
    public func publishOwnFootprints(
        _ items: [OwnFootprintInput],
        sharedWith: [String],
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String)
    ) throws(WorkspaceError) -> [OwnFootprintRow] {
        try publishOwnFootprints(items, sharedWith: sharedWith, returningRows: true, deprecatedJSON: deprecatedJSON)
    }

    /// As above; with `returningRows` false the stored rows are not read back (a publication of
    /// 100,000 service footprints).
    public func publishOwnFootprints(
        _ items: [OwnFootprintInput],
        sharedWith: [String],
        returningRows: Bool,
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String)
    ) throws(WorkspaceError) -> [OwnFootprintRow] {
        let now = Workspace.timestamp()
        let shares = sharedWith.isEmpty ? ["*"] : sharedWith
        return try workspace.transaction { db in
            var seen = Set<String>()
            var problems: [String] = []
            for item in items {
                if !seen.insert(item.id).inserted { problems.append("footprint \(item.id) is given twice") }
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM pact_footprint WHERE origin = 'own' AND id = ?", arguments: [item.id]) == true {
                    problems.append(
                        "footprint \(item.id) is already published; a changed footprint needs a new id, with the old one in precedingPfIds"
                    )
                }
            }
            var clients = Set(shares)
            for item in items { clients.formUnion(item.sharedWith ?? []) }
            for client in clients.sorted() where client != "*" {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM pact_client WHERE name = ? AND revoked_at IS NULL", arguments: [client]) != true {
                    problems.append("there is no active API client named '\(client)'; 'footprint pact clients list' shows them")
                }
            }
            if !problems.isEmpty { throw WorkspaceError.conflict(problems.joined(separator: "\n") + "\nnothing was published") }
            var seqs: [Int64] = []
            for item in items {
                try db.execute(
                    sql:
                        "INSERT INTO pact_footprint (id, origin, status, source_version, json, filter_keys, stored_at) VALUES (?, 'own', ?, '3', ?, ?, ?)",
                    arguments: [item.id, item.status, item.json, item.filterKeys, now]
                )
                let seq = db.lastInsertedRowID
                seqs.append(seq)
                for client in item.sharedWith ?? shares {
                    try db.execute(sql: "INSERT INTO pact_share (footprint_seq, client) VALUES (?, ?)", arguments: [seq, client])
                }
                for old in item.preceding where old != item.id {
                    guard
                        let row = try Row.fetchOne(
                            db,
                            sql: "SELECT json, status, filter_keys FROM pact_footprint WHERE origin = 'own' AND id = ?",
                            arguments: [old]
                        )
                    else { continue }
                    let json: Data = row["json"]
                    let deprecated = row["status"] == "Deprecated" ? (json, row["filter_keys"] ?? "") : try deprecatedJSON(json)
                    try db.execute(
                        sql:
                            "UPDATE pact_footprint SET status = 'Deprecated', json = ?, filter_keys = ?, deprecated_at = coalesce(deprecated_at, ?), superseded_by = ? WHERE origin = 'own' AND id = ?",
                        arguments: [deprecated.0, deprecated.1, now, item.id, old]
                    )
                }
            }
            try bumpPACTRevision(db)
            // A publication of 100,000 footprints need not read them all back.
            guard returningRows else { return [] }
            return try seqs.map { seq in try Self.ownFootprint(seq: seq, db: db)! }
        }
    }

    /// Marks one of our footprints Deprecated (the only change a published footprint may undergo).
    public func deprecateOwnFootprint(
        id: String,
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String)
    ) throws(WorkspaceError) -> OwnFootprintRow {
        let now = Workspace.timestamp()
        return try workspace.transaction { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT seq, json, status FROM pact_footprint WHERE origin = 'own' AND id = ?",
                    arguments: [id.lowercased()]
                )
            else {
                throw WorkspaceError.conflict("there is no footprint \(id) of ours; 'footprint pact list' shows them")
            }
            if row["status"] == "Deprecated" { throw WorkspaceError.conflict("footprint \(id) is already Deprecated") }
            let json: Data = row["json"]
            let deprecated = try deprecatedJSON(json)
            try db.execute(
                sql: "UPDATE pact_footprint SET status = 'Deprecated', json = ?, filter_keys = ?, deprecated_at = ? WHERE seq = ?",
                arguments: [deprecated.json, deprecated.filterKeys, now, row["seq"] as Int64]
            )
            try bumpPACTRevision(db)
            return try Self.ownFootprint(seq: row["seq"], db: db)!
        }
    }

    /// Our footprints, in the order they were published.
    public func ownFootprints() throws(WorkspaceError) -> [OwnFootprintRow] {
        try workspace.read { db in
            var shares: [Int64: [String]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT s.footprint_seq, s.client FROM pact_share s JOIN pact_footprint f ON f.seq = s.footprint_seq WHERE f.origin = 'own'"
            ) {
                shares[row[0], default: []].append(row[1])
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM pact_footprint WHERE origin = 'own' ORDER BY seq").map { row in
                Self.ownFootprintRow(row, shares: shares[row["seq"]] ?? [])
            }
        }
    }

    /// One of our footprints by id.
    public func ownFootprint(id: String) throws(WorkspaceError) -> OwnFootprintRow? {
        try workspace.read { db in
            guard
                let seq = try Int64.fetchOne(db, sql: "SELECT seq FROM pact_footprint WHERE origin = 'own' AND id = ?", arguments: [id.lowercased()])
            else { return nil }
            return try Self.ownFootprint(seq: seq, db: db)
        }
    }

    static func ownFootprint(seq: Int64, db: Database) throws -> OwnFootprintRow? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM pact_footprint WHERE seq = ?", arguments: [seq]) else { return nil }
        let shares = try String.fetchAll(db, sql: "SELECT client FROM pact_share WHERE footprint_seq = ? ORDER BY client", arguments: [seq])
        return ownFootprintRow(row, shares: shares)
    }

    static func ownFootprintRow(_ row: Row, shares: [String]) -> OwnFootprintRow {
        OwnFootprintRow(
            seq: row["seq"],
            id: row["id"],
            status: row["status"],
            json: row["json"],
            filterKeys: row["filter_keys"],
            sharedWith: shares.sorted(),
            storedAt: row["stored_at"],
            deprecatedAt: row["deprecated_at"],
            supersededBy: row["superseded_by"]
        )
    }
}
