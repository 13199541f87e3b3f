import FootprintCore
import FootprintServer
import FootprintStore
import Foundation
import NIOHTTP1
import Testing

/// The filter cases of the PACT v3 conformance tool (TC 20-39): each positive case must return at
/// least one footprint and only matching ones; each negative case 200 with an empty list.
@Suite("PACT v3 conformance: ListFootprints filters")
struct ConformanceFilterTests {
    static let specs: [FootprintFixtures.Spec] = [
        .init(
            companyIds: ["urn:pact:footprint.example:company-id:nordic-it"],
            productIds: ["urn:gtin:4712345060507"],
            classifications: ["urn:unspsc:43211507"],
            country: "NO"
        ),
        .init(
            status: "Deprecated",
            companyIds: ["urn:pact:footprint.example:company-id:nordic-it"],
            productIds: ["urn:gtin:4712345060507"],
            classifications: ["urn:unspsc:43211507"],
            country: "SE",
            validityStart: "2025-06-01T00:00:00Z",
            validityEnd: "2026-06-01T00:00:00Z"
        ),
        .init(
            companyIds: ["urn:lei:5493001KJTIIGC8Y1R12"],
            productIds: ["urn:pact:footprint.example:product-id:hosting"],
            classifications: nil,
            country: nil,
            region: "Northern Europe",
            validityStart: nil,
            validityEnd: nil
        ),
        .init(
            companyIds: ["urn:lei:5493001KJTIIGC8Y1R12"],
            productIds: ["urn:pact:footprint.example:product-id:consulting"],
            country: "DE",
            validityStart: "2026-01-01T00:00:00Z",
            validityEnd: "2027-06-01T00:00:00Z"
        ),
    ]

    @Test("TC 20-39: every filter, OR within a parameter, AND across, and the negative cases")
    func filters() async throws {
        nonisolated(unsafe) var credentials = ("", "")
        let host = try await TestHost.start { ws in
            let added = try ws.pact.addPACTClient(name: "conformance", partner: nil)
            credentials = (added.client.clientID, added.secret)
            _ = try OwnFootprintPublisher.publish(FootprintFixtures.document(Self.specs), file: "own.json", sharedWith: [], store: ws.pact)
        }
        let client = try TestClient(trusting: [host.certificate.certificatePEM])
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let token = try await client.token(host.base, id: credentials.0, secret: credentials.1)

        func ids(_ query: String) async throws -> [String] {
            let answer = try await client.get(host.base + "/3/footprints?" + query, token: token)
            #expect(answer.status == 200, "\(query): \(answer.text)")
            ResponseCapture.keep("list", answer.body)
            return try #require(answer.json?["data"]?.arrayValue).compactMap { $0["id"]?.stringValue }
        }
        let id = Self.specs.map(\.id)
        #expect(try await ids("productId=urn:gtin:4712345060507") == [id[0], id[1]])
        #expect(try await ids("productId=URN:GTIN:4712345060507") == [id[0], id[1]], "ids match case-insensitively")
        #expect(try await ids("companyId=urn:lei:5493001KJTIIGC8Y1R12") == [id[2], id[3]])
        #expect(try await ids("geography=NO") == [id[0]])
        #expect(try await ids("geography=Northern%20Europe") == [id[2]])
        #expect(try await ids("classification=urn:unspsc:43211507") == [id[0], id[1]])
        // validOn: inside [start, end]; without a validity period, [referencePeriodEnd, +3 years].
        #expect(try await ids("validOn=2025-03-01T00:00:00Z") == [id[0], id[2]])
        #expect(try await ids("validOn=2025-07-01T00:00:00Z") == [id[0], id[1], id[2]])
        // validAfter: start strictly after; validBefore: end strictly before.
        #expect(try await ids("validAfter=2025-05-31T00:00:00Z") == [id[1], id[3]])
        #expect(try await ids("validBefore=2026-06-02T00:00:00Z") == [id[1]])
        #expect(try await ids("status=Active") == [id[0], id[2], id[3]])
        #expect(try await ids("status=Deprecated&productId=urn:gtin:4712345060507") == [id[1]])
        #expect(
            try await ids("companyId=urn:lei:5493001KJTIIGC8Y1R12&companyId=urn:bogus:company:\(UUID())&companyId=urn:bogus:company:\(UUID())") == [
                id[2], id[3],
            ]
        )
        // Filters and pagination: the next link keeps the filters.
        let limited = try await client.get(host.base + "/3/footprints?status=Active&limit=2", token: token)
        let link = try #require(limited.headers.first(name: "link"))
        #expect(link.contains("status=Active"))
        let next = try await client.get(String(link.dropFirst().prefix(while: { $0 != ">" })), token: token)
        #expect(next.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [id[3]])
        #expect(next.headers.first(name: "link") == nil)

        for negative in [
            "productId=urn:bogus:product:\(UUID())", "companyId=urn:bogus:company:\(UUID())", "geography=XX",
            "classification=urn:bogus:classification:\(UUID())", "validOn=1900-01-01T00:00:00Z", "validAfter=2099-12-31T23:59:59Z",
            "validBefore=1900-01-01T00:00:00Z", "status=BogusStatus\(UUID())",
            "companyId=urn:bogus:company:\(UUID())&productId=urn:bogus:product:\(UUID())",
            "companyId=urn:bogus:company:1&companyId=urn:bogus:company:2&companyId=urn:bogus:company:3",
        ] {
            #expect(try await ids(negative) == [], "\(negative)")
        }
        // A malformed date is a bad request, not an empty list.
        let bad = try await client.get(host.base + "/3/footprints?validOn=yesterday", token: token)
        #expect(bad.status == 400)
        #expect(bad.json?["code"]?.stringValue == "BadRequest")
    }
}
