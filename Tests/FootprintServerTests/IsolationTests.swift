import FootprintCore
import FootprintServer
import FootprintStore
import Foundation
import NIOHTTP1
import Testing

/// One client can never read another's footprints, by any route or filter.
@Suite("PACT host: who sees what")
struct IsolationTests {
    @Test("footprints shared with one client are invisible to another: list, filters, pages, get")
    func isolation() async throws {
        let forA = FootprintFixtures.Spec(productIds: ["urn:pact:footprint.example:product-id:for-a"])
        let forB = FootprintFixtures.Spec(productIds: ["urn:pact:footprint.example:product-id:for-b"])
        let everyone = FootprintFixtures.Spec(productIds: ["urn:pact:footprint.example:product-id:public"])
        nonisolated(unsafe) var a = ("", "")
        nonisolated(unsafe) var b = ("", "")
        let host = try await TestHost.start { ws in
            let addedA = try ws.pact.addPACTClient(name: "customer-a", partner: nil)
            let addedB = try ws.pact.addPACTClient(name: "customer-b", partner: nil)
            a = (addedA.client.clientID, addedA.secret)
            b = (addedB.client.clientID, addedB.secret)
            _ = try OwnFootprintPublisher.publish(FootprintFixtures.document([forA]), file: "a.json", sharedWith: ["customer-a"], store: ws.pact)
            _ = try OwnFootprintPublisher.publish(FootprintFixtures.document([forB]), file: "b.json", sharedWith: ["customer-b"], store: ws.pact)
            _ = try OwnFootprintPublisher.publish(FootprintFixtures.document([everyone]), file: "all.json", sharedWith: [], store: ws.pact)
        }
        let client = try TestClient(trusting: [host.certificate.certificatePEM])
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let tokenA = try await client.token(host.base, id: a.0, secret: a.1)
        let tokenB = try await client.token(host.base, id: b.0, secret: b.1)

        func ids(_ path: String, _ token: String) async throws -> Set<String> {
            var out = Set<String>()
            var url: String? = host.base + path
            while let current = url {
                let page = try await client.get(current, token: token)
                out.formUnion(page.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
                url = page.headers.first(name: "link").map { String($0.dropFirst().prefix(while: { $0 != ">" })) }
            }
            return out
        }
        #expect(try await ids("/3/footprints", tokenA) == [forA.id, everyone.id])
        #expect(try await ids("/3/footprints", tokenB) == [forB.id, everyone.id])
        #expect(try await ids("/3/footprints?limit=1", tokenB) == [forB.id, everyone.id])
        for filter in [
            "productId=urn:pact:footprint.example:product-id:for-a", "status=Active", "geography=NO",
            "companyId=urn:pact:footprint.example:company-id:nordic-it",
        ] {
            #expect(!(try await ids("/3/footprints?" + filter, tokenB)).contains(forA.id), "\(filter)")
        }
        let probe = try await client.get(host.base + "/3/footprints/\(forA.id)", token: tokenB)
        #expect(probe.status == 404)
        #expect(probe.json?["code"]?.stringValue == "NotFound")
        #expect(try await client.get(host.base + "/3/footprints/\(forA.id)", token: tokenA).status == 200)

        // A revoked client's token stops working once the catalogue reloads (within about a second).
        _ = try host.workspace.pact.revokePACTClient(name: "customer-b")
        var status = 200
        for _ in 0..<40 where status == 200 {
            try await Task.sleep(for: .milliseconds(100))
            status = try await client.get(host.base + "/3/footprints", token: tokenB).status
        }
        #expect(status == 401)
    }
}
