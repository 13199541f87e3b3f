import Crypto
import FootprintCore
import FootprintStore
import Foundation
import Hummingbird
import Logging

/// `POST /auth/token` (OAuth 2.0 client credentials, RFC 6749 §4.4: credentials in HTTP Basic or
/// in the form body) and `GET /.well-known/openid-configuration` (where the token endpoint is).
/// Neither needs an access token, so they are registered outside `PACTAuthenticationMiddleware`.
struct TokenEndpoint: Sendable {
    let holder: CatalogHolder
    let tokens: AccessTokens
    let maxBodyBytes: Int

    /// The form of a token request (RFC 6749 §4.4.2, and §2.3.1 for credentials in the body). Other
    /// fields (`scope`, `audience`, `resource`, which some clients add) are ignored.
    struct TokenRequest: Decodable {
        var grant_type: String?
        var client_id: String?
        var client_secret: String?
    }

    func register(on router: some RouterMethods<PACTRequestContext>) {
        router.post("/auth/token") { request, context in try await token(request, context: context) }
        router.get("/.well-known/openid-configuration") { request, _ in discovery(request) }
    }

    func discovery(_ request: Request) -> Response {
        let base = BaseURL.of(request)
        return PACTResponse.json(
            .object([
                ("issuer", .string(base)),
                ("token_endpoint", .string(base + "/auth/token")),
                ("grant_types_supported", .array([.string("client_credentials")])),
                ("token_endpoint_auth_methods_supported", .array([.string("client_secret_basic"), .string("client_secret_post")])),
                ("response_types_supported", .array([.string("token")])),
                ("scopes_supported", .array([.string("footprint:list"), .string("footprint:read")])),
            ])
        )
    }

    func token(_ request: Request, context: PACTRequestContext) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: maxBodyBytes)
        let form: TokenRequest
        do { form = try URLEncodedFormDecoder().decode(TokenRequest.self, from: String(buffer: body)) } catch {
            return PACTResponse.oauthError(
                .badRequest,
                error: "invalid_request",
                description: "the body is not a valid application/x-www-form-urlencoded form: \(String(describing: error).prefix(200))"
            )
        }
        var clientID = form.client_id
        var secret = form.client_secret
        if let header = request.headers[.authorization] {
            guard header.count > 6, header.prefix(6).lowercased() == "basic ",
                let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
                let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":")
            else {
                return invalidClient("the Authorization header is not valid HTTP Basic credentials")
            }
            clientID = FormBody.decode(pair[..<colon])
            secret = FormBody.decode(pair[pair.index(after: colon)...])
        }
        guard let grant = form.grant_type else {
            return PACTResponse.oauthError(
                .badRequest,
                error: "invalid_request",
                description: "grant_type is missing; send grant_type=client_credentials as application/x-www-form-urlencoded"
            )
        }
        guard grant == "client_credentials" else {
            return PACTResponse.oauthError(
                .badRequest,
                error: "unsupported_grant_type",
                description: "only grant_type=client_credentials is supported, not '\(grant)'"
            )
        }
        guard let clientID, let secret else { return invalidClient("client credentials are missing: use HTTP Basic with the client id and secret") }
        guard let client = holder.catalog.clients[clientID], Self.matches(secret: secret, sha256: client.secretSHA256) else {
            context.logger.notice("token refused", metadata: ["client": "\(clientID.prefix(64))"])
            return invalidClient("the client id or secret is not valid")
        }
        return PACTResponse.json(
            .object([
                ("access_token", .string(tokens.issue(clientID: client.clientID))),
                ("token_type", .string("Bearer")),
                ("expires_in", .integer(Int(tokens.lifetime))),
            ]),
            headers: [.cacheControl: "no-store"]
        )
    }

    private func invalidClient(_ description: String) -> Response {
        PACTResponse.oauthError(
            .unauthorized,
            error: "invalid_client",
            description: description,
            headers: [.wwwAuthenticate: "Basic realm=\"footprint\""]
        )
    }

    static func matches(secret: String, sha256 expected: String) -> Bool {
        let actual = SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
        guard actual.utf8.count == expected.utf8.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(actual.utf8, expected.utf8) { difference |= a ^ b }
        return difference == 0
    }
}

/// Form encoding (`application/x-www-form-urlencoded`) of query strings and of HTTP Basic
/// credentials (RFC 6749 §2.3.1); token request bodies are read by `URLEncodedFormDecoder`.
enum FormBody {
    static func decode(_ text: Substring) -> String {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
    }

    /// Percent-encodes everything but ASCII letters, digits and `-._~:` (RFC 3986 unreserved, and
    /// `:` which URNs are full of).
    static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"):
                out.append(b)
            default:
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The absolute base URL a request reached us at, from its Host header (PACT wants `Link` targets
/// whose host equals the request's).
enum BaseURL {
    static func of(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        return "https://" + host
    }
}
