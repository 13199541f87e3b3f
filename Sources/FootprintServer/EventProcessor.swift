import FootprintCore
import FootprintPACT
import FootprintStore
import Foundation
import Logging
import ServiceLifecycle

/// Handles the events kept in the inbox, oldest first, and survives restarts (pending events are
/// picked up again at start):
/// - RequestCreated: the footprints visible to the requesting client that match the request's
///   criteria (Active ones, unless the request asks for a status) answer it in a RequestFulfilled
///   event; when none match, a RequestRejected event (`NotFound`). The answer is queued in the
///   outbox in the same transaction that marks the request handled.
/// - Published, RequestFulfilled, RequestRejected (from a partner): the footprints are fetched or
///   taken from the event and handed to `receiver`, which stores them as imported footprints.
public final class EventProcessor: ServiceLifecycle.Service, Sendable {
    let store: any PACTHostStore
    let holder: CatalogHolder
    let receiver: FootprintReceiver
    let outbox: OutboxSender?
    let logger: Logger
    let ownSource: String
    private let signal: AsyncStream<Void>.Continuation
    private let signals: AsyncStream<Void>

    /// Largest number of footprints sent in one RequestFulfilled event.
    static let maxFootprintsPerAnswer = 1000

    public init(
        store: any PACTHostStore,
        holder: CatalogHolder,
        receiver: FootprintReceiver,
        outbox: OutboxSender?,
        ownSource: String,
        logger: Logger
    ) {
        self.store = store
        self.holder = holder
        self.receiver = receiver
        self.outbox = outbox
        self.ownSource = ownSource
        self.logger = logger
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks the processor to look at the inbox now.
    public func wake() { signal.yield() }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await processPending()
            for await _ in signals.cancelOnGracefulShutdown() {
                await processPending()
            }
        } onGracefulShutdown: {
            self.signal.finish()
        }
    }

    /// Handles every pending event once.
    public func processPending() async {
        let pending: [PACTInboxEvent]
        do { pending = try store.pendingPACTEvents() } catch {
            logger.error("cannot read the event inbox: \(error)")
            return
        }
        for item in pending { await handle(item) }
    }

    func handle(_ item: PACTInboxEvent) async {
        let event: PACTEvent
        do { event = try PACTEvent.parse(item.body) } catch {
            complete(item, status: "failed", outcome: "unreadable: \(error)", answers: [])
            return
        }
        switch event.kind {
        case .requestCreated(_, let filter, _):
            answer(item, event: event, filter: filter)
        case .published(let ids):
            await refresh(item, event: event, ids: ids)
        case .requestFulfilled(let requestID, let pfs):
            do {
                let target = try EventRouting.partner(for: event.source, client: nil, store: store)
                let summary = try receiver.receive(pfs, partner: target.partner, via: "RequestFulfilled answer to \(requestID)")
                complete(item, status: "done", outcome: summary, answers: [])
            } catch {
                complete(item, status: "failed", outcome: "\(error)", answers: [])
            }
        case .requestRejected(let requestID, let code, let message):
            complete(item, status: "done", outcome: "request \(requestID) rejected: \(code): \(message)", answers: [])
        }
    }

    func answer(_ item: PACTInboxEvent, event: PACTEvent, filter: PACTFilter) {
        let catalog = holder.catalog
        guard let client = item.client else {
            complete(item, status: "failed", outcome: "no client recorded", answers: [])
            return
        }
        let target: EventRouting.Target
        do { target = try EventRouting.partner(for: event.source, client: catalog.clients[client], store: store) } catch {
            complete(item, status: "failed", outcome: "\(error)", answers: [])
            return
        }
        var matching = catalog.all(filter: filter, clientID: client)
        if filter.status.isEmpty { matching = matching.filter(\.keys.isActive) }
        let now = PACTDateTime(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
        let answerID = UUID().uuidString.lowercased()
        let body: JSONValue
        let outcome: String
        if matching.isEmpty {
            body = PACTEvent.requestRejected(
                id: answerID,
                source: ownSource,
                time: now,
                requestEventId: event.id,
                code: "NotFound",
                message: "no footprint available to you matches the request"
            )
            outcome = "rejected: no match"
        } else {
            let sent = matching.prefix(Self.maxFootprintsPerAnswer)
            let pfs: [JSONValue]
            do { pfs = try sent.map { try $0.json() } } catch {
                complete(item, status: "failed", outcome: "cannot read a stored footprint: \(error)", answers: [])
                return
            }
            body = PACTEvent.requestFulfilled(id: answerID, source: ownSource, time: now, requestEventId: event.id, pfs: pfs)
            outcome =
                "fulfilled with \(sent.count) footprint\(sent.count == 1 ? "" : "s")" + (matching.count > sent.count ? " of \(matching.count)" : "")
        }
        let draft = PACTOutboundDraft(
            targetURL: target.url,
            partner: target.partner.name,
            eventType: body["type"]?.stringValue ?? "",
            eventID: answerID,
            body: Data(body.compactData())
        )
        complete(item, status: "done", outcome: outcome, answers: [draft])
        outbox?.wake()
    }

    func refresh(_ item: PACTInboxEvent, event: PACTEvent, ids: [String]) async {
        let target: EventRouting.Target
        do { target = try EventRouting.partner(for: event.source, client: nil, store: store) } catch {
            complete(item, status: "done", outcome: "ignored: \(error)", answers: [])
            return
        }
        var fetched: [JSONValue] = []
        var missing: [String] = []
        for id in ids {
            do {
                let answer = try await receiver.client.get(
                    PACTClient.trimmed(target.partner.baseURL) + "/3/footprints/" + id,
                    partner: target.partner
                )
                if answer.status == 200, let pf = answer.body["data"] { fetched.append(pf) } else { missing.append("\(id) (\(answer.status))") }
            } catch {
                missing.append("\(id) (\(error))")
            }
        }
        do {
            var summary =
                fetched.isEmpty ? "nothing fetched" : try receiver.receive(fetched, partner: target.partner, via: "PublishedEvent \(event.id)")
            if !missing.isEmpty { summary += "; not fetched: " + missing.joined(separator: ", ") }
            complete(item, status: "done", outcome: summary, answers: [])
        } catch {
            complete(item, status: "failed", outcome: "\(error)", answers: [])
        }
    }

    func complete(_ item: PACTInboxEvent, status: String, outcome: String, answers: [PACTOutboundDraft]) {
        do {
            try store.completePACTEvent(id: item.id, status: status, outcome: outcome, answers: answers)
            logger.info("event handled", metadata: ["type": "\(item.type)", "event": "\(item.eventID.prefix(80))", "outcome": "\(outcome)"])
        } catch {
            logger.error("cannot record the outcome of event \(item.id): \(error)")
        }
    }
}
