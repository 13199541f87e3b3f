import FootprintStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Holds the current catalogue and replaces it when the store's PACT revision moves (checked
/// once a second), so that `footprint pact publish` while the server runs is served at once.
public final class CatalogHolder: ServiceLifecycle.Service, Sendable {
    let store: any PACTHostStore
    let logger: Logger
    private let current: Mutex<FootprintCatalog>

    public init(store: any PACTHostStore, logger: Logger) throws {
        self.store = store
        self.logger = logger
        current = Mutex(try Self.load(store))
    }

    /// The catalogue to answer a request with.
    public var catalog: FootprintCatalog { current.withLock { $0 } }

    static func load(_ store: any PACTHostStore) throws -> FootprintCatalog {
        let revision = try store.pactRevision()
        return try FootprintCatalog(revision: revision, rows: store.ownFootprints(), clients: store.pactClients())
    }

    /// Reloads now if the store changed.
    public func refresh() {
        do {
            let revision = try store.pactRevision()
            guard revision != catalog.revision else { return }
            let started = Date()
            let fresh = try Self.load(store)
            current.withLock { $0 = fresh }
            logger.info(
                "catalogue reloaded",
                metadata: ["revision": "\(revision)", "footprints": "\(fresh.entries.count)", "seconds": "\(Date().timeIntervalSince(started))"]
            )
        } catch {
            logger.error("cannot reload the catalogue: \(error)")
        }
    }

    public func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: .seconds(1))
            refresh()
        }
    }
}
