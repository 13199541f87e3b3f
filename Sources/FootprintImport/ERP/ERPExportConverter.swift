import FootprintCore
public import Foundation

/// Converts an ERP export onto the canonical purchases format through an ``ERPMapping``.
///
/// The whole file is read and every problem collected; if there is any, nothing is converted and
/// an `InputError` lists them all, each as `file:line: column 'Export Header': what, expected`.
public enum ERPExportConverter {
    /// Problems kept before the rest are only counted.
    public static let diagnosticLimit = 1000

    /// Converts the export's bytes. `fileName` names the export in diagnostics.
    public static func convert(bytes: [UInt8], fileName: String, mapping: ERPMapping) throws(InputError) -> ConvertedLedger {
        let problems = mapping.problems()
        guard problems.isEmpty else { throw InputError(problems.map { Diagnostic(file: "mapping", line: 0, message: $0) }) }
        var ignored: [String] = []
        let table = ERPCategoryTable(rules: mapping.categories, capitalAccounts: mapping.capitalAccounts, problems: &ignored)
        let text = try ERPTextDecoder.utf8(bytes, encoding: mapping.encoding, file: fileName).get()
        return try text.withUnsafeBufferPointer { buffer throws(InputError) in
            try convert(buffer, fileName: fileName, mapping: mapping, table: table)
        }
    }

    /// Converts the export's UTF-8 text.
    private static func convert(
        _ buffer: UnsafeBufferPointer<UInt8>,
        fileName: String,
        mapping: ERPMapping,
        table: ERPCategoryTable
    ) throws(InputError) -> ConvertedLedger {
        // A buffer that is never empty, so that the base address exists for an empty export.
        let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        var splitter = CSVRecordScanner(base: base, count: buffer.count, delimiter: mapping.delimiter.byte)
        splitter.spacesAroundQuotes = true
        let header: [String]
        let headerLine: Int
        switch splitter.next() {
        case .end: throw InputError(file: fileName, line: 1, message: "the file is empty; expected a header row")
        case .failure(let message): throw InputError(file: fileName, line: splitter.recordLine, message: "cannot read the header: \(message)")
        case .record: (header, headerLine) = (splitter.fields.map { splitter.string($0) }, splitter.recordLine)
        }
        let columns = try ERPHeaderColumns(header: header, line: headerLine, columns: mapping.columns, file: fileName)
        let reader = ERPLineReader(mapping: mapping, columns: columns, table: table, file: fileName, fieldCount: header.count)

        var diagnostics: [Diagnostic] = []
        var omitted = 0
        var rowText: [UInt8] = []
        rowText.reserveCapacity(buffer.count)
        var starts: [UInt32] = []
        var firstLineOfID: [String: Int] = [:]
        var unmapped: [String: UnmappedERPValue] = [:]
        loop: while true {
            var found: [Diagnostic] = []
            switch splitter.next() {
            case .end: break loop
            case .failure(let message): found.append(Diagnostic(file: fileName, line: splitter.recordLine, message: message))
            case .record:
                let line = splitter.recordLine
                let fields = splitter.fields.map { splitter.string($0) }
                let row = reader.read(fields: fields, line: line, diagnostics: &found)
                if let id = reader.id(fields: fields) {
                    if let first = firstLineOfID[id] {
                        found.append(
                            Diagnostic(
                                file: fileName,
                                line: line,
                                column: columns.idName,
                                message: "duplicate id '\(id)': lines \(first) and \(line) have it; expected each id once"
                                    + (columns.id.count == 1 ? " (if one column is not unique, map a list of columns to \"columns.id\")" : "")
                            )
                        )
                    } else {
                        firstLineOfID[id] = line
                    }
                }
                if let row, diagnostics.isEmpty && found.isEmpty {
                    row.append(to: &rowText, starts: &starts)
                    if !row.mapped {
                        unmapped[row.erpValue, default: UnmappedERPValue(value: row.erpValue, lines: [], spend: [:])].record(row)
                    }
                }
            }
            let room = max(0, diagnosticLimit - diagnostics.count)
            diagnostics += found.prefix(room)
            omitted += max(0, found.count - room)
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics, omitted: omitted) }
        return ConvertedLedger(text: rowText, starts: starts, unmapped: unmapped.values.sorted { $0.value < $1.value })
    }

    /// Converts the export's bytes. `fileName` names the export in diagnostics.
    public static func convert(data: Data, fileName: String, mapping: ERPMapping) throws(InputError) -> ConvertedLedger {
        try convert(bytes: [UInt8](data), fileName: fileName, mapping: mapping)
    }

    /// Reads and converts the export at `path`; diagnostics name it by its file name.
    public static func convert(path: String, mapping: ERPMapping) throws(InputError) -> ConvertedLedger {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: "cannot read '\(path)': no such file or not readable")
        }
        return try convert(data: data, fileName: name, mapping: mapping)
    }
}

extension UnmappedERPValue {
    fileprivate mutating func record(_ row: CanonicalPurchaseRow) {
        lines.append(row.sourceLine)
        spend[row.currency, default: DecimalSum()].add(digits: row.amount.digits, scale: row.amount.scale)
    }
}
