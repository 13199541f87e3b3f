import FootprintCore
import FootprintServer
import Foundation
import Hummingbird
import HummingbirdTLS
import NIOCore
import NIOSSL
import Synchronization

/// The other side of an exchange, as the conformance tool plays it: its own `/auth/token` (HTTP
/// Basic only, no OpenID discovery) and `/3/events`, recording every event it receives.
final class Recipient: Sendable {
    let certificate: SelfSignedCertificate
    let received = Mutex<[(path: String, body: [UInt8])]>([])
    let clientID = "test_client_id", clientSecret = "test_client_secret"
    private let task = Mutex<Task<Void, any Error>?>(nil)
    private(set) nonisolated(unsafe) var port = 0

    init() throws { certificate = try SelfSignedCertificate(hosts: ["localhost", "127.0.0.1"]) }

    var base: String { "https://localhost:\(port)" }

    func start() async throws {
        let router = Router(context: BasicRequestContext.self)
        let expected = "Basic " + Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
        router.post("/auth/token") { request, _ -> Response in
            guard request.headers[.authorization] == expected else { return Response(status: .unauthorized) }
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: "{\"access_token\":\"recipient-token\",\"token_type\":\"Bearer\"}"))
            )
        }
        router.post("/3/events") { request, _ -> Response in
            guard request.headers[.authorization] == "Bearer recipient-token" else { return Response(status: .unauthorized) }
            var request = request
            let body = try await request.collectBody(upTo: 16 << 20)
            self.received.withLock { $0.append((request.uri.description, Array(buffer: body))) }
            return Response(status: .ok)
        }
        let (started, running) = try await LoopbackServer.start(router, certificate: certificate)
        task.withLock { $0 = running }
        port = started
    }

    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        _ = try? await running?.value
    }

    /// Waits until `count` events have arrived (or `seconds` pass), then returns all of them.
    func events(atLeast count: Int, within seconds: Double = 15) async -> [(path: String, json: JSONValue)] {
        let deadline = Date().addingTimeInterval(seconds)
        while received.withLock({ $0.count }) < count && Date() < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return received.withLock { $0 }.map { ($0.path, (try? JSONValue.parse($0.body)) ?? .null) }
    }
}
