/// A read-only map from 64-bit keys to 64-bit values in one flat table with open addressing: what the
/// engine looks up on every line with a product (a footprint's range by supplier and product), without
/// the SipHash that `Dictionary` computes for each lookup. Every key but `UInt64.max` can be stored.
public struct FlatKeyTable: Sendable {
    @usableFromInline let keys: [UInt64]
    @usableFromInline let values: [UInt64]
    @usableFromInline let mask: Int
    /// 64 minus the table's bits: a key's home slot is the top bits of its product with a large odd number.
    @usableFromInline let shift: UInt64
    /// The number of keys.
    public let count: Int

    /// The marker of an empty slot (never a key).
    @usableFromInline static let empty = UInt64.max

    public init(_ pairs: [UInt64: UInt64]) {
        var bits: UInt64 = 4
        while 1 << bits < pairs.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        mask = size - 1
        shift = 64 - bits
        count = pairs.count
        var keys = [UInt64](repeating: Self.empty, count: size)
        var values = [UInt64](repeating: 0, count: size)
        for (key, value) in pairs {
            precondition(key != Self.empty, "FlatKeyTable cannot store the key UInt64.max")
            var slot = Self.home(key, shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
    }

    @inlinable @inline(__always)
    static func home(_ key: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value of `key`, or nil.
    @inlinable
    public subscript(key: UInt64) -> UInt64? {
        keys.withUnsafeBufferPointer { keys in
            var slot = Self.home(key, shift)
            while true {
                let current = keys[slot]
                if current == key { return values[slot] }
                if current == Self.empty { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}
