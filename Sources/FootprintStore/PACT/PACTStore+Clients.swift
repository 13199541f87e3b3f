import Crypto
import Foundation
import GRDB

extension PACTStore {
    /// Adds an API client (a customer of ours) and returns its record and secret. The secret is shown
    /// once: only its SHA-256 is kept (the secret is 256 random bits, so a plain hash is enough).
    public func addPACTClient(name: String, partner: String?) throws(WorkspaceError) -> (client: PACTClientRecord, secret: String) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != "*" else { throw .conflict("a client needs a name (any text but '*')") }
        let clientID = "fp-" + Self.randomToken(bytes: 12)
        let secret = Self.randomToken(bytes: 32)
        let record = PACTClientRecord(
            clientID: clientID,
            name: trimmed,
            secretSHA256: Self.sha256Hex(secret),
            partner: partner,
            createdAt: Workspace.timestamp(),
            revokedAt: nil
        )
        try workspace.transaction { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM pact_client WHERE name = ?", arguments: [trimmed]) == true {
                throw WorkspaceError.conflict("there is already a client named '\(trimmed)'; choose another name")
            }
            if let partner, try Bool.fetchOne(db, sql: "SELECT 1 FROM pact_partner WHERE name = ?", arguments: [partner]) != true {
                throw WorkspaceError.conflict("there is no partner named '\(partner)'; add it first with 'footprint pact partners add'")
            }
            try db.execute(
                sql: "INSERT INTO pact_client (client_id, name, secret_sha256, partner, created_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [record.clientID, record.name, record.secretSHA256, record.partner, record.createdAt]
            )
            try bumpPACTRevision(db)
        }
        return (record, secret)
    }

    /// Revokes a client: its tokens stop working at once, its secret can no longer get one.
    public func revokePACTClient(name: String) throws(WorkspaceError) -> PACTClientRecord {
        try workspace.transaction { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM pact_client WHERE name = ? AND revoked_at IS NULL", arguments: [name]) == true else {
                throw WorkspaceError.conflict("there is no active client named '\(name)'; 'footprint pact clients list' shows them")
            }
            try db.execute(sql: "UPDATE pact_client SET revoked_at = ? WHERE name = ?", arguments: [Workspace.timestamp(), name])
            try bumpPACTRevision(db)
            return try PACTClientRecord.fetchOne(db, sql: "SELECT * FROM pact_client WHERE name = ?", arguments: [name])!
        }
    }

    /// Every API client, revoked ones included.
    public func pactClients() throws(WorkspaceError) -> [PACTClientRecord] {
        try workspace.read { db in try PACTClientRecord.fetchAll(db, sql: "SELECT * FROM pact_client ORDER BY created_at, name") }
    }

    /// The key that signs our access tokens, made on first use and kept in the workspace.
    public func pactTokenKey() throws(WorkspaceError) -> [UInt8] {
        try workspace.transaction { db in
            if let hex = try workspace.setting("pact.token_key", db: db), let key = Self.bytes(hex: hex) { return key }
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
            try workspace.setSetting("pact.token_key", key.map { String(format: "%02x", $0) }.joined(), db: db)
            return key
        }
    }

    /// Adds or updates a partner's host and our credentials at it.
    public func setPACTPartner(
        name: String,
        baseURL: String,
        authBaseURL: String?,
        clientID: String,
        clientSecret: String,
        supplierID: String?
    ) throws(WorkspaceError) -> PACTPartnerRecord {
        guard let url = URL(string: baseURL), url.scheme == "https", url.host != nil else {
            throw .conflict("the partner's base URL must be an absolute https:// URL, such as https://pact.example.com; '\(baseURL)' is not")
        }
        if let authBaseURL, URL(string: authBaseURL)?.scheme != "https" {
            throw .conflict("the partner's auth base URL must be an absolute https:// URL; '\(authBaseURL)' is not")
        }
        let now = Workspace.timestamp()
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        return try workspace.transaction { db in
            try db.execute(
                sql: """
                    INSERT INTO pact_partner (name, base_url, auth_base_url, client_id, client_secret, supplier_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(name) DO UPDATE SET base_url = excluded.base_url, auth_base_url = excluded.auth_base_url,
                        client_id = excluded.client_id, client_secret = excluded.client_secret, supplier_id = excluded.supplier_id,
                        updated_at = excluded.updated_at
                    """,
                arguments: [name, base, authBaseURL, clientID, clientSecret, supplierID, now, now]
            )
            return try PACTPartnerRecord.fetchOne(db, sql: "SELECT * FROM pact_partner WHERE name = ?", arguments: [name])!
        }
    }

    /// Every partner host, in name order.
    public func pactPartners() throws(WorkspaceError) -> [PACTPartnerRecord] {
        try workspace.read { db in try PACTPartnerRecord.fetchAll(db, sql: "SELECT * FROM pact_partner ORDER BY name") }
    }

    /// A partner by name.
    public func pactPartner(named name: String) throws(WorkspaceError) -> PACTPartnerRecord {
        let found = try workspace.read { db in try PACTPartnerRecord.fetchOne(db, sql: "SELECT * FROM pact_partner WHERE name = ?", arguments: [name])
        }
        guard let found else { throw .conflict("there is no partner named '\(name)'; 'footprint pact partners list' shows them") }
        return found
    }

    static func randomToken(bytes count: Int) -> String {
        let bytes = SymmetricKey(size: SymmetricKeySize(bitCount: count * 8)).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
            of: "=",
            with: ""
        )
    }

    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) ?? hex.endIndex
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }
}

extension PACTStore {
    /// The URL partners reach our PACT host at (the `source` of our events), as `serve --public-url` set it.
    public func pactPublicURL() throws(WorkspaceError) -> String? {
        try workspace.read { db in try workspace.setting("pact.public_url", db: db) }
    }

    public func setPACTPublicURL(_ url: String) throws(WorkspaceError) {
        guard URL(string: url)?.scheme == "https" else { throw .conflict("the public URL must be an https:// URL, not '\(url)'") }
        try workspace.transaction { db in try workspace.setSetting("pact.public_url", url, db: db) }
    }
}

extension PACTStore {
    /// Links an API client to the partner that receives the answers to its requests.
    public func linkPACTClient(name: String, partner: String?) throws(WorkspaceError) {
        try workspace.transaction { db in
            if let partner, try Bool.fetchOne(db, sql: "SELECT 1 FROM pact_partner WHERE name = ?", arguments: [partner]) != true {
                throw WorkspaceError.conflict("there is no partner named '\(partner)'; add it first with 'footprint pact partners add'")
            }
            try db.execute(sql: "UPDATE pact_client SET partner = ? WHERE name = ?", arguments: [partner, name])
            guard db.changesCount == 1 else {
                throw WorkspaceError.conflict("there is no client named '\(name)'; 'footprint pact clients list' shows them")
            }
            try bumpPACTRevision(db)
        }
    }

    /// How many footprints received from suppliers (imported, pulled or sent to us) the workspace keeps.
    public func pactImportedCount() throws(WorkspaceError) -> Int {
        try workspace.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pact_footprint WHERE origin = 'imported'") ?? 0 }
    }
}

extension PACTClientRecord: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.camelCaseAcronyms
}

extension PACTPartnerRecord: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.camelCaseAcronyms
}
