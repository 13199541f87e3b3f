import FootprintCore
import FootprintPACT
import FootprintServer
import FootprintStore
import Foundation
import Logging
import NIOHTTP1
import Testing

/// Our pull and request clients against our own server: a supplier's host (a Footprint workspace
/// serving its footprints) and ours, both real servers over TLS on loopback.
@Suite("PACT exchange between two hosts: pull and request")
struct ExchangeTests {
    static func suppliersCSV(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("suppliers.csv").path
        try "id,name,country\nS-NET,Nordic Networks AS,NO\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("pull follows every page from the supplier's host and stores the footprints in one transaction")
    func pull() async throws {
        nonisolated(unsafe) var credentials = ("", "")
        let specs = (0..<250).map { i in FootprintFixtures.Spec(productIds: ["urn:pact:nordic-networks.example:product-id:switch-\(i)"]) }
        let supplier = try await TestHost.start { ws in
            let added = try ws.pact.addPACTClient(name: "buyer", partner: nil)
            credentials = (added.client.clientID, added.secret)
            _ = try OwnFootprintPublisher.publish(FootprintFixtures.document(specs), file: "catalogue.json", sharedWith: [], store: ws.pact)
        }
        let buyerFolder = FileManager.default.temporaryDirectory.appendingPathComponent("fp-buyer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: buyerFolder, withIntermediateDirectories: true)
        let (buyer, _) = try Workspace.create(path: buyerFolder.appendingPathComponent("footprint.sqlite").path)
        _ = try buyer.imports.importReference(
            kind: .suppliers,
            path: try Self.suppliersCSV(in: buyerFolder),
            displayName: "suppliers.csv",
            replacing: nil
        )
        let partner = try buyer.pact.setPACTPartner(
            name: "nordic-networks",
            baseURL: supplier.base,
            authBaseURL: nil,
            clientID: credentials.0,
            clientSecret: credentials.1,
            supplierID: "S-NET"
        )
        let client = try PACTClient(trust: .init(certificatesPEM: [supplier.certificate.certificatePEM]))
        let puller = PACTPuller(receiver: FootprintReceiver(client: client, store: buyer.pact))
        let outcome = try await puller.pull(partner)
        #expect(outcome.version == "3")
        #expect(outcome.pages == 3)
        #expect(outcome.footprints == 250)
        // Wrong credentials: nothing is stored, and the error says who refused.
        let wrong = try buyer.pact.setPACTPartner(
            name: "wrong",
            baseURL: supplier.base,
            authBaseURL: nil,
            clientID: credentials.0,
            clientSecret: "not-the-secret",
            supplierID: "S-NET"
        )
        await #expect(throws: PACTClientError.self) { try await puller.pull(wrong) }
        try await client.shutdown()
        await supplier.stop()
        let stored = try buyer.pact.pactImportedCount()
        #expect(stored == 250)
        try? FileManager.default.removeItem(at: buyerFolder)
    }

    @Test("request: our RequestCreated reaches the supplier, whose answer arrives on our /3/events and is stored")
    func request() async throws {
        let product = "urn:pact:nordic-networks.example:product-id:switch-48p"
        // The supplier's host, with a footprint for the product.
        nonisolated(unsafe) var atSupplier = ("", "")
        let supplier = try await TestHost.start { ws in
            let added = try ws.pact.addPACTClient(name: "buyer", partner: nil)
            atSupplier = (added.client.clientID, added.secret)
            _ = try OwnFootprintPublisher.publish(
                FootprintFixtures.document([.init(productIds: [product])]),
                file: "catalogue.json",
                sharedWith: [],
                store: ws.pact
            )
        }
        // Our host, trusting the supplier's certificate, with the supplier as a partner.
        nonisolated(unsafe) var atBuyer = ("", "")
        let buyer = try await TestHost.start(trusting: [supplier.certificate.certificatePEM]) { ws in
            let added = try ws.pact.addPACTClient(name: "nordic-networks", partner: nil)
            atBuyer = (added.client.clientID, added.secret)
        }
        defer {
            Task {
                await supplier.stop()
                await buyer.stop()
            }
        }
        _ = try buyer.workspace.imports.importReference(
            kind: .suppliers,
            path: try Self.suppliersCSV(in: buyer.directory),
            displayName: "suppliers.csv",
            replacing: nil
        )
        _ = try buyer.workspace.pact.setPACTPartner(
            name: "nordic-networks",
            baseURL: supplier.base,
            authBaseURL: nil,
            clientID: atSupplier.0,
            clientSecret: atSupplier.1,
            supplierID: "S-NET"
        )
        // The supplier knows us as a partner too (to call back), linked to the client we use there.
        // Its outbox must trust our certificate: the supplier's host was started before ours, so
        // it delivers through a client made here, as the server would.
        _ = try supplier.workspace.pact.setPACTPartner(
            name: "buyer",
            baseURL: buyer.base,
            authBaseURL: nil,
            clientID: atBuyer.0,
            clientSecret: atBuyer.1,
            supplierID: nil
        )
        try supplier.workspace.pact.linkPACTClient(name: "buyer", partner: "buyer")

        // Send the request through our outbox, as `footprint pact request` does.
        var filter = FootprintPACT.PACTFilter()
        filter.productId = [product]
        let id = UUID().uuidString.lowercased()
        let event = FootprintPACT.PACTEvent.requestCreated(
            id: id,
            source: buyer.base,
            time: FootprintPACT.PACTDateTime(epochMilliseconds: Int64(Date().timeIntervalSince1970 * 1000)),
            filter: filter
        )
        _ = try buyer.workspace.pact.enqueuePACTEvents([
            PACTOutboundDraft(
                targetURL: supplier.base + "/3/events",
                partner: "nordic-networks",
                eventType: "RequestCreated",
                eventID: id,
                body: Data(event.compactData())
            )
        ])
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let ours = try PACTClient(trust: .init(certificatesPEM: [supplier.certificate.certificatePEM]))
        await OutboxSender(store: buyer.workspace.pact, client: ours, logger: logger).deliverDue()
        try await ours.shutdown()
        #expect(try buyer.workspace.pact.pactOutbox().first?.status == "sent")
        // The supplier answers from its own outbox; its client must trust our certificate.
        let theirs = try PACTClient(trust: .init(certificatesPEM: [buyer.certificate.certificatePEM]))
        var answered = false
        for _ in 0..<100 where !answered {
            try await Task.sleep(for: .milliseconds(100))
            await OutboxSender(store: supplier.workspace.pact, client: theirs, logger: logger).deliverDue()
            answered = try supplier.workspace.pact.pactOutbox().contains { $0.status == "sent" }
        }
        try await theirs.shutdown()
        #expect(answered)
        // Our processor stores the footprint it received.
        var stored = 0
        for _ in 0..<100 where stored == 0 {
            try await Task.sleep(for: .milliseconds(100))
            stored = try buyer.workspace.pact.pactImportedCount()
        }
        #expect(stored == 1)
        let inbox = try buyer.workspace.pact.pactInbox()
        #expect(inbox.first?.outcome?.contains("S-NET") == true)

        // A Published event from the supplier: our processor fetches the footprint from its host.
        let newer = FootprintFixtures.Spec(productIds: ["urn:pact:nordic-networks.example:product-id:router-8"])
        _ = try OwnFootprintPublisher.publish(FootprintFixtures.document([newer]), file: "newer.json", sharedWith: [], store: supplier.workspace.pact)
        try await Task.sleep(for: .milliseconds(1500))  // the supplier's host picks up the publication
        let http = try TestClient(trusting: [buyer.certificate.certificatePEM])
        let token = try await http.token(buyer.base, id: atBuyer.0, secret: atBuyer.1)
        let published = try await http.send(
            .POST,
            buyer.base + "/3/events",
            headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/cloudevents+json")],
            body: Array(
                """
                {"type":"org.wbcsd.pact.ProductFootprint.PublishedEvent.3","specversion":"1.0","id":"pub-1","source":"\(supplier.base)","time":"2026-11-29T10:00:00Z","data":{"pfIds":["\(newer.id)"]}}
                """.utf8
            )
        )
        await http.shutdown()
        #expect(published.status == 200)
        for _ in 0..<100 where stored < 2 {
            try await Task.sleep(for: .milliseconds(100))
            stored = try buyer.workspace.pact.pactImportedCount()
        }
        #expect(stored == 2)
    }
}
