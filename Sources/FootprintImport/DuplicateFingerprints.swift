/// Finds fingerprints (64-bit hashes of purchase ids) that occur more than once.
///
/// During the scan each thread appends fingerprints to one of 256 partitions by their top bits:
/// sequential writes, 8 bytes a line, the only ledger state that grows with the number of lines.
/// At the end each partition, small enough to stay in cache, is checked with a hash set, the
/// partitions spread over the threads. A repeated fingerprint is a suspected duplicate,
/// confirmed on the ids themselves by `DuplicateIDFinder`.
struct FingerprintPartitions: Sendable {
    static let partitionBits = 8
    static let partitionCount = 1 << partitionBits
    var partitions: [[UInt64]]

    init(expectedCount: Int) {
        let each = expectedCount / Self.partitionCount + expectedCount / (Self.partitionCount * 8) + 16
        partitions = (0..<Self.partitionCount).map { _ in
            var list: [UInt64] = []
            list.reserveCapacity(each)
            return list
        }
    }

    @inline(__always)
    mutating func append(_ fingerprint: UInt64) {
        partitions[Int(fingerprint >> UInt64(64 - Self.partitionBits))].append(fingerprint)
    }

    /// The fingerprints seen more than once in partition `p` of all the given sets.
    static func repeated(in sets: [FingerprintPartitions], partition p: Int) -> [UInt64] {
        let total = sets.reduce(0) { $0 + $1.partitions[p].count }
        guard total > 1 else { return [] }
        var size = 16
        while size < total * 2 { size <<= 1 }
        let mask = size - 1
        var slots = [UInt64](repeating: 0, count: size)
        var repeated: [UInt64] = []
        for set in sets {
            for value in set.partitions[p] {
                let v = value == 0 ? 1 : value
                var slot = Int(truncatingIfNeeded: v) & mask
                while true {
                    let current = slots[slot]
                    if current == 0 {
                        slots[slot] = v
                        break
                    }
                    if current == v {
                        repeated.append(value)
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        return repeated
    }
}
