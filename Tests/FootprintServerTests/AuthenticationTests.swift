import FootprintCore
import FootprintServer
import FootprintStore
import Foundation
import NIOHTTP1
import Testing

/// The token endpoint's form (read by URLEncodedFormDecoder) and the bearer-token middleware,
/// beyond what the conformance cases ask.
@Suite("PACT host: token requests and bearer tokens")
struct AuthenticationTests {
    @Test("the token form: credentials in the body, extra fields, missing grant, malformed forms")
    func tokenForm() async throws {
        nonisolated(unsafe) var credentials = ("", "")
        let host = try await TestHost.start { ws in
            let added = try ws.pact.addPACTClient(name: "form", partner: nil)
            credentials = (added.client.clientID, added.secret)
        }
        let client = try TestClient(trusting: [host.certificate.certificatePEM])
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let (id, secret) = credentials
        func post(_ body: String) async throws -> TestClient.Answer {
            try await client.send(
                .POST,
                host.base + "/auth/token",
                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                body: Array(body.utf8)
            )
        }
        // Fields some clients add are ignored; '+' and percent-escapes are decoded.
        let extra = try await post("grant_type=client_credentials&client_id=\(id)&client_secret=\(secret)&scope=footprint%3Alist+footprint%3Aread")
        #expect(extra.status == 200)
        #expect(extra.json?["token_type"]?.stringValue == "Bearer")
        let missingGrant = try await post("client_id=\(id)&client_secret=\(secret)")
        #expect(missingGrant.status == 400)
        #expect(missingGrant.json?["error"]?.stringValue == "invalid_request")
        let noCredentials = try await post("grant_type=client_credentials")
        #expect(noCredentials.status == 401)
        #expect(noCredentials.json?["error"]?.stringValue == "invalid_client")
        for malformed in ["grant_type=client_credentials&grant_type=password", "grant_type=client_credentials&client_id=%zz"] {
            let refused = try await post(malformed)
            #expect(refused.status == 400)
            #expect(refused.json?["error"]?.stringValue == "invalid_request")
            #expect(refused.json?["access_token"] == nil)
        }
    }

    @Test("no Authorization header, or not Bearer: 401 BadRequest with WWW-Authenticate, on every protected route")
    func missingToken() async throws {
        let host = try await TestHost.start()
        let client = try TestClient(trusting: [host.certificate.certificatePEM])
        defer {
            Task {
                await client.shutdown()
                await host.stop()
            }
        }
        let routes: [(HTTPMethod, String)] = [
            (.GET, "/3/footprints"), (.GET, "/3/footprints/00000000-0000-0000-0000-000000000000"), (.POST, "/3/events"),
        ]
        for (method, path) in routes {
            for headers in [[], [("Authorization", "Basic Zm9vOmJhcg==")]] {
                let refused = try await client.send(method, host.base + path, headers: headers, body: method == .POST ? Array("{}".utf8) : nil)
                #expect(refused.status == 401)
                #expect(refused.json?["code"]?.stringValue == "BadRequest")
                #expect(refused.headers.first(name: "www-authenticate") == "Bearer error=\"invalid_request\"")
            }
        }
        // Discovery needs no token.
        #expect(try await client.send(.GET, host.base + "/.well-known/openid-configuration").status == 200)
    }
}
