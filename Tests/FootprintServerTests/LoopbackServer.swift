import FootprintServer
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// A Hummingbird application a test runs on a free loopback port: plain HTTP, or TLS with a
/// self-signed certificate. Cancel the task to stop it.
enum LoopbackServer {
    static func start(
        _ router: Router<BasicRequestContext>,
        certificate: SelfSignedCertificate? = nil
    ) async throws -> (port: Int, task: Task<Void, any Error>) {
        var server = HTTPServerBuilder.http1()
        if let certificate {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificate.certificatePEM.utf8))
            let key = try NIOSSLPrivateKey(bytes: Array(certificate.privateKeyPEM.utf8), format: .pem)
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            server = try .tls(tlsConfiguration: tls)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }
        )
        let task = Task { try await app.runService() }
        for await port in ports { return (port, task) }
        task.cancel()
        throw CancellationError()
    }
}
