public import FootprintCore
import Foundation

/// A small CSV file read whole: the header, and each record's fields with the line it starts on.
/// Columns are found by header name (any order, case-insensitive, extra columns ignored);
/// an empty field is absent.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// The name used in diagnostics.
    public var file: String
    public var header: [String]
    public var rows: [Row]

    /// Reads a file. Structural problems (unterminated quotes, wrong number of fields) are
    /// collected into `diagnostics`; the rows that could be read are kept.
    /// The tables of a data folder by file name, for readers of several optional files: nil for a file the
    /// folder does not have.
    public static func folder(_ directory: String) -> (String, inout [Diagnostic]) throws(InputError) -> CSVTable? {
        { name, diagnostics throws(InputError) in
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            return try CSVTable.read(path: path, displayName: name, diagnostics: &diagnostics)
        }
    }

    public static func read(path: String, displayName: String? = nil, diagnostics: inout [Diagnostic]) throws(InputError) -> CSVTable {
        let name = displayName ?? (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: "cannot read '\(path)': no such file or not readable")
        }
        return try parse(data: data, file: name, diagnostics: &diagnostics)
    }

    /// Parses CSV bytes. Throws when the header is missing, and, `checkingHeader`, when the lines end
    /// with CR alone or a column is named twice (see `CSVHeader`). The content of an earlier import is
    /// read without those checks (`checkingHeader: false`), so that a workspace keeps calculating after
    /// an upgrade.
    public static func parse(data: Data, file: String, diagnostics: inout [Diagnostic], checkingHeader: Bool = true) throws(InputError) -> CSVTable {
        let bytes = [UInt8](data)
        return try bytes.withUnsafeBufferPointer { buffer throws(InputError) -> CSVTable in
            let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
            let bom = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
            if checkingHeader { try CSVHeader.checkLineEnds(base, count: buffer.count, start: bom, file: file) }
            var scanner = CSVRecordScanner(base: base, count: buffer.count, position: bom)
            let header: [String]
            switch scanner.next() {
            case .record:
                header = scanner.fields.map { scanner.string($0).trimmingWhitespace() }
                if checkingHeader { try CSVHeader.checkUnique(header, file: file) { $0.lowercased() } }
            case .end:
                throw InputError(file: file, line: 1, message: "the file is empty; expected a header row")
            case .failure(let message):
                throw InputError(file: file, line: 1, message: "cannot read the header: \(message)")
            }
            var rows: [Row] = []
            loop: while true {
                switch scanner.next() {
                case .end: break loop
                case .failure(let message):
                    diagnostics.append(Diagnostic(file: file, line: scanner.recordLine, message: message))
                case .record(let count):
                    if count != header.count {
                        diagnostics.append(
                            Diagnostic(
                                file: file,
                                line: scanner.recordLine,
                                message: "the record has \(count) field\(count == 1 ? "" : "s"); expected \(header.count), as in the header"
                            )
                        )
                        continue
                    }
                    rows.append(Row(line: scanner.recordLine, fields: scanner.fields.map { scanner.string($0) }))
                }
            }
            return CSVTable(file: file, header: header, rows: rows)
        }
    }

    /// The index of a column, or `nil`.
    public func columnIndex(_ name: String) -> Int? {
        header.firstIndex { $0.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// The indices of the named columns. Throws, naming every missing required column.
    public func columns(required: [String], optional: [String] = []) throws(InputError) -> [String: Int] {
        var found: [String: Int] = [:]
        var missing: [String] = []
        for name in required {
            if let i = columnIndex(name) { found[name] = i } else { missing.append(name) }
        }
        for name in optional { if let i = columnIndex(name) { found[name] = i } }
        try CSVHeader.checkRequired(missing: missing, header: header, file: file)
        return found
    }
}

/// Reads typed fields from a row, collecting a diagnostic for each value that cannot be read.
public struct RowReader {
    public let table: CSVTable
    public let columns: [String: Int]
    public var row: CSVTable.Row
    public var diagnostics: [Diagnostic] = []

    public init(table: CSVTable, columns: [String: Int], row: CSVTable.Row) {
        self.table = table
        self.columns = columns
        self.row = row
    }

    /// The field's text, or `nil` when the column is absent or the field is empty.
    public func optional(_ column: String) -> String? {
        guard let i = columns[column] else { return nil }
        let text = row.fields[i].trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    public mutating func fail(_ column: String, _ message: String) {
        diagnostics.append(Diagnostic(file: table.file, line: row.line, column: column, message: message))
    }

    /// A required text field.
    public mutating func required(_ column: String) -> String? {
        guard let text = optional(column) else {
            fail(column, "the field is empty; a value is required")
            return nil
        }
        return text
    }

    /// The field as `parse` reads it; nil when it is empty (a failure when `required`) or when `parse`
    /// gives nil, which fails with `message` of the text and clears `valid`.
    mutating func field<T>(
        _ column: String,
        required: Bool,
        valid: inout Bool,
        message: (String) -> String,
        _ parse: (String) -> T?
    ) -> T? {
        guard let text = required ? self.required(column) : optional(column) else { return nil }
        if let value = parse(text) { return value }
        valid = false
        fail(column, message(text))
        return nil
    }

    /// The field as `parse` reads it (see `field(_:required:valid:message:_:)`), failing with
    /// "'text' is not `isNot`".
    mutating func field<T>(
        _ column: String,
        required: Bool = false,
        valid: inout Bool,
        isNot: @autoclosure () -> String,
        _ parse: (String) -> T?
    ) -> T? {
        field(column, required: required, valid: &valid, message: { "'\($0)' is not \(isNot())" }, parse)
    }

    /// `field(_:required:valid:isNot:_:)` for a caller that needs no flag.
    mutating func field<T>(_ column: String, required: Bool = false, isNot: @autoclosure () -> String, _ parse: (String) -> T?) -> T? {
        var valid = true
        return field(column, required: required, valid: &valid, isNot: isNot(), parse)
    }

    /// An id that `ids` must hold (nil: not checked), failing with "unknown `column` 'id'; expected `expected`".
    mutating func known(
        _ column: String,
        required: Bool = true,
        valid: inout Bool,
        in ids: Set<String>?,
        expected: @autoclosure () -> String
    ) -> String? {
        field(
            column,
            required: required,
            valid: &valid,
            message: { "unknown \(column) '\($0)'; expected \(expected())" },
            { ids?.contains($0) == false ? nil : $0 }
        )
    }

    /// `known(_:required:valid:in:expected:)` for a caller that needs no flag.
    mutating func known(_ column: String, required: Bool = true, in ids: Set<String>?, expected: @autoclosure () -> String) -> String? {
        var valid = true
        return known(column, required: required, valid: &valid, in: ids, expected: expected())
    }

    public mutating func decimal(_ column: String, required: Bool = true) -> ParsedDecimal? {
        field(
            column,
            required: required,
            isNot: "a number; expected a decimal number with '.' as the decimal point, such as 1234.50",
            FieldParser.decimal
        )
    }

    public mutating func year(_ column: String, required: Bool = true) -> Int? {
        field(column, required: required, isNot: "a year; expected four digits, such as 2024", FieldParser.year)
    }

    public mutating func currency(_ column: String) -> CurrencyCode? {
        field(column, required: true, isNot: "a currency code; expected three upper-case letters (ISO 4217), such as NOK") { CurrencyCode($0) }
    }
}

extension String {
    /// The text without leading and trailing whitespace, exactly as `trimmingCharacters(in: .whitespaces)`
    /// (tab and Unicode category Zs), but without Foundation's cost when there is none to trim (the usual
    /// case): a text that starts and ends with an ASCII byte other than space and tab is returned as it is.
    func trimmingWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        @inline(__always) func plain(_ b: UInt8) -> Bool { b < 0x80 && b != 32 && b != 9 }
        return plain(first) && plain(last) ? self : trimmingCharacters(in: .whitespaces)
    }

    /// Two ASCII capital letters, the form of an ISO 3166 alpha-2 country code.
    var isTwoCapitals: Bool { utf8.count == 2 && utf8.allSatisfy { (65...90).contains($0) } }
}
