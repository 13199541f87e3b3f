import FootprintCore
import FootprintServer
import FootprintStore
import Foundation
import NIOHTTP1
import Testing

/// The event cases of the PACT v3 conformance tool (TC 12-17 and 40), with the asynchronous
/// callbacks delivered to a recipient the test runs, over TLS, through the durable outbox.
@Suite("PACT v3 conformance: action events and callbacks")
struct ConformanceEventTests {
    @Test("TC 12-16, 40: RequestCreated is fulfilled or rejected by callback; Published and malformed events")
    func events() async throws {
        let recipient = try Recipient()
        try await recipient.start()
        nonisolated(unsafe) var credentials = ("", "")
        let product = "urn:pact:footprint.example:product-id:managed-workplace"
        let host = try await TestHost.start(trusting: [recipient.certificate.certificatePEM]) { ws in
            _ = try ws.pact.setPACTPartner(
                name: "conformance-tool",
                baseURL: recipient.base,
                authBaseURL: nil,
                clientID: recipient.clientID,
                clientSecret: recipient.clientSecret,
                supplierID: nil
            )
            let added = try ws.pact.addPACTClient(name: "conformance", partner: "conformance-tool")
            credentials = (added.client.clientID, added.secret)
            _ = try OwnFootprintPublisher.publish(
                FootprintFixtures.document([.init(productIds: [product]), .init(productIds: ["urn:pact:footprint.example:product-id:other"])]),
                file: "own.json",
                sharedWith: [],
                store: ws.pact
            )
        }
        let client = try TestClient(trusting: [host.certificate.certificatePEM])
        defer {
            Task {
                await client.shutdown()
                await host.stop()
                await recipient.stop()
            }
        }
        let token = try await client.token(host.base, id: credentials.0, secret: credentials.1)

        func post(_ event: String, token: String) async throws -> TestClient.Answer {
            try await client.send(
                .POST,
                host.base + "/3/events",
                headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/cloudevents+json; charset=UTF-8")],
                body: Array(event.utf8)
            )
        }
        let run = UUID().uuidString
        // TC 12: a request for our product, source = the recipient's base URL.
        let created = try await post(
            """
            {"type":"org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3","specversion":"1.0","id":"\(run)/12","source":"\(recipient.base)","time":"2026-11-29T10:00:00Z","data":{"productId":["\(product)"]}}
            """,
            token: token
        )
        #expect(created.status == 200, "\(created.text)")
        // TC 14.A: a request nothing matches.
        let toReject = try await post(
            """
            {"type":"org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3","specversion":"1.0","id":"\(run)/14","source":"\(recipient.base)","time":"2026-11-29T10:00:00Z","data":{"productId":["urn:pact:null"]}}
            """,
            token: token
        )
        #expect(toReject.status == 200)

        // TC 13 and 14.B: the callbacks arrive at exactly /3/events.
        let received = await recipient.events(atLeast: 2)
        #expect(received.count == 2)
        let fulfilled = try #require(received.first { $0.json["type"]?.stringValue == "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3" })
        #expect(fulfilled.path == "/3/events")
        #expect(fulfilled.json["data"]?["requestEventId"]?.stringValue == "\(run)/12")
        let pfs = try #require(fulfilled.json["data"]?["pfs"]?.arrayValue)
        #expect(!pfs.isEmpty)
        #expect(pfs.allSatisfy { $0["productIds"]?.arrayValue?.contains(.string(product)) == true })
        ResponseCapture.keep("fulfilled", fulfilled.json.compactData())
        let rejected = try #require(received.first { $0.json["type"]?.stringValue == "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3" })
        #expect(rejected.path == "/3/events")
        #expect(rejected.json["data"]?["requestEventId"]?.stringValue == "\(run)/14")
        #expect(rejected.json["data"]?["error"]?["code"]?.stringValue != nil)
        #expect(rejected.json["data"]?["error"]?["message"]?.stringValue != nil)
        ResponseCapture.keep("rejected", rejected.json.compactData())

        // TC 15: a Published event with an unknown, well-formed id.
        let published = try await post(
            """
            {"type":"org.wbcsd.pact.ProductFootprint.PublishedEvent.3","specversion":"1.0","id":"\(run)/15","source":"\(recipient.base)","time":"2026-11-29T10:00:00Z","data":{"pfIds":["3a6c14a7-4deb-498a-b5ea-16ce2535b576"]}}
            """,
            token: token
        )
        #expect(published.status == 200)
        // TC 16: an invalid token.
        let refused = try await post("{}", token: "very-invalid-access-token")
        #expect(refused.status == 401)
        #expect(refused.json?["code"]?.stringValue == "BadRequest")
        // TC 40: a Published event whose pfIds are not UUIDs.
        let malformed = try await post(
            """
            {"type":"org.wbcsd.pact.ProductFootprint.PublishedEvent.3","specversion":"1.0","id":"\(run)/40","source":"\(recipient.base)","time":"2026-11-29T10:00:00Z","data":{"pfIds":["urn:gtin:4712345060507"]}}
            """,
            token: token
        )
        #expect(malformed.status == 400)
        #expect(malformed.json?["code"]?.stringValue == "BadRequest")
        // Malformed JSON, wrong types, and a body over the limit.
        #expect(try await post("{\"type\": ", token: token).status == 400)
        #expect(
            try await post(
                "{\"type\":\"org.wbcsd.pact.ProductFootprint.PublishedEvent.3\",\"specversion\":1,\"id\":\"x\",\"source\":\"s\",\"time\":\"t\",\"data\":{}}",
                token: token
            ).status == 400
        )
        let huge = try await post("{\"pad\":\"" + String(repeating: "x", count: 2 << 20) + "\"}", token: token)
        #expect(huge.status == 413)
        // The deliveries are recorded as sent.
        let outbox = try host.workspace.pact.pactOutbox()
        #expect(outbox.count == 2)
        #expect(outbox.allSatisfy { $0.status == "sent" })
    }

    @Test("a request whose source is not a known partner's host is refused at once")
    func unknownSource() async throws {
        nonisolated(unsafe) var credentials = ("", "")
        let host = try await TestHost.start { ws in
            let added = try ws.pact.addPACTClient(name: "customer", partner: nil)
            credentials = (added.client.clientID, added.secret)
        }
        let client = try TestClient(trusting: [host.certificate.certificatePEM])
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let token = try await client.token(host.base, id: credentials.0, secret: credentials.1)
        let answer = try await client.send(
            .POST,
            host.base + "/3/events",
            headers: [("Authorization", "Bearer " + token), ("Content-Type", "application/cloudevents+json")],
            body: Array(
                """
                {"type":"org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3","specversion":"1.0","id":"r1","source":"//evil.example/3/events","time":"2026-11-29T10:00:00Z","data":{"productId":["urn:gtin:1"]}}
                """.utf8
            )
        )
        #expect(answer.status == 400)
        #expect(answer.json?["message"]?.stringValue?.contains("evil.example") == true)
        #expect(try host.workspace.pact.pactInbox().isEmpty)
    }
}
