/// Checks of a CSV file's header that every canonical reader makes (purchases.csv through
/// `RecordBlockReader` and `PurchaseColumns`, the small files through `CSVTable`): that its records
/// can be split at all, and that each column is named once.
enum CSVHeader {
    static let carriageReturnOnly =
        "the file's lines end with a carriage return alone (CR, as some spreadsheet programs save); "
        + "expected LF or CRLF line endings: save it as 'CSV UTF-8' or convert with `tr '\\r' '\\n'`"

    /// Throws when the first record of `base[start..<count]` holds a carriage return, outside quotes,
    /// that is not followed by a line feed: the file's lines end with CR alone, so it would be read as
    /// a header and no records. Reads the first line only (up to its line feed, or that CR).
    /// A CR as the last byte of the buffer is not decided here (the buffer may end inside the line).
    static func checkLineEnds(_ base: UnsafePointer<UInt8>, count: Int, start: Int = 0, file: String) throws(InputError) {
        var inQuote = false
        var i = start
        while i < count {
            let c = base[i]
            if c == 34 {
                inQuote.toggle()
            } else if !inQuote {
                if c == 10 { return }
                if c == 13 {
                    guard i + 1 < count, base[i + 1] != 10 else { return }
                    throw InputError(file: file, line: 1, message: carriageReturnOnly)
                }
            }
            i += 1
        }
    }

    /// Throws, naming every column of `missing` (required columns the header lacks) and the header's
    /// names, unless there is none.
    static func checkRequired(missing: [String], header: [String], file: String) throws(InputError) {
        guard missing.isEmpty else {
            throw InputError(
                file: file,
                line: 1,
                message: "missing required column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                    + "the header has \(header.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
    }

    /// Throws, naming each column that the header names more than once and its positions (counted
    /// from 1), when two names have the same `key` (how the reader matches names: trimmed, any case).
    /// Empty names (left by trailing commas) are not compared.
    static func checkUnique(_ header: [String], file: String, key: (String) -> String) throws(InputError) {
        var positions: [String: [Int]] = [:]
        var order: [String] = []
        for (i, name) in header.enumerated() {
            let k = key(name)
            guard !k.isEmpty else { continue }
            if positions[k] == nil { order.append(k) }
            positions[k, default: []].append(i + 1)
        }
        let repeated = order.filter { positions[$0]!.count > 1 }
        guard !repeated.isEmpty else { return }
        throw InputError(
            repeated.map { k -> Diagnostic in
                let at = positions[k]!
                let name = header[at[0] - 1].trimmingSpaces()
                let times = at.count == 2 ? "twice" : "\(at.count) times"
                let places =
                    at.count == 2
                    ? "column \(at[0]) and column \(at[1])"
                    : "columns " + at.dropLast().map(String.init).joined(separator: ", ") + " and \(at.last!)"
                return Diagnostic(file: file, line: 1, message: "column '\(name)' appears \(times), as \(places); each column may appear once")
            }
        )
    }
}
