import FootprintCore
import FootprintPACT
import FootprintStore
import Foundation

/// Where footprints from partners go (pulled, announced by a PublishedEvent, or sent in answer to
/// our request): read and validated as PACT documents (v2 mapped to v3), then stored in one
/// transaction as imported footprints with their provenance.
public struct FootprintReceiver: Sendable {
    public let client: PACTClient
    let store: any ReceivedFootprintStore

    public init(client: PACTClient, store: any ReceivedFootprintStore) {
        self.client = client
        self.store = store
    }

    /// Validates and stores footprints received from `partner`; returns a one-line summary.
    public func receive(_ pfs: [JSONValue], partner: PACTPartnerRecord, via: String) throws -> String {
        let entries = try PACTDocument.read(.array(pfs), file: "\(partner.name) (\(via))")
        var originals: [Int: JSONValue] = [:]
        for entry in entries where entry.sourceVersion != "3" && entry.index < pfs.count { originals[entry.index] = pfs[entry.index] }
        return try store.storeReceived(entries, originals: originals, partner: partner, via: via)
    }
}
