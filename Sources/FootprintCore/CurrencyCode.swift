/// An ISO 4217 currency code: exactly three upper-case ASCII letters, packed into 24 bits.
public struct CurrencyCode: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// The three letters packed big-endian into the low 24 bits.
    public let packed: UInt32

    /// Reads a code from its three letters; `nil` unless they are exactly three upper-case ASCII letters.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 3 else { return nil }
        self.init(bytes[0], bytes[1], bytes[2])
    }

    /// Reads a code from three bytes; `nil` unless each is an upper-case ASCII letter.
    @inlinable @inline(__always)
    public init?(_ a: UInt8, _ b: UInt8, _ c: UInt8) {
        // A byte minus 'A' wraps to 191 or more below 'A', so one compare checks each letter.
        guard a &- 65 < 26, b &- 65 < 26, c &- 65 < 26 else { return nil }
        packed = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    /// A code already known to be valid, from its packed form.
    @inlinable
    init(unchecked packed: UInt32) { self.packed = packed }

    /// Reads a code from its packed form; `nil` unless it packs three upper-case ASCII letters.
    public init?(packed: UInt32) {
        guard packed >> 24 == 0 else { return nil }
        self.init(UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF))
    }

    /// `XXX`, ISO 4217's code for no currency: what a field that is no currency code reads as.
    /// Computed rather than stored: the purchase decoder starts every line from it, and a stored
    /// static is reached through its lazy initialiser's check each time.
    @inlinable public static var unknown: CurrencyCode { CurrencyCode(unchecked: 0x58_58_58) }

    public var description: String {
        String(decoding: [UInt8(packed >> 16 & 0xFF), UInt8(packed >> 8 & 0xFF), UInt8(packed & 0xFF)], as: UTF8.self)
    }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool { lhs.packed < rhs.packed }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CurrencyCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an ISO 4217 code"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
