import Foundation

/// How `footprint serve` listens and what it allows.
public struct ServerConfiguration: Sendable {
    /// Address to bind (default 127.0.0.1).
    public var host: String = "127.0.0.1"
    /// TCP port (default 8443; 0 picks a free port).
    public var port: Int = 8443
    public var tls: TLSSource
    /// Lifetime of access tokens (default one hour).
    public var tokenLifetime: TimeInterval = 3600
    /// Largest request body accepted (default 1 MiB); larger bodies get 413.
    public var maxBodyBytes: Int = 1 << 20
    /// Largest page size; `limit` above it is capped (default 1,000).
    public var maxPageSize: Int = 1000
    /// Page size when the client gives no `limit` (default 100).
    public var defaultPageSize: Int = 100

    /// The URL partners know us by, used as the `source` of the events we send (default
    /// `https://<host>:<port>`).
    public var publicBaseURL: String?

    public init(tls: TLSSource) { self.tls = tls }

    /// Where the server's certificate and key come from.
    public enum TLSSource: Sendable {
        /// PEM files: the certificate chain and the private key.
        case files(certificate: String, key: String)
        /// A certificate made at start for the given host names (a local trial, never production).
        case selfSigned(hosts: [String])
        /// PEM text given directly (tests).
        case pem(certificate: String, key: String)
    }
}
