import FootprintStore
import Foundation
import Logging
import ServiceLifecycle

/// Delivers the outbox: each event is posted to its partner's `/3/events` with a token from the
/// partner; a failure is retried with exponential back-off (1 s, 2 s, 4 s, … at most an hour
/// apart) until the event is accepted or 72 hours after it was queued, when it is marked failed.
/// The outbox lives in the store, so a restart resumes where the last run stopped.
public final class OutboxSender: ServiceLifecycle.Service, Sendable {
    let store: any PACTHostStore
    let client: PACTClient
    let logger: Logger
    private let signal: AsyncStream<Void>.Continuation
    private let signals: AsyncStream<Void>

    public init(store: any PACTHostStore, client: PACTClient, logger: Logger) {
        self.store = store
        self.client = client
        self.logger = logger
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks the sender to look at the outbox now.
    public func wake() { signal.yield() }

    /// Most events one pass delivers.
    static let batchSize = 32

    /// Seconds to wait before attempt `attempts + 1`.
    public static func backoff(afterAttempts attempts: Int) -> Double { min(3600, pow(2, Double(min(attempts, 20)))) }

    public func run() async throws {
        let timer = Task {
            while !Task.isCancelled {
                let next = (try? store.nextPACTOutboxAttempt()) ?? nil
                let wait = next.map { max(0.05, min(1, $0 - Date().timeIntervalSince1970)) } ?? 1
                try? await Task.sleep(for: .seconds(wait))
                signal.yield()
            }
        }
        defer { timer.cancel() }
        await withGracefulShutdownHandler {
            for await _ in signals.cancelOnGracefulShutdown() {
                await deliverDue()
            }
        } onGracefulShutdown: {
            self.signal.finish()
        }
    }

    /// One pass over the events due now.
    public func deliverDue() async {
        let now = Date().timeIntervalSince1970
        let due: [PACTOutboxEvent]
        do { due = try store.duePACTOutbox(now: now, limit: Self.batchSize) } catch {
            logger.error("cannot read the outbox: \(error)")
            return
        }
        for event in due { await deliver(event) }
    }

    func deliver(_ event: PACTOutboxEvent) async {
        var failure: String?
        do {
            guard let name = event.partner else { throw OutboxError.noPartner }
            let partner = try store.pactPartner(named: name)
            try await client.postEvent(event.body, to: event.targetURL, partner: partner)
        } catch {
            failure = "\(error)"
        }
        let now = Date().timeIntervalSince1970
        let next = now + Self.backoff(afterAttempts: event.attempts)
        do {
            if let failure {
                let giveUp = next > event.giveUpAt
                try store.recordPACTDelivery(id: event.id, sent: false, error: failure, nextAttemptAt: giveUp ? nil : next)
                logger.warning(
                    "event not delivered",
                    metadata: [
                        "event": "\(event.eventID)", "to": "\(event.targetURL)", "attempt": "\(event.attempts + 1)", "error": "\(failure)",
                        "gaveUp": "\(giveUp)",
                    ]
                )
            } else {
                try store.recordPACTDelivery(id: event.id, sent: true, error: nil, nextAttemptAt: nil)
                logger.info("event delivered", metadata: ["event": "\(event.eventID)", "to": "\(event.targetURL)"])
            }
        } catch {
            logger.error("cannot record the delivery of outbox event \(event.id): \(error)")
        }
    }
}

enum OutboxError: Error, CustomStringConvertible {
    case noPartner
    var description: String { "the event names no partner whose credentials could be used" }
}
