import FootprintCore

/// Confirms suspected duplicate purchase ids (fingerprints seen twice) on the ids themselves,
/// in a second pass over the file, and names each duplicate id with both lines.
enum DuplicateIDFinder {
    static func find(path: String, displayName: String, columns: PurchaseColumns, suspects: Set<UInt64>) throws(InputError) -> [Diagnostic] {
        var firstLine: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        try RecordBlockReader.visitRecords(path: path, displayName: displayName, fieldCount: columns.count) { scanner in
            let span = scanner.fields[columns.id]
            guard !span.isEmpty else { return }
            let id = scanner.string(span)
            var copy = id
            let fingerprint = copy.withUTF8 { byteHash($0.baseAddress!, $0.count) }
            guard suspects.contains(fingerprint) else { return }
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
        return diagnostics
    }
}
