import ArgumentParser
import FootprintServer
import FootprintStore
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

extension Footprint {
    /// `footprint serve`: the workspace as a PACT v3 host over HTTPS.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve our footprints as a PACT v3 host, and the web app, over HTTPS (docs/pact-host.md, docs/web.md).",
            discussion: """
                HTTPS only: give --cert and --key (PEM), or --self-signed for a local trial. Endpoints: \
                /.well-known/openid-configuration, POST /auth/token, GET /3/footprints, GET /3/footprints/{id}, \
                POST /3/events. API clients are added with 'footprint pact clients add'. The web app is under /app/ on the \
                same port (/ redirects to it); its users are added with 'footprint users add'.
                """
        )
        @OptionGroup var workspace: WorkspaceOption
        @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
        @Option(name: .long, help: "Port to listen on (0 picks a free one).") var port = 8443
        @Option(name: .long, help: "The certificate chain, PEM.") var cert: String?
        @Option(name: .long, help: "The certificate's private key, PEM.") var key: String?
        @Flag(name: .long, help: "Make a certificate for this run (a local trial; clients must be told to trust it).") var selfSigned = false
        @Option(name: .long, help: "Write the self-signed certificate here, for clients to trust.") var writeCert: String?
        @Option(name: .long, help: "The URL partners reach us at (the source of our events; default https://HOST:PORT).") var publicURL: String?
        @Option(name: .long, help: "Access token lifetime in seconds.") var tokenLifetime = 3600
        @Option(name: .long, help: "Largest request body in bytes.") var maxBody = 1 << 20
        @OptionGroup var trust: PartnerTrustOptions
        @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "info"

        func run() async throws {
            let ws = try workspace.open()
            let tls: ServerConfiguration.TLSSource
            if let cert, let key {
                tls = .files(certificate: cert, key: key)
            } else if selfSigned {
                let made = try SelfSignedCertificate(hosts: ["localhost", host])
                if let writeCert { try made.certificatePEM.write(toFile: writeCert, atomically: true, encoding: .utf8) }
                tls = .pem(certificate: made.certificatePEM, key: made.privateKeyPEM)
            } else {
                throw failure("error: the PACT host speaks HTTPS only: give --cert and --key (PEM files), or --self-signed for a local trial")
            }
            var configuration = ServerConfiguration(tls: tls)
            configuration.host = host
            configuration.port = port
            configuration.tokenLifetime = TimeInterval(tokenLifetime)
            configuration.maxBodyBytes = maxBody
            configuration.publicBaseURL = publicURL
            var logger = Logger(label: "footprint.serve")
            logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
            if let publicURL { try reportAny { try ws.pact.setPACTPublicURL(publicURL) } }
            let client = try PACTClient(trust: trust.load())
            let web = WebApplication(workspace: ws)
            let server = PACTHostServer(store: ws.pact, configuration: configuration, client: client, logger: logger, web: web)
            let app = try server.makeApplication(onRunning: { port in
                print("Serving PACT v3 at https://\(host):\(port) (workspace \(ws.path)); stop with Ctrl-C")
                print("The web app: https://\(host):\(port)/app/ (users: 'footprint users add', docs/web.md)")
                fflush(nil)
            })
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            try await client.shutdown()
        }
    }
}

/// How far to trust partners' certificates, for the commands that call partners.
struct PartnerTrustOptions: ParsableArguments {
    @Option(name: .long, help: "Also trust this PEM certificate when calling partners (repeatable).") var trustCert: [String] = []
    @Flag(name: .long, help: "Do not verify partners' certificates (local trials only).") var insecurePartners = false

    func load() throws -> PACTClient.Trust {
        let pems = try trustCert.map { path in
            do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw failure("error: cannot read the certificate '\(path)': \(error.localizedDescription)")
            }
        }
        return PACTClient.Trust(certificatesPEM: pems, insecure: insecurePartners)
    }
}
