/// A floating-point sum with Neumaier compensation: the result hardly depends on the order of
/// the terms, so totals agree across thread counts, chunkings and shuffled ledgers.
public struct CompensatedSum: Sendable, Hashable {
    @usableFromInline var sum: Double = 0
    @usableFromInline var compensation: Double = 0

    public init() {}

    public init(_ value: Double) { sum = value }

    @inlinable @inline(__always)
    public mutating func add(_ value: Double) {
        let t = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - t) + value
        } else {
            compensation += (value - t) + sum
        }
        sum = t
    }

    public mutating func add(_ other: CompensatedSum) {
        add(other.sum)
        add(other.compensation)
    }

    /// The compensated total.
    public var value: Double { sum + compensation }
}
