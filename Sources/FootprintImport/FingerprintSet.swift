/// A set of 64-bit fingerprints (hashes of purchase ids) with open addressing: 8 bytes a slot,
/// the only ledger state that grows with the number of lines. A fingerprint seen twice marks a
/// suspected duplicate, confirmed afterwards on the ids themselves.
struct FingerprintSet {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(expected: Int) {
        var size = 1024
        while size < expected + expected / 3 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Inserts a fingerprint; `false` if it was already present.
    @inline(__always)
    mutating func insert(_ value: UInt64) -> Bool {
        let v = value == 0 ? 1 : value
        var slot = Int(truncatingIfNeeded: v) & mask
        while true {
            let current = slots[slot]
            if current == 0 { break }
            if current == v { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = v
        count += 1
        if count * 4 > slots.count * 3 { grow() }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for v in old where v != 0 {
            var slot = Int(truncatingIfNeeded: v) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = v
        }
    }

    var bytes: Int { slots.count * 8 }
}
