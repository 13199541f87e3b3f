import ArgumentParser
import FootprintCore
import FootprintPACT
import FootprintServer
import FootprintStore
import Foundation
import Logging

extension Footprint.Pact {
    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull",
            abstract: "Pull every footprint a partner's PACT host shares with us (v3 or v2), and store them as imported footprints.",
            discussion: "All pages are read first, then stored in one transaction: a pull applies whole or not at all."
        )
        @Option(name: .long, help: "The partner (see 'footprint pact partners').") var partner: String
        @OptionGroup var trust: PartnerTrustOptions
        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            let ws = try workspace.open()
            let record = try report { () throws(WorkspaceError) in try ws.pact.pactPartner(named: partner) }
            let client = try PACTClient(trust: trust.load())
            let puller = PACTPuller(receiver: FootprintReceiver(client: client, store: ws.pact))
            let started = Date()
            let outcome: PACTPuller.Outcome
            do { outcome = try await puller.pull(record) } catch {
                try? await client.shutdown()
                throw failure("error: \(error)\nnothing was stored")
            }
            try await client.shutdown()
            print(
                "Pulled \(outcome.footprints) footprint\(outcome.footprints == 1 ? "" : "s") in \(outcome.pages) page\(outcome.pages == 1 ? "" : "s") from \(record.name) (PACT v\(outcome.version)) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s: \(outcome.summary)"
            )
        }
    }

    struct Request: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "request",
            abstract: "Ask a partner for a product's footprint with a PACT RequestCreated event.",
            discussion: """
                The partner answers asynchronously to our /3/events ('footprint serve' must be reachable at the public URL \
                given to 'serve --public-url'). The event goes through the outbox: if the partner cannot be reached now, \
                the running server keeps retrying for 72 hours.
                """
        )
        @Option(name: .long, help: "The partner (see 'footprint pact partners').") var partner: String
        @Option(name: .long, help: "The product id (URN); repeatable.") var product: [String]
        @Option(name: .long, help: "A note for the partner.") var comment: String?
        @Option(name: .long, help: "Our public URL, where the answer goes (default: the one 'serve --public-url' saved).") var replyTo: String?
        @Option(
            name: .long,
            help: "The engagement data request this answers ('footprint engagement requests list'); the sent event is recorded on it."
        ) var engagementRequest: Int64?
        @OptionGroup var trust: PartnerTrustOptions
        @OptionGroup var workspace: WorkspaceOption

        func run() async throws {
            let ws = try workspace.open()
            let record = try report { () throws(WorkspaceError) in try ws.pact.pactPartner(named: partner) }
            guard let source = try replyTo ?? report({ () throws(WorkspaceError) in try ws.pact.pactPublicURL() }) else {
                throw failure(
                    "error: where should the answer go? give --reply-to https://… (our PACT host's public URL), or run 'footprint serve --public-url …' once"
                )
            }
            for urn in product where !urn.lowercased().hasPrefix("urn:") {
                throw failure("error: product id '\(urn)' is not a URN; PACT product ids look like urn:gtin:4712345060507")
            }
            if let engagementRequest { _ = try report { () throws(WorkspaceError) in try ws.suppliers.engagementRequest(id: engagementRequest) } }
            var filter = PACTFilter()
            filter.productId = product
            let id = UUID().uuidString.lowercased()
            let now = PACTDateTime(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000))
            let event = PACTEvent.requestCreated(id: id, source: source, time: now, filter: filter, comment: comment)
            let draft = PACTOutboundDraft(
                targetURL: PACTClient.trimmed(record.baseURL) + "/3/events",
                partner: record.name,
                eventType: PACTEvent.EventType.requestCreated.rawValue,
                eventID: id,
                body: Data(event.compactData())
            )
            let queued = try report { () throws(WorkspaceError) in try ws.pact.enqueuePACTEvents([draft]) }
            if let engagementRequest {
                _ = try report { () throws(WorkspaceError) in try ws.suppliers.recordPACTRequestSent(id: engagementRequest, eventID: id) }
            }
            var logger = Logger(label: "footprint.pact")
            logger.logLevel = .critical
            let client = try PACTClient(trust: trust.load())
            await OutboxSender(store: ws.pact, client: client, logger: logger).deliverDue()
            try await client.shutdown()
            let sent = try report { () throws(WorkspaceError) in try ws.pact.pactOutbox() }.first { $0.id == queued.first }
            if sent?.status == "sent" {
                print("Request \(id) sent to \(record.name); the answer will arrive at \(source)/3/events")
            } else {
                print(
                    "Request \(id) queued for \(record.name), not yet delivered (\(sent?.lastError ?? "unknown error")); 'footprint serve' keeps retrying for 72 hours"
                )
            }
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "events",
            abstract: "Show the PACT events received (inbox) and to send (outbox), newest first."
        )
        @Option(name: .long, help: "How many of each.") var limit = 20
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            let inbox = try report { () throws(WorkspaceError) in try ws.pact.pactInbox(limit: limit) }
            let outbox = try report { () throws(WorkspaceError) in try ws.pact.pactOutbox(limit: limit) }
            print("Received:")
            printTable(
                ["#", "received (UTC)", "type", "event id", "status", "outcome"],
                inbox.map {
                    [
                        "\($0.id)", String($0.receivedAt.prefix(19)), String($0.type.split(separator: ".").dropLast().last ?? ""),
                        String($0.eventID.prefix(40)), $0.status, $0.outcome ?? "",
                    ]
                }
            )
            print("To send:")
            printTable(
                ["#", "queued (UTC)", "type", "to", "attempts", "status", "last error"],
                outbox.map {
                    [
                        "\($0.id)", String($0.createdAt.prefix(19)), String($0.eventType.split(separator: ".").dropLast().last ?? ""),
                        $0.targetURL, "\($0.attempts)", $0.status, String(($0.lastError ?? "").prefix(80)),
                    ]
                }
            )
        }
    }
}
