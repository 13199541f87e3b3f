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
        var writer = OwnFootprintWriter(sharedWith: sharedWith, now: Workspace.timestamp())
        return try workspace.transaction { db in
            let seqs = try writer.write(items, db: db, deprecatedJSON: deprecatedJSON)
            try bumpPACTRevision(db)
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

    /// Our footprints shared with `client`, in publication order (what `ownFootprints()` filtered by
    /// `sharedWith` gives), read through its shares only.
    public func ownFootprints(sharedWith client: String) throws(WorkspaceError) -> [OwnFootprintRow] {
        try workspace.read { db in
            let shares = try db.makeStatement(sql: "SELECT client FROM pact_share WHERE footprint_seq = ? ORDER BY client")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT f.* FROM pact_share s JOIN pact_footprint f ON f.seq = s.footprint_seq
                    WHERE s.client = ? AND f.origin = 'own' ORDER BY f.seq
                    """,
                arguments: [client]
            ).map { row in
                Self.ownFootprintRow(row, shares: try String.fetchAll(shares, arguments: [row["seq"] as Int64]))
            }
        }
    }

    /// Our footprints in publication order, without their JSON: read from the index
    /// `pact_footprint_keys` and the shares, never from the table's rows.
    public func ownFootprintKeys() throws(WorkspaceError) -> [OwnFootprintKey] {
        try workspace.read { db in
            var keys: [OwnFootprintKey] = []
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT seq, id, status, filter_keys FROM pact_footprint INDEXED BY pact_footprint_keys WHERE origin = 'own'"
            )
            while let row = try rows.next() {
                keys.append(OwnFootprintKey(seq: row[0], id: row[1], status: row[2], filterKeys: row[3], sharedWith: []))
            }
            keys.sort { $0.seq < $1.seq }
            var index: [Int64: Int] = [:]
            index.reserveCapacity(keys.count)
            for (i, key) in keys.enumerated() { index[key.seq] = i }
            let shares = try Row.fetchCursor(db, sql: "SELECT footprint_seq, client FROM pact_share ORDER BY footprint_seq, client")
            while let row = try shares.next() {
                if let i = index[row[0]] { keys[i].sharedWith.append(row[1]) }
            }
            workspace.logger.phase("our \(keys.count) footprints' ids, status and shares read")
            return keys
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
