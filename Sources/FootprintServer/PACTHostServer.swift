import FootprintStore
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// `footprint serve`: the workspace as a PACT v3 host over HTTPS only (no plain-HTTP listener, no
/// redirects), with the event processor and outbox sender running beside it. It reads and writes
/// the workspace only through `PACTHostStore`.
public struct PACTHostServer: Sendable {
    public let store: any PACTHostStore
    public let configuration: ServerConfiguration
    public let client: PACTClient
    public let logger: Logger
    /// The web app served beside the PACT API on the same port (under `/app/`), or nil for the API alone.
    public let web: WebApplication?

    public init(store: any PACTHostStore, configuration: ServerConfiguration, client: PACTClient, logger: Logger, web: WebApplication? = nil) {
        self.store = store
        self.configuration = configuration
        self.client = client
        self.logger = logger
        self.web = web
    }

    /// Builds the application; `onRunning` receives the bound port (useful with port 0).
    public func makeApplication(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        let tls = try Self.tlsConfiguration(configuration.tls)
        let holder = try CatalogHolder(store: store, logger: logger)
        let tokens = AccessTokens(key: try store.pactTokenKey(), lifetime: configuration.tokenLifetime)
        let outbox = OutboxSender(store: store, client: client, logger: logger)
        let receiver = FootprintReceiver(client: client, store: store)
        let ownSource = configuration.publicBaseURL ?? "https://\(configuration.host):\(configuration.port)"
        let processor = EventProcessor(store: store, holder: holder, receiver: receiver, outbox: outbox, ownSource: ownSource, logger: logger)

        let router = Router(context: PACTRequestContext.self)
        router.add(middleware: PACTErrorMiddleware())
        TokenEndpoint(holder: holder, tokens: tokens, maxBodyBytes: configuration.maxBodyBytes).register(on: router)
        // Everything else needs an access token: checked once, by the middleware of this group.
        let authenticated = router.group().add(middleware: PACTAuthenticationMiddleware(tokens: tokens, holder: holder))
        FootprintEndpoints(holder: holder, defaultPageSize: configuration.defaultPageSize, maxPageSize: configuration.maxPageSize).register(
            on: authenticated
        )
        EventEndpoint(store: store, maxBodyBytes: configuration.maxBodyBytes, processor: processor).register(on: authenticated)
        // The web app: its own group under /app (no PACT path starts so), with its own middleware.
        web?.register(on: router)

        return Application(
            router: router,
            server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "footprint"),
            services: [holder, processor, outbox],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger
        )
    }

    static func tlsConfiguration(_ source: ServerConfiguration.TLSSource) throws -> TLSConfiguration {
        let certificatePEM: String
        let keyPEM: String
        switch source {
        case .files(let certificate, let key):
            do {
                certificatePEM = try String(contentsOfFile: certificate, encoding: .utf8)
                keyPEM = try String(contentsOfFile: key, encoding: .utf8)
            } catch {
                throw ServerError.tls("cannot read the certificate '\(certificate)' or key '\(key)': \(error.localizedDescription)")
            }
        case .selfSigned(let hosts):
            let made = try SelfSignedCertificate(hosts: hosts)
            certificatePEM = made.certificatePEM
            keyPEM = made.privateKeyPEM
        case .pem(let certificate, let key):
            certificatePEM = certificate
            keyPEM = key
        }
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8))
            guard !chain.isEmpty else { throw ServerError.tls("the certificate file holds no PEM certificate") }
            let key = try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem)
            var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            tls.minimumTLSVersion = .tlsv12
            return tls
        } catch let error as ServerError {
            throw error
        } catch {
            throw ServerError.tls("the certificate or key is not valid PEM: \(error)")
        }
    }
}

/// Why the server could not start.
public enum ServerError: Error, CustomStringConvertible {
    case tls(String)
    public var description: String {
        switch self {
        case .tls(let message): "TLS: \(message)"
        }
    }
}
