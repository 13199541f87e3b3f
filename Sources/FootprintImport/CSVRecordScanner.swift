import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The position of one field in a buffer. `escaped` is set when a quoted field contains
/// doubled quotes that must be undone before the text is used.
public struct FieldSpan: Sendable {
    public var start: Int
    public var end: Int
    public var escaped: Bool

    public var isEmpty: Bool { start == end }
}

/// Splits an RFC 4180 buffer into records: quoted fields with commas, doubled quotes and line
/// breaks; LF or CRLF line ends. It reads fields in place and counts physical lines, so that
/// every record knows the line it starts on. Blank lines are skipped.
public struct CSVRecordScanner {
    public enum Outcome {
        case record(fieldCount: Int)
        case end
        case failure(String)
    }

    let base: UnsafePointer<UInt8>
    let end: Int
    /// The offset of the next record.
    public private(set) var position: Int
    /// The physical line of the next byte to read.
    public private(set) var line: Int
    /// The line on which the last record started.
    public private(set) var recordLine: Int = 0
    private var storage: FieldStorage
    /// Set when the caller knows the buffer holds no double quote: records then split on commas alone.
    public var quoteFree = false
    /// The number of fields of the last record.
    public private(set) var fieldCount = 0
    /// The byte between fields: ',' for the canonical files; an ERP export's own (';', tab, '|', ...).
    let delimiter: UInt8
    /// Whether spaces before an opening quote and after a closing quote are tolerated (`a; "b"`), as
    /// ERP exports write them.
    public var spacesAroundQuotes = false

    public init(
        base: UnsafePointer<UInt8>,
        count: Int,
        position: Int = 0,
        firstLine: Int = 1,
        expectedFields: Int = 16,
        delimiter: UInt8 = 44
    ) {
        self.base = base
        self.end = count
        self.position = position
        self.line = firstLine
        self.delimiter = delimiter
        self.storage = FieldStorage(capacity: max(16, expectedFields * 2))
    }

    /// How messages name the delimiter: `','`, `a tab`.
    var delimiterName: String { delimiter == 9 ? "a tab" : "'\(Character(Unicode.Scalar(delimiter)))'" }

    /// The fields of the last record; valid until the next call.
    public var fields: [FieldSpan] { (0..<fieldCount).map { storage.spans[$0] } }

    /// Field `i` of the last record (`i < fieldCount`).
    @inline(__always)
    public func field(_ i: Int) -> FieldSpan { storage.spans[i] }

    @inline(__always)
    private mutating func append(_ span: FieldSpan) {
        if fieldCount == storage.capacity {
            let bigger = FieldStorage(capacity: storage.capacity * 2)
            bigger.spans.update(from: storage.spans, count: fieldCount)
            storage = bigger
        }
        storage.spans[fieldCount] = span
        fieldCount += 1
    }

    /// Reads the next record into `fields`.
    public mutating func next() -> Outcome {
        fieldCount = 0
        // Skip blank lines.
        while position < end {
            let c = base[position]
            if c == 10 {
                position += 1
                line += 1
            } else if c == 13 && position + 1 < end && base[position + 1] == 10 {
                position += 2
                line += 1
            } else {
                break
            }
        }
        guard position < end else { return .end }
        recordLine = line
        if quoteFree { return nextWithoutQuotes() }
        // Fast path: a record on one line without quotes (the common case) splits on commas only.
        let remaining = end - position
        let lineEnd = memchr(base + position, 10, remaining).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? end
        let delimiter = self.delimiter
        if memchr(base + position, 34, lineEnd - position) == nil {
            var start = position
            var p = position
            while p < lineEnd {
                if base[p] == delimiter {
                    append(FieldSpan(start: start, end: p, escaped: false))
                    start = p + 1
                }
                p += 1
            }
            return lineEnd < end ? finishLine(start, lineEnd) : finishFile(start)
        }
        var p = position
        while true {
            if spacesAroundQuotes {
                var s = p
                while s < end && base[s] == 32 && delimiter != 32 { s += 1 }
                if s > p && s < end && base[s] == 34 { p = s }
            }
            if p < end && base[p] == 34 {
                // Quoted field.
                let start = p + 1
                var q = start
                var escaped = false
                while true {
                    guard q < end else {
                        position = end
                        return .failure("unterminated quoted field: it opens in this record and never closes; expected a closing '\"'")
                    }
                    let c = base[q]
                    if c == 34 {
                        if q + 1 < end && base[q + 1] == 34 {
                            escaped = true
                            q += 2
                            continue
                        }
                        break
                    }
                    if c == 10 { line += 1 }
                    q += 1
                }
                append(FieldSpan(start: start, end: q, escaped: escaped))
                p = q + 1
                if spacesAroundQuotes { while p < end && base[p] == 32 && delimiter != 32 { p += 1 } }
                if p >= end {
                    position = end
                    return .record(fieldCount: fieldCount)
                }
                let c = base[p]
                if c == delimiter {
                    p += 1
                    continue
                }
                if c == 10 || (c == 13 && p + 1 < end && base[p + 1] == 10) {
                    position = c == 10 ? p + 1 : p + 2
                    line += 1
                    return .record(fieldCount: fieldCount)
                }
                skipToNextLine(from: p)
                return .failure(
                    "unexpected '\(Character(Unicode.Scalar(c)))' after a closing quote; expected \(delimiterName) or the end of the line"
                )
            }
            // Unquoted field.
            let start = p
            while p < end {
                let c = base[p]
                if c == delimiter || c == 10 { break }
                if c == 34 {
                    skipToNextLine(from: p)
                    return .failure("a '\"' inside an unquoted field; expected the whole field in quotes, with inner quotes doubled")
                }
                p += 1
            }
            if p >= end { return finishFile(start) }
            if base[p] == delimiter {
                append(FieldSpan(start: start, end: p, escaped: false))
                p += 1
                continue
            }
            return finishLine(start, p)
        }
    }

    /// A record in a buffer known to hold no quotes: finds commas and the line feed eight bytes at a
    /// time (SWAR: a byte equal to the delimiter becomes a zero byte, detected exactly per byte).
    private mutating func nextWithoutQuotes() -> Outcome {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & low7) &+ low7) | x | low7) }
        let raw = UnsafeRawPointer(base)
        // Locals: `self` is written by `append`, so its fields would be loaded again on every byte.
        let delimiter = self.delimiter
        let base = self.base
        let end = self.end
        let delimiters = ones &* UInt64(delimiter)
        var start = position
        var p = position
        while p + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: p, as: UInt64.self)
            var hits = zeroBytes(word ^ delimiters) | zeroBytes(word ^ (ones &* 10))
            while hits != 0 {
                let q = p + hits.trailingZeroBitCount >> 3
                if base[q] == 10 { return finishLine(start, q) }
                append(FieldSpan(start: start, end: q, escaped: false))
                start = q + 1
                hits &= hits &- 1
            }
            p += 8
        }
        while p < end {
            let c = base[p]
            if c == 10 { return finishLine(start, p) }
            if c == delimiter {
                append(FieldSpan(start: start, end: p, escaped: false))
                start = p + 1
            }
            p += 1
        }
        return finishFile(start)
    }

    /// Ends the last field and the record at the end of the buffer (a last line without a line feed).
    private mutating func finishFile(_ start: Int) -> Outcome {
        var fieldEnd = end
        if fieldEnd > start && base[fieldEnd - 1] == 13 { fieldEnd -= 1 }
        append(FieldSpan(start: start, end: fieldEnd, escaped: false))
        position = end
        return .record(fieldCount: fieldCount)
    }

    /// Ends the last field and the record at the line feed at `lineFeed`.
    @inline(__always)
    private mutating func finishLine(_ start: Int, _ lineFeed: Int) -> Outcome {
        var fieldEnd = lineFeed
        if fieldEnd > start && base[fieldEnd - 1] == 13 { fieldEnd -= 1 }
        append(FieldSpan(start: start, end: fieldEnd, escaped: false))
        position = lineFeed + 1
        line += 1
        return .record(fieldCount: fieldCount)
    }

    private mutating func skipToNextLine(from p: Int) {
        var q = p
        while q < end && base[q] != 10 { q += 1 }
        position = min(end, q + 1)
        if q < end { line += 1 }
    }

    /// The text of a field, with doubled quotes undone.
    public func string(_ span: FieldSpan) -> String {
        let text = String(decoding: UnsafeBufferPointer(start: base + span.start, count: span.end - span.start), as: UTF8.self)
        return span.escaped ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}

/// Fixed storage for the field spans of one record; replaced by a larger one when a record has more fields.
final class FieldStorage {
    let spans: UnsafeMutablePointer<FieldSpan>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        spans = .allocate(capacity: capacity)
    }

    deinit { spans.deallocate() }
}
