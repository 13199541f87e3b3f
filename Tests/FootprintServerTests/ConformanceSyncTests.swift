import FootprintCore
import FootprintServer
import FootprintStore
import Foundation
import NIOHTTP1
import Testing

/// The mandatory synchronous cases of the official PACT v3 conformance tool (TC 1-11, 18-19), run
/// against the real server over TLS on loopback, with the pass conditions of the tool's code.
@Suite("PACT v3 conformance: authentication, ListFootprints, GetFootprint")
struct ConformanceSyncTests {
    static func host() async throws -> (TestHost, TestClient, id: String, secret: String) {
        nonisolated(unsafe) var credentials = ("", "")
        let host = try await TestHost.start { ws in
            let added = try ws.pact.addPACTClient(name: "conformance", partner: nil)
            credentials = (added.client.clientID, added.secret)
            let specs = (0..<3).map { i in
                FootprintFixtures.Spec(productIds: ["urn:pact:footprint.example:product-id:item-\(i)"])
            }
            _ = try OwnFootprintPublisher.publish(FootprintFixtures.document(specs), file: "own.json", sharedWith: [], store: ws.pact)
        }
        return (host, try TestClient(trusting: [host.certificate.certificatePEM]), credentials.0, credentials.1)
    }

    @Test("TC 1-2, 18-19: tokens with valid and invalid credentials, through discovery")
    func authentication() async throws {
        let (host, client, id, secret) = try await Self.host()
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let discovery = try await client.send(.GET, host.base + "/.well-known/openid-configuration")
        #expect(discovery.status == 200)
        let endpoint = try #require(discovery.json?["token_endpoint"]?.stringValue)
        #expect(endpoint == host.base + "/auth/token")
        _ = try await client.token(host.base, id: id, secret: secret)
        // Credentials in the form body work too.
        let form = try await client.send(
            .POST,
            endpoint,
            headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array("grant_type=client_credentials&client_id=\(id)&client_secret=\(secret)".utf8)
        )
        #expect(form.status == 200)
        #expect(form.json?["token_type"]?.stringValue == "Bearer")
        for (badID, badSecret) in [(id, "wrong-secret"), ("nobody", secret), (UUID().uuidString, UUID().uuidString)] {
            let refused = try await client.send(
                .POST,
                endpoint,
                headers: [
                    ("Authorization", "Basic " + Data("\(badID):\(badSecret)".utf8).base64EncodedString()),
                    ("Content-Type", "application/x-www-form-urlencoded"),
                ],
                body: Array("grant_type=client_credentials".utf8)
            )
            #expect(refused.status == 401)
            #expect(refused.json?["error"]?.stringValue == "invalid_client")
            #expect(refused.json?["access_token"] == nil)
        }
        let wrongGrant = try await client.send(
            .POST,
            endpoint,
            headers: [("Authorization", "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString())],
            body: Array("grant_type=password".utf8)
        )
        #expect(wrongGrant.status == 400)
        #expect(wrongGrant.json?["error"]?.stringValue == "unsupported_grant_type")
    }

    @Test("TC 3-8: GetFootprint, ListFootprints, the pagination link, invalid tokens, an unknown id")
    func listAndGet() async throws {
        let (host, client, id, secret) = try await Self.host()
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let token = try await client.token(host.base, id: id, secret: secret)
        let all = try await client.get(host.base + "/3/footprints", token: token)
        #expect(all.status == 200)
        #expect(all.headers.first(name: "content-type")?.contains("application/json") == true)
        ResponseCapture.keep("list", all.body)
        let items = try #require(all.json?["data"]?.arrayValue)
        #expect(items.count == 3)
        let first = try #require(items.first?["id"]?.stringValue)

        let one = try await client.get(host.base + "/3/footprints/\(first)", token: token)
        #expect(one.status == 200)
        #expect(one.json?["data"]?["id"]?.stringValue == first)
        ResponseCapture.keep("get", one.body)

        // TC 5: the first Link of ?limit=1 is absolute, starts with the base URL, and answers.
        let limited = try await client.get(host.base + "/3/footprints?limit=1", token: token)
        #expect(limited.json?["data"]?.arrayValue?.count == 1)
        let link = try #require(limited.headers.first(name: "link"))
        #expect(link.hasPrefix("<" + host.base + "/3/footprints?"))
        #expect(link.hasSuffix("rel=\"next\""))
        let next = String(link.dropFirst().prefix(while: { $0 != ">" }))
        let second = try await client.get(next, token: token)
        #expect(second.status == 200)
        let secondID = try #require(second.json?["data"]?.arrayValue?.first?["id"]?.stringValue)
        #expect(secondID != limited.json?["data"]?.arrayValue?.first?["id"]?.stringValue)
        // Following every link visits every footprint once.
        var seen: [String] = []
        var url: String? = host.base + "/3/footprints?limit=1"
        while let current = url {
            let page = try await client.get(current, token: token)
            seen += page.json?["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            url = page.headers.first(name: "link").map { String($0.dropFirst().prefix(while: { $0 != ">" })) }
        }
        #expect(seen == items.compactMap { $0["id"]?.stringValue })

        // TC 6-7: invalid token; 401 with code BadRequest.
        for url in [host.base + "/3/footprints", host.base + "/3/footprints/\(first)"] {
            let refused = try await client.get(url, token: "very-invalid-access-token-\(UUID())")
            #expect(refused.status == 401)
            #expect(refused.json?["code"]?.stringValue == "BadRequest")
            #expect(refused.headers.first(name: "www-authenticate")?.hasPrefix("Bearer") == true)
            ResponseCapture.keep("error", refused.body)
        }
        // TC 8: unknown id -> 404 NotFound; a malformed id -> 400 BadRequest.
        let missing = try await client.get(host.base + "/3/footprints/00000000-0000-0000-0000-000000000000", token: token)
        #expect(missing.status == 404)
        #expect(missing.json?["code"]?.stringValue == "NotFound")
        ResponseCapture.keep("error", missing.body)
        let malformed = try await client.get(host.base + "/3/footprints/not-a-uuid", token: token)
        #expect(malformed.status == 400)
        #expect(malformed.json?["code"]?.stringValue == "BadRequest")
        // An unknown path gets a JSON error too.
        let unknown = try await client.get(host.base + "/3/nothing-here", token: token)
        #expect(unknown.status == 404)
        #expect(unknown.json?["code"]?.stringValue == "NotFound")
    }

    @Test("TC 9-11, 17: nothing answers over plain HTTP")
    func noPlainHTTP() async throws {
        let (host, client, _, _) = try await Self.host()
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        for path in ["/auth/token", "/3/footprints", "/3/events"] {
            let plain = try? await client.send(.GET, "http://localhost:\(host.port)" + path)
            #expect(plain == nil || plain!.status >= 400)
            #expect(plain?.json?["access_token"] == nil)
            #expect(plain?.json?["data"] == nil)
        }
    }

    @Test("an expired token gets 401 TokenExpired")
    func expiredToken() async throws {
        let (host, client, id, _) = try await Self.host()
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let key = try host.workspace.pact.pactTokenKey()
        let stale = AccessTokens(key: key, lifetime: 60).issue(clientID: id, now: Date().addingTimeInterval(-3600))
        let refused = try await client.get(host.base + "/3/footprints", token: stale)
        #expect(refused.status == 401)
        #expect(refused.json?["code"]?.stringValue == "TokenExpired")
        // A token signed with another key is forged.
        let forged = AccessTokens(key: Array(repeating: 7, count: 32), lifetime: 60).issue(clientID: id)
        let refusedForged = try await client.get(host.base + "/3/footprints", token: forged)
        #expect(refusedForged.status == 401)
        #expect(refusedForged.json?["code"]?.stringValue == "BadRequest")
    }
}
