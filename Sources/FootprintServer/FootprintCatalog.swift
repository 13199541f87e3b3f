import FootprintCore
import FootprintPACT
import FootprintStore
import Foundation
import NIOCore
import Synchronization

/// What the host serves at one revision of the workspace: our footprints in publication order, each
/// with its compact JSON, its filter keys and who may see it, and the active API clients. Immutable:
/// a change in the workspace builds a new catalogue, which replaces this one for later requests.
public final class FootprintCatalog: Sendable {
    /// One footprint as served. A class, so that a page of them is a list of references.
    public final class Entry: Sendable {
        public let seq: Int64
        public let id: String
        /// The compact v3 JSON served for it.
        public let bytes: [UInt8]
        public let keys: PACTFilterKeys
        /// Shared with every client.
        public let everyone: Bool
        /// Client ids it is shared with (when not with everyone).
        public let clients: Set<String>

        init(seq: Int64, id: String, bytes: [UInt8], keys: PACTFilterKeys, everyone: Bool, clients: Set<String>) {
            self.seq = seq
            self.id = id
            self.bytes = bytes
            self.keys = keys
            self.everyone = everyone
            self.clients = clients
        }

        func visible(to clientID: String) -> Bool { everyone || clients.contains(clientID) }

        /// The footprint as a JSON document (for an event that carries it).
        public func json() throws -> JSONValue { try JSONValue.parse(bytes) }
    }

    public let revision: Int64
    public let entries: [Entry]
    let positionByID: [String: Int]
    /// Active clients by client id.
    public let clients: [String: PACTClientRecord]
    /// Pages already answered, by client, host and query: the catalogue never changes, so a page
    /// asked again (the first page, above all) is sent from here without being built again.
    let pages = Mutex<[String: CachedPage]>([:])
    /// Most pages kept; when full, the cache starts again empty.
    static let maxCachedPages = 512

    struct CachedPage: Sendable {
        var body: ByteBuffer
        var link: String?
    }

    func cachedPage(_ key: String) -> CachedPage? { pages.withLock { $0[key] } }

    func cache(_ page: CachedPage, for key: String) {
        pages.withLock { cache in
            if cache.count >= Self.maxCachedPages { cache.removeAll(keepingCapacity: true) }
            cache[key] = page
        }
    }

    public init(revision: Int64, rows: [OwnFootprintRow], clients: [PACTClientRecord]) throws {
        self.revision = revision
        let active = clients.filter { $0.revokedAt == nil }
        let idByName = Dictionary(active.map { ($0.name, $0.clientID) }, uniquingKeysWith: { a, _ in a })
        var entries: [Entry] = []
        entries.reserveCapacity(rows.count)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(rows.count)
        for row in rows {
            let bytes = [UInt8](row.json)
            // Keys are stored at publication; a footprint stored without them is read once here.
            let keys = try row.filterKeys.flatMap(PACTFilterKeys.init(stored:)) ?? PACTFilterKeys(PACTFootprint(validated: JSONValue.parse(bytes)))
            positions[row.id] = entries.count
            entries.append(
                Entry(
                    seq: row.seq,
                    id: row.id,
                    bytes: bytes,
                    keys: keys,
                    everyone: row.sharedWith.contains("*"),
                    clients: Set(row.sharedWith.compactMap { idByName[$0] })
                )
            )
        }
        self.entries = entries
        self.positionByID = positions
        self.clients = Dictionary(active.map { ($0.clientID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The footprint with this id, if the client may see it. A footprint the client may not see is
    /// answered like one that does not exist, so that ids of others' footprints cannot be probed.
    public func footprint(id: String, clientID: String) -> Entry? {
        guard let position = positionByID[id.lowercased()] else { return nil }
        let entry = entries[position]
        return entry.visible(to: clientID) ? entry : nil
    }

    /// One page of the footprints visible to the client that match the filter, after the one with
    /// sequence number `after`; `next` is where the following page starts, if there is one.
    public func page(filter: PACTFilter, clientID: String, after: Int64?, limit: Int) -> (entries: [Entry], next: Int64?) {
        var position = 0
        if let after {
            var low = 0
            var high = entries.count
            while low < high {
                let mid = (low + high) / 2
                if entries[mid].seq <= after { low = mid + 1 } else { high = mid }
            }
            position = low
        }
        let unfiltered = filter.isEmpty
        var found: [Entry] = []
        found.reserveCapacity(min(limit, 1024))
        while position < entries.count {
            let entry = entries[position]
            position += 1
            guard entry.visible(to: clientID), unfiltered || filter.matches(entry.keys) else { continue }
            if found.count == limit { return (found, found.last?.seq) }
            found.append(entry)
        }
        return (found, nil)
    }

    /// Every footprint visible to the client that matches, for answering a request event.
    public func all(filter: PACTFilter, clientID: String) -> [Entry] {
        entries.filter { $0.visible(to: clientID) && filter.matches($0.keys) }
    }
}
