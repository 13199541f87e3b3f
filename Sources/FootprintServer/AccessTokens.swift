@preconcurrency import Crypto
import Foundation

/// Issues and checks our access tokens: `fp1.<client id>.<expiry>.<HMAC-SHA256>`, signed with the
/// workspace's token key. Stateless, so checking one costs a hash; a revoked client's tokens stop
/// working because the catalogue no longer knows the client.
public struct AccessTokens: Sendable {
    let key: SymmetricKey
    public let lifetime: TimeInterval

    public init(key: [UInt8], lifetime: TimeInterval) {
        self.key = SymmetricKey(data: key)
        self.lifetime = lifetime
    }

    /// What checking a token found.
    public enum Verdict: Sendable, Equatable {
        case valid(clientID: String)
        /// Well-formed and correctly signed, but past its expiry.
        case expired
        /// Not one of ours: malformed, forged or altered.
        case invalid
    }

    /// A new token for `clientID`, valid for `lifetime` from `now`.
    public func issue(clientID: String, now: Date = Date()) -> String {
        let expiry = Int64((now.timeIntervalSince1970 + lifetime).rounded(.down))
        let payload = "fp1.\(clientID).\(expiry)"
        return payload + "." + Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)))
    }

    /// Checks a token's signature, then its expiry.
    public func verify(_ token: Substring, now: Date = Date()) -> Verdict {
        guard token.count < 512, let lastDot = token.lastIndex(of: ".") else { return .invalid }
        let payload = token[..<lastDot]
        guard let mac = Self.data(base64URL: token[token.index(after: lastDot)...]),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(payload.utf8), using: key)
        else { return .invalid }
        let parts = payload.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "fp1", let expiry = Int64(parts[2]) else { return .invalid }
        if Double(expiry) <= now.timeIntervalSince1970 { return .expired }
        return .valid(clientID: String(parts[1]))
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(
            of: "=",
            with: ""
        )
    }

    static func data(base64URL text: Substring) -> Data? {
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s)
    }
}
