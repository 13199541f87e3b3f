import AsyncHTTPClient
import FootprintCore
import FootprintStore
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL
import Synchronization

/// Talks to partners' PACT hosts over HTTPS: finds the token endpoint (OpenID discovery, else
/// `/auth/token`), gets and caches access tokens, reads footprints following `Link` pagination, and
/// posts events. Never follows redirects; never logs or returns a secret.
public final class PACTClient: Sendable {
    let http: HTTPClient
    let timeout: TimeAmount
    private let tokens = Mutex<[String: (token: String, expires: Date)]>([:])

    /// How far to trust partners' certificates.
    public struct Trust: Sendable {
        /// Extra PEM certificates to trust besides the system's (a partner's private CA, a local trial's certificate).
        public var certificatesPEM: [String] = []
        /// Skip certificate verification entirely: for a local trial only, never in production.
        public var insecure = false
        public init(certificatesPEM: [String] = [], insecure: Bool = false) {
            self.certificatesPEM = certificatesPEM
            self.insecure = insecure
        }
    }

    public init(trust: Trust = Trust(), timeout: TimeAmount = .seconds(30)) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if trust.insecure {
            tls.certificateVerification = .none
        } else if !trust.certificatesPEM.isEmpty {
            let extra = try trust.certificatesPEM.flatMap { try NIOSSLCertificate.fromPEMBytes(Array($0.utf8)) }
            tls.additionalTrustRoots = [.certificates(extra)]
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow)
        configuration.timeout = .init(connect: .seconds(10), read: timeout)
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.timeout = timeout
    }

    public func shutdown() async throws { try await http.shutdown() }

    /// An access token for the partner, from the cache while it has more than a minute left.
    public func token(for partner: PACTPartnerRecord, refresh: Bool = false) async throws(PACTClientError) -> String {
        let key = partner.name + "\u{0}" + partner.clientID
        if !refresh, let cached = tokens.withLock({ $0[key] }), cached.expires.timeIntervalSinceNow > 60 { return cached.token }
        let endpoint = await tokenEndpoint(for: partner)
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        let credentials = Data((Self.formEncode(partner.clientID) + ":" + Self.formEncode(partner.clientSecret)).utf8).base64EncodedString()
        request.headers.add(name: "Authorization", value: "Basic " + credentials)
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: "grant_type=client_credentials"))
        let (status, body, _) = try await send(request, what: "token request to \(endpoint)")
        guard status == 200 else {
            throw .refused(url: endpoint, status: status, detail: Self.errorDetail(body) ?? "the partner refused our credentials")
        }
        guard case .object = body, let token = body["access_token"]?.stringValue, !token.isEmpty else {
            throw .badResponse(url: endpoint, detail: "the token response has no access_token")
        }
        let lifetime = body["expires_in"].flatMap { if case .decimal(let t) = $0 { Double(t) } else { nil } } ?? 3600
        tokens.withLock { $0[key] = (token, Date().addingTimeInterval(lifetime)) }
        return token
    }

    /// The partner's token endpoint: from its OpenID configuration if it has one, else `<auth base>/auth/token`.
    func tokenEndpoint(for partner: PACTPartnerRecord) async -> String {
        let base = Self.trimmed(partner.authBaseURL ?? partner.baseURL)
        var request = HTTPClientRequest(url: base + "/.well-known/openid-configuration")
        request.headers.add(name: "Accept", value: "application/json")
        if let (status, body, _) = try? await send(request, what: "OpenID discovery"), status == 200,
            let endpoint = body["token_endpoint"]?.stringValue, endpoint.lowercased().hasPrefix("https://")
        {
            return endpoint
        }
        return base + "/auth/token"
    }

    /// GETs a URL with the partner's token, re-authenticating once on 401.
    public func get(_ url: String, partner: PACTPartnerRecord) async throws(PACTClientError) -> (status: Int, body: JSONValue, link: String?) {
        for attempt in 0..<2 {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Authorization", value: "Bearer " + (try await token(for: partner, refresh: attempt > 0)))
            request.headers.add(name: "Accept", value: "application/json")
            let (status, body, headers) = try await send(request, what: "GET \(url)")
            if status == 401 && attempt == 0 { continue }
            return (status, body, headers.first(name: "link"))
        }
        throw .refused(url: url, status: 401, detail: "the partner refused our access token twice")
    }

    /// POSTs an event (CloudEvents structured JSON) with the partner's token, re-authenticating once on 401.
    public func postEvent(_ body: Data, to url: String, partner: PACTPartnerRecord) async throws(PACTClientError) {
        for attempt in 0..<2 {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer " + (try await token(for: partner, refresh: attempt > 0)))
            request.headers.add(name: "Content-Type", value: "application/cloudevents+json; charset=UTF-8")
            request.body = .bytes(ByteBuffer(bytes: body))
            let (status, answer, _) = try await send(request, what: "POST \(url)")
            if status == 401 && attempt == 0 { continue }
            guard (200..<300).contains(status) else {
                throw .refused(url: url, status: status, detail: Self.errorDetail(answer) ?? "the partner did not accept the event")
            }
            return
        }
    }

    func send(_ request: HTTPClientRequest, what: String) async throws(PACTClientError) -> (Int, JSONValue, HTTPHeaders) {
        do {
            let response = try await http.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 64 << 20)
            let json = bytes.readableBytes == 0 ? JSONValue.null : ((try? JSONValue.parse(Array(buffer: bytes))) ?? .null)
            return (Int(response.status.code), json, response.headers)
        } catch {
            throw .unreachable(url: request.url, detail: "\(error)")
        }
    }

    static func errorDetail(_ body: JSONValue) -> String? {
        if let message = body["message"]?.stringValue { return (body["code"]?.stringValue.map { $0 + ": " } ?? "") + message }
        if let error = body["error"]?.stringValue { return error + (body["error_description"]?.stringValue.map { ": " + $0 } ?? "") }
        return nil
    }

    public static func trimmed(_ url: String) -> String { url.hasSuffix("/") ? String(url.dropLast()) : url }

    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// Why a call to a partner's PACT host failed.
public enum PACTClientError: Error, Sendable, CustomStringConvertible {
    case unreachable(url: String, detail: String)
    case refused(url: String, status: Int, detail: String)
    case badResponse(url: String, detail: String)

    public var description: String {
        switch self {
        case .unreachable(let url, let detail): "cannot reach \(url): \(detail)"
        case .refused(let url, let status, let detail): "\(url) answered \(status): \(detail)"
        case .badResponse(let url, let detail): "unexpected answer from \(url): \(detail)"
        }
    }
}
