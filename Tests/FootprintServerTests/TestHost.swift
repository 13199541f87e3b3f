import AsyncHTTPClient
import FootprintCore
import FootprintServer
import FootprintStore
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

/// A real PACT host over TLS on loopback, on a fresh workspace, for one test.
struct TestHost {
    let workspace: Workspace
    let directory: URL
    let certificate: SelfSignedCertificate
    let port: Int
    let task: Task<Void, any Error>
    let client: PACTClient
    var base: String { "https://localhost:\(port)" }

    /// Starts a host; `prepare` fills the workspace first (clients, partners, footprints).
    /// With `web`, the web app is served beside the API, as `footprint serve` does.
    static func start(
        trusting extra: [String] = [],
        web: WebConfiguration? = nil,
        prepare: (Workspace) throws -> Void = { _ in }
    ) async throws -> TestHost {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fp-host-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (workspace, _) = try Workspace.create(path: directory.appendingPathComponent("footprint.sqlite").path)
        try prepare(workspace)
        let certificate = try SelfSignedCertificate(hosts: ["localhost", "127.0.0.1"])
        var configuration = ServerConfiguration(tls: .pem(certificate: certificate.certificatePEM, key: certificate.privateKeyPEM))
        configuration.port = 0
        configuration.publicBaseURL = "https://localhost"
        var logger = Logger(label: "test-host")
        logger.logLevel = .warning
        let client = try PACTClient(trust: .init(certificatesPEM: extra))
        let server = PACTHostServer(
            store: workspace.pact,
            configuration: configuration,
            client: client,
            logger: logger,
            web: web.map { WebApplication(workspace: workspace, configuration: $0) }
        )
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = try server.makeApplication(onRunning: { port in continuation.yield(port) })
        let task = Task { try await app.runService() }
        var port = 0
        for await p in ports {
            port = p
            break
        }
        return TestHost(workspace: workspace, directory: directory, certificate: certificate, port: port, task: task, client: client)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
        try? await client.shutdown()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// An HTTPS client that trusts the test host's certificate, with small helpers for the PACT API.
final class TestClient: Sendable {
    let http: HTTPClient

    init(trusting certificates: [String]) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.additionalTrustRoots = [.certificates(try certificates.flatMap { try NIOSSLCertificate.fromPEMBytes(Array($0.utf8)) })]
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls, redirectConfiguration: .disallow))
    }

    func shutdown() async { try? await http.shutdown() }

    struct Answer {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var json: JSONValue? { try? JSONValue.parse(body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await http.execute(request, timeout: .seconds(20))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }

    /// Gets an access token with HTTP Basic credentials.
    func token(_ base: String, id: String, secret: String) async throws -> String {
        let answer = try await send(
            .POST,
            base + "/auth/token",
            headers: [
                ("Authorization", "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            body: Array("grant_type=client_credentials".utf8)
        )
        guard answer.status == 200, let token = answer.json?["access_token"]?.stringValue else {
            throw TestFailure("token request answered \(answer.status): \(answer.text)")
        }
        return token
    }

    func get(_ url: String, token: String) async throws -> Answer {
        try await send(.GET, url, headers: [("Authorization", "Bearer " + token)])
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes responses for the schema check of scripts/test.sh (FOOTPRINT_PACT_CAPTURE names the folder).
enum ResponseCapture {
    static func keep(_ kind: String, _ body: [UInt8]) {
        guard let folder = ProcessInfo.processInfo.environment["FOOTPRINT_PACT_CAPTURE"] else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent("\(kind)-\(UUID().uuidString).json")
        FileManager.default.createFile(atPath: path, contents: Data(body))
    }
}
