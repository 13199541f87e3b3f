import Foundation
import GRDB

/// Stores a publication of our footprints inside one open write transaction, batch after batch:
/// checks each batch (an id given twice in the publication, an id already published, an API client
/// that does not exist or is revoked), then inserts its footprints and their shares and marks the
/// footprints they supersede Deprecated. A batch with a problem throws, naming every problem of the
/// batch; the caller's transaction then rolls the whole publication back.
struct OwnFootprintWriter {
    /// The clients of a footprint that names none (`["*"]`: everyone).
    let shares: [String]
    let now: String
    /// Ids of the publication so far.
    private var seen = Set<String>()
    /// API clients found active in this transaction.
    private var activeClients = Set<String>(["*"])

    init(sharedWith: [String], now: String) {
        shares = sharedWith.isEmpty ? ["*"] : sharedWith
        self.now = now
    }

    /// Checks and stores `items`; returns their `seq`s in order.
    mutating func write(
        _ items: [OwnFootprintInput],
        db: Database,
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String)
    ) throws -> [Int64] {
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
        for client in clients.subtracting(activeClients).sorted() {
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM pact_client WHERE name = ? AND revoked_at IS NULL", arguments: [client]) == true {
                activeClients.insert(client)
            } else {
                problems.append("there is no active API client named '\(client)'; 'footprint pact clients list' shows them")
            }
        }
        if !problems.isEmpty { throw WorkspaceError.conflict(problems.joined(separator: "\n") + "\nnothing was published") }
        var seqs: [Int64] = []
        seqs.reserveCapacity(items.count)
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
        return seqs
    }
}
