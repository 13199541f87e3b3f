import Foundation

/// One of our own PACT footprints as the workspace keeps it: the compact v3 JSON we serve, its
/// status, and who it is shared with (`*` is everyone).
public struct OwnFootprintRow: Sendable {
    public var seq: Int64
    public var id: String
    public var status: String
    public var json: Data
    /// What filters look at (`PACTFilterKeys.stored`), kept so that the host need not parse the JSON.
    public var filterKeys: String?
    public var sharedWith: [String]
    public var storedAt: String
    public var deprecatedAt: String?
    public var supersededBy: String?
}

/// What superseding needs to know of one of our footprints, without its JSON: publishing 100,000
/// service footprints reads these of every footprint published before.
public struct OwnFootprintKey: Sendable, Equatable {
    public var seq: Int64
    public var id: String
    public var status: String
    /// `PACTFilterKeys.stored` (product ids, validity), as `OwnFootprintRow.filterKeys`.
    public var filterKeys: String?
    public var sharedWith: [String]

    public init(seq: Int64, id: String, status: String, filterKeys: String?, sharedWith: [String]) {
        self.seq = seq
        self.id = id
        self.status = status
        self.filterKeys = filterKeys
        self.sharedWith = sharedWith
    }
}

/// A footprint to publish: its id (lowercased UUID), status and compact v3 JSON, already validated.
public struct OwnFootprintInput: Sendable {
    public var id: String
    public var status: String
    public var json: Data
    public var filterKeys: String
    /// Ids of our earlier footprints this one supersedes (`precedingPfIds`).
    public var preceding: [String]
    /// The API clients this footprint is shared with, when not those of the whole publication.
    public var sharedWith: [String]?

    public init(id: String, status: String, json: Data, filterKeys: String, preceding: [String] = [], sharedWith: [String]? = nil) {
        self.sharedWith = sharedWith
        self.id = id
        self.status = status
        self.json = json
        self.filterKeys = filterKeys
        self.preceding = preceding
    }
}

/// An API client of our PACT host (a customer): its id, name and the partner whose host receives
/// the callbacks to its requests. Only a SHA-256 hash of its secret is kept.
public struct PACTClientRecord: Sendable, Equatable, Codable {
    public var clientID: String
    public var name: String
    public var secretSHA256: String
    public var partner: String?
    public var createdAt: String
    public var revokedAt: String?
}

/// A partner's PACT host that we call: to pull a supplier's footprints, to send requests, and to
/// deliver callbacks to a customer. The secret is kept so that we can authenticate; it is never printed.
public struct PACTPartnerRecord: Sendable, Equatable, Decodable {
    public var name: String
    /// The base URL of the partner's API (`<base>/3/footprints`).
    public var baseURL: String
    /// Where its `/.well-known/openid-configuration` or `/auth/token` lives, when not under `baseURL`.
    public var authBaseURL: String?
    public var clientID: String
    public var clientSecret: String
    /// The supplier in our register whose host this is (footprints pulled from it are linked to it).
    public var supplierID: String?
    public var createdAt: String
    public var updatedAt: String
}

/// An event received on our `/3/events`, kept before it is answered, so that a restart loses nothing.
public struct PACTInboxEvent: Sendable, Decodable {
    public var id: Int64
    public var receivedAt: String
    public var client: String?
    public var eventID: String
    public var type: String
    public var source: String
    public var body: Data
    public var status: String
    public var outcome: String?
}

/// An event we must deliver to a partner's `/3/events`, retried with exponential back-off until
/// it is accepted or 72 hours have passed.
public struct PACTOutboxEvent: Sendable, Decodable {
    public var id: Int64
    public var createdAt: String
    public var targetURL: String
    public var partner: String?
    public var eventType: String
    public var eventID: String
    public var body: Data
    public var attempts: Int
    public var nextAttemptAt: Double
    public var giveUpAt: Double
    public var status: String
    public var lastError: String?
    public var sentAt: String?
}

/// An event to send: where, through which partner's credentials, and for how long to keep trying.
public struct PACTOutboundDraft: Sendable {
    public var targetURL: String
    public var partner: String?
    public var eventType: String
    public var eventID: String
    public var body: Data
    /// Seconds to keep retrying (72 hours by default, as the PACT specification suggests).
    public var retryFor: Double

    public init(targetURL: String, partner: String?, eventType: String, eventID: String, body: Data, retryFor: Double = 72 * 3600) {
        self.targetURL = targetURL
        self.partner = partner
        self.eventType = eventType
        self.eventID = eventID
        self.body = body
        self.retryFor = retryFor
    }
}
