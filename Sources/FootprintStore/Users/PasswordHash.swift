import Crypto
import Foundation
import _CryptoExtras

/// A password kept as its scrypt hash (RFC 7914), memory-hard so that a stolen workspace costs an
/// attacker memory as well as time per guess. The stored text carries its parameters and salt, so
/// that the parameters can be raised later without invalidating the passwords already kept:
/// `scrypt$<log2 N>$<r>$<p>$<salt, base64>$<32-byte key, base64>`.
public struct PasswordHash: Sendable, Equatable {
    /// scrypt's cost parameters: N = 2^logN, block size r, parallelism p.
    public struct Parameters: Sendable, Equatable {
        public var logN: Int
        public var r: Int
        public var p: Int

        public init(logN: Int, r: Int, p: Int) {
            self.logN = logN
            self.r = r
            self.p = p
        }

        /// N = 2^15, r = 8, p = 1: 32 MiB and some tens of milliseconds per hash (OWASP's minimum
        /// for scrypt is N = 2^17 with r = 8 at 128 MiB; 2^15 keeps a login under a tenth of a second
        /// on a small server, and the stored parameters let an operator raise it).
        public static let standard = Parameters(logN: 15, r: 8, p: 1)

        /// Memory scrypt needs: 128 · N · r · p bytes.
        public var memoryBytes: Int { 128 * (1 << logN) * r * p }
    }

    public var parameters: Parameters
    public var salt: [UInt8]
    public var key: [UInt8]

    static let keyBytes = 32
    static let saltBytes = 16

    /// Hashes `password` with a fresh random salt.
    public static func make(password: String, parameters: Parameters = .standard) throws -> PasswordHash {
        var salt = [UInt8](repeating: 0, count: saltBytes)
        var generator = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = generator.next() }
        return PasswordHash(parameters: parameters, salt: salt, key: try derive(password, salt: salt, parameters: parameters))
    }

    static func derive(_ password: String, salt: [UInt8], parameters: Parameters) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8),
            salt: salt,
            outputByteCount: keyBytes,
            rounds: 1 << parameters.logN,
            blockSize: parameters.r,
            parallelism: parameters.p
        )
        return key.withUnsafeBytes { Array($0) }
    }

    /// Whether `password` is the one hashed, compared in constant time.
    public func verify(_ password: String) -> Bool {
        guard let candidate = try? Self.derive(password, salt: salt, parameters: parameters) else { return false }
        return Self.constantTimeEqual(candidate, key)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// The stored text.
    public var encoded: String {
        "scrypt$\(parameters.logN)$\(parameters.r)$\(parameters.p)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// Reads the stored text; nil when it is not a hash of ours (or its parameters are out of bounds).
    public init?(encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt", let logN = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
            (10...22).contains(logN), (1...32).contains(r), (1...16).contains(p),
            let salt = Data(base64Encoded: String(parts[4])), let key = Data(base64Encoded: String(parts[5])), key.count == Self.keyBytes
        else { return nil }
        self.init(parameters: Parameters(logN: logN, r: r, p: p), salt: Array(salt), key: Array(key))
    }

    public init(parameters: Parameters, salt: [UInt8], key: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.key = key
    }
}
