#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds record boundaries in a CSV buffer that starts at a record start: offsets just after a
/// line break that is not inside a quoted field. Without quotes in the buffer this is a `memchr`;
/// with quotes it tracks quote parity (RFC 4180: quotes appear only around fields and doubled inside).
enum RecordBoundaries {
    /// For each target offset, the first boundary at or after it (or `count` if none), and the
    /// last boundary in the buffer (or `nil` if there is none).
    static func find(_ base: UnsafePointer<UInt8>, count: Int, targets: [Int]) -> (splits: [Int], last: Int?, quoteFree: Bool) {
        if memchr(base, 34, count) == nil {
            let splits = targets.map { target -> Int in
                guard target < count, let hit = memchr(base + target, 10, count - target) else { return count }
                return UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
            }
            var last: Int? = nil
            var i = count - 1
            while i >= 0 {
                if base[i] == 10 {
                    last = i + 1
                    break
                }
                i -= 1
            }
            return (splits, last, true)
        }
        var splits = [Int](repeating: count, count: targets.count)
        var next = 0
        var last: Int? = nil
        var inQuote = false
        for i in 0..<count {
            let c = base[i]
            if c == 34 {
                inQuote.toggle()
            } else if c == 10 && !inQuote {
                last = i + 1
                while next < targets.count && targets[next] <= i {
                    splits[next] = i + 1
                    next += 1
                }
            }
        }
        return (splits, last, false)
    }
}
