import FootprintCore

/// Confirms suspected duplicate purchase ids (fingerprints seen twice) on the ids themselves,
/// in a second pass over the file, and names each duplicate id with both lines.
enum DuplicateIDFinder {
    static func find(path: String, displayName: String, columns: PurchaseColumns, suspects: Set<UInt64>) throws(InputError) -> [Diagnostic] {
        let reader = try RecordBlockReader(path: path, displayName: displayName, blockBytes: 8 << 20)
        var firstLine: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        var line = 1
        var isHeader = true
        while let block = try reader.next(splitInto: 1) {
            let base = block.base
            var scanner = CSVRecordScanner(base: base, count: block.end, position: 0, firstLine: line)
            loop: while true {
                switch scanner.next() {
                case .end: break loop
                case .failure: continue
                case .record(let count):
                    if isHeader {
                        isHeader = false
                        continue
                    }
                    guard count == columns.count else { continue }
                    let span = scanner.fields[columns.id]
                    guard !span.isEmpty else { continue }
                    let id = scanner.string(span)
                    var copy = id
                    let fingerprint = copy.withUTF8 { byteHash($0.baseAddress!, $0.count) }
                    guard suspects.contains(fingerprint) else { continue }
                    if let first = firstLine[id] {
                        diagnostics.append(
                            Diagnostic(
                                file: displayName,
                                line: scanner.recordLine,
                                column: "id",
                                message: "duplicate purchase id '\(id)'; it is already on line \(first), and ids must be unique"
                            )
                        )
                    } else {
                        firstLine[id] = scanner.recordLine
                    }
                }
            }
            line = scanner.line
        }
        return diagnostics
    }
}
