/// Splits UTF-8 text into records on any one-byte delimiter, as RFC 4180 does on commas: fields
/// in double quotes may hold the delimiter, doubled quotes and line breaks; LF or CRLF line ends;
/// blank lines are skipped. Every record knows the physical line on which it starts.
struct DelimitedRecordSplitter {
    enum Outcome {
        case record(line: Int, fields: [String])
        case failure(line: Int, message: String)
        case end
    }

    private let bytes: [UInt8]
    private let delimiter: UInt8
    private let delimiterName: String
    private var position = 0
    private var line = 1

    init(bytes: [UInt8], delimiter: ERPMapping.Delimiter) {
        self.bytes = bytes
        self.delimiter = delimiter.byte
        self.delimiterName = delimiter == .tab ? "a tab" : "'\(delimiter.rawValue)'"
    }

    private static let quote: UInt8 = 34, lf: UInt8 = 10, cr: UInt8 = 13

    mutating func next() -> Outcome {
        let end = bytes.count
        while position < end {
            if bytes[position] == Self.lf {
                position += 1
                line += 1
            } else if bytes[position] == Self.cr && position + 1 < end && bytes[position + 1] == Self.lf {
                position += 2
                line += 1
            } else {
                break
            }
        }
        guard position < end else { return .end }
        let recordLine = line
        var fields: [String] = []
        var p = position
        while true {
            // Spaces before an opening quote are tolerated (`a; "b"`).
            var s = p
            while s < end && bytes[s] == 32 && delimiter != 32 { s += 1 }
            if s > p && s < end && bytes[s] == Self.quote { p = s }
            if p < end && bytes[p] == Self.quote {
                var text: [UInt8] = []
                var q = p + 1
                while true {
                    guard q < end else {
                        position = end
                        return .failure(line: recordLine, message: "unterminated quoted field: it opens in this record and never closes; expected a closing '\"'")
                    }
                    let c = bytes[q]
                    if c == Self.quote {
                        if q + 1 < end && bytes[q + 1] == Self.quote {
                            text.append(Self.quote)
                            q += 2
                            continue
                        }
                        break
                    }
                    if c == Self.lf { line += 1 }
                    text.append(c)
                    q += 1
                }
                fields.append(String(decoding: text, as: UTF8.self))
                p = q + 1
                // Spaces between the closing quote and the delimiter are tolerated.
                while p < end && bytes[p] == 32 && delimiter != 32 { p += 1 }
                if p >= end {
                    position = end
                    return .record(line: recordLine, fields: fields)
                }
                let c = bytes[p]
                if c == delimiter {
                    p += 1
                    continue
                }
                if c == Self.lf || (c == Self.cr && p + 1 < end && bytes[p + 1] == Self.lf) {
                    position = c == Self.lf ? p + 1 : p + 2
                    line += 1
                    return .record(line: recordLine, fields: fields)
                }
                skipLine(from: p)
                return .failure(line: recordLine, message: "unexpected '\(Character(Unicode.Scalar(c)))' after a closing quote; expected \(delimiterName) or the end of the line")
            }
            let start = p
            while p < end {
                let c = bytes[p]
                if c == delimiter || c == Self.lf { break }
                if c == Self.quote {
                    skipLine(from: p)
                    return .failure(line: recordLine, message: "a '\"' inside an unquoted field; expected the whole field in quotes, with inner quotes doubled")
                }
                p += 1
            }
            var fieldEnd = p
            let atLineEnd = p >= end || bytes[p] == Self.lf
            if atLineEnd && fieldEnd > start && bytes[fieldEnd - 1] == Self.cr { fieldEnd -= 1 }
            fields.append(String(decoding: bytes[start..<fieldEnd], as: UTF8.self))
            if atLineEnd {
                if p < end { line += 1 }
                position = min(end, p + 1)
                return .record(line: recordLine, fields: fields)
            }
            p += 1
        }
    }

    private mutating func skipLine(from p: Int) {
        var q = p
        while q < bytes.count && bytes[q] != Self.lf { q += 1 }
        position = min(bytes.count, q + 1)
        if q < bytes.count { line += 1 }
    }
}
