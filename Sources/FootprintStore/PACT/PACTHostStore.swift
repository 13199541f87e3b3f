import FootprintCore
import FootprintPACT
import Foundation

/// What the PACT host needs from the workspace, and all it may use: the token key, API clients and
/// partners, our published footprints, the event inbox and outbox, and storing footprints received
/// from partners. `footprint serve` (catalogue, token and event endpoints, event processor, outbox
/// sender), `pact publish` and `pact pull` work against this protocol, not against `PACTStore`.
///
/// `PACTStore` implements it on the workspace's SQLite file. Another store (PostgreSQL, for a host shared by
/// several processes) implements the same operations on its own tables: the records are plain
/// values, errors are `WorkspaceError` (`.database` for the store's own failures), and each
/// operation that changes something is one transaction, all or nothing. The operations are
/// synchronous, as the host calls them today; they are short (a row or a page of rows).
public protocol PACTHostStore: ReceivedFootprintStore {
    // MARK: Tokens, clients and partners

    /// The key that signs our access tokens, made on first use and kept with the workspace.
    func pactTokenKey() throws(WorkspaceError) -> [UInt8]
    /// Every API client, revoked ones included.
    func pactClients() throws(WorkspaceError) -> [PACTClientRecord]
    /// Every partner whose host we call.
    func pactPartners() throws(WorkspaceError) -> [PACTPartnerRecord]
    /// The partner with this name (an error naming it when there is none).
    func pactPartner(named name: String) throws(WorkspaceError) -> PACTPartnerRecord

    // MARK: Our footprints

    /// A number that changes whenever what the host serves changes (our footprints, their shares,
    /// API clients); the server reloads its catalogue when it moves.
    func pactRevision() throws(WorkspaceError) -> Int64
    /// Our footprints in publication order.
    func ownFootprints() throws(WorkspaceError) -> [OwnFootprintRow]
    /// Stores our footprints, all or none, shared with `sharedWith` (everyone when empty); the ones
    /// they name in `preceding` get the JSON `deprecatedJSON` gives (status Deprecated).
    func publishOwnFootprints(
        _ items: [OwnFootprintInput],
        sharedWith: [String],
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String)
    ) throws(WorkspaceError) -> [OwnFootprintRow]
    /// Our footprints in publication order, without their JSON: what superseding them needs.
    func ownFootprintKeys() throws(WorkspaceError) -> [OwnFootprintKey]
    /// Stores a publication of our footprints that comes in batches, all or none, in one
    /// transaction: `next` gives the next batch (nil when there is no more), the first before the
    /// transaction begins (a publication with nothing new takes no write lock) and the others while
    /// it is open, so that a publication of 100,000 footprints is never in memory at once. Each batch is
    /// checked and stored as `publishOwnFootprints(_:sharedWith:deprecatedJSON:)` stores its items
    /// (an id given twice in the publication is an error too); an error of a batch, or one `next`
    /// throws, stores nothing of the publication. Throws `WorkspaceError`, or what `next` threw as it
    /// threw it. Returns how many footprints were stored.
    func publishOwnFootprints(
        sharedWith: [String],
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String),
        batches next: () throws -> [OwnFootprintInput]?
    ) throws -> Int
    /// Marks one of our footprints Deprecated, with the JSON `deprecatedJSON` gives.
    func deprecateOwnFootprint(
        id: String,
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String)
    ) throws(WorkspaceError) -> OwnFootprintRow

    // MARK: Events received (the inbox)

    /// Keeps an event received on `/3/events` before it is handled; returns its inbox id.
    func receivePACTEvent(client: String?, eventID: String, type: String, source: String, body: Data) throws(WorkspaceError) -> Int64
    /// Received events not yet handled, oldest first.
    func pendingPACTEvents() throws(WorkspaceError) -> [PACTInboxEvent]
    /// Marks an event handled (`status` done or failed, with its outcome) and queues `answers` in the
    /// outbox, in one transaction.
    func completePACTEvent(id: Int64, status: String, outcome: String, answers: [PACTOutboundDraft]) throws(WorkspaceError)

    // MARK: Events to send (the outbox)

    /// Up to `limit` outbound events due for an attempt at `now` (seconds since 1970), oldest first.
    func duePACTOutbox(now: Double, limit: Int) throws(WorkspaceError) -> [PACTOutboxEvent]
    /// The soonest time a pending outbound event is due, if any.
    func nextPACTOutboxAttempt() throws(WorkspaceError) -> Double?
    /// Records a delivery attempt: sent, or failed with the time of the next attempt (nil: given up).
    func recordPACTDelivery(id: Int64, sent: Bool, error: String?, nextAttemptAt: Double?) throws(WorkspaceError)
}

/// The part of a store that keeps footprints received from partners (all `pact pull` needs).
public protocol ReceivedFootprintStore: Sendable {
    /// Stores the footprints, all or none, as imported footprints of the partner's supplier; returns
    /// a one-line summary.
    func storeReceived(_ entries: [PACTDocument.Entry], originals: [Int: JSONValue], partner: PACTPartnerRecord, via: String) throws -> String
}

extension PACTStore {
    /// Stores them as imported footprints of the partner's supplier (or of the supplier their
    /// companyIds name), with the partner, its URL and the time as provenance.
    public func storeReceived(_ entries: [PACTDocument.Entry], originals: [Int: JSONValue], partner: PACTPartnerRecord, via: String) throws -> String
    {
        let stored = try storeImportedFootprints(
            entries,
            provenance: PACTProvenance(partner: partner.name, url: partner.baseURL),
            originals: originals,
            supplier: partner.supplierID
        )
        let changed = stored.filter(\.changed).count
        let suppliers = Set(stored.map(\.supplier)).sorted().joined(separator: ", ")
        return
            "\(stored.count) footprint\(stored.count == 1 ? "" : "s") stored for \(suppliers.isEmpty ? "no supplier" : suppliers) (\(changed) new or changed) via \(via)"
    }
}
