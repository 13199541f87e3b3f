/// A fast, well-mixed 64-bit hash of a byte string, for interning keys and fingerprinting ids.
/// Not cryptographic; stable across runs and platforms of the same endianness.
@inlinable @inline(__always)
public func byteHash(_ base: UnsafeRawPointer, _ count: Int) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: count)
    var i = 0
    while i + 8 <= count {
        let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        i += 8
    }
    if i < count {
        var word: UInt64 = 0
        var shift: UInt64 = 0
        while i < count {
            word |= UInt64(base.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift += 8
            i += 1
        }
        h = (h ^ word) &* 0x94D0_49BB_1331_11EB
    }
    h ^= h >> 32
    h &*= 0xD6E8_FEB8_6659_FD93
    h ^= h >> 32
    return h
}
