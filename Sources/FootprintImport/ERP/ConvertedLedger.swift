public import FootprintCore

/// An ERP export converted onto the canonical purchases format: its rows' fields, in the order of
/// ``header``, ready for `PurchaseRecordDecoder` (no CSV in between), and the ERP values no rule maps.
public struct ConvertedLedger: Sendable {
    /// The fields of every row, one after another, as UTF-8 text.
    let text: [UInt8]
    /// Where each field starts in `text`: `header.count` offsets per row, then the end of `text`.
    let starts: [UInt32]
    /// The number of purchase lines.
    public let rowCount: Int
    /// The ERP values that no category rule maps, by value: their lines keep the raw value as
    /// their category, so the calculation reports them unmapped until the mapping is completed.
    public var unmapped: [UnmappedERPValue]

    /// The canonical header: the purchases columns of FORMATS.md, then the line's resolved Scope 3
    /// category, its raw ERP value and the physical line where it starts in the original export, and the
    /// invoice a credit note names.
    public static let header = [
        "id", "date", "supplier", "category", "amount", "currency", "product", "quantity", "unit", "customer",
        "scope3_category", "erp_category", "source_line", "invoice",
    ]

    /// Where the decoder finds the columns of ``header``.
    static let columns: PurchaseColumns = {
        do { return try PurchaseColumns(header: header, file: "converted") } catch { fatalError("the canonical header is valid") }
    }()

    init(text: [UInt8], starts: [UInt32], unmapped: [UnmappedERPValue]) {
        self.text = text
        self.starts = starts + [UInt32(text.count)]
        rowCount = starts.count / Self.header.count
        self.unmapped = unmapped
    }

    /// One converted row, as the decoder reads it: line `row + 2` of the canonical form (the header is line 1).
    struct Row: PurchaseRecordFields {
        let starts: UnsafeBufferPointer<UInt32>
        let first: Int
        let recordLine: Int
        let bufferEnd: Int

        @inline(__always)
        func field(_ i: Int) -> FieldSpan {
            FieldSpan(start: Int(starts[first + i]), end: Int(starts[first + i + 1]), escaped: false)
        }
    }

    /// Calls `body` with each row over the fields' buffer, in order.
    func forEachRecord(_ body: (UnsafePointer<UInt8>, Row) -> Void) {
        let n = Self.header.count
        text.withUnsafeBufferPointer { text in
            starts.withUnsafeBufferPointer { starts in
                // A buffer that is never empty, so that the base address exists for a ledger of empty fields.
                let base = text.baseAddress ?? UnsafePointer(bitPattern: 1)!
                for row in 0..<rowCount {
                    body(base, Row(starts: starts, first: row * n, recordLine: row + 2, bufferEnd: text.count))
                }
            }
        }
    }

    /// The canonical purchases CSV (RFC 4180, UTF-8, with ``header``): the converted file as people
    /// and the stateless `calculate --data` read it.
    /// The column `invoice` is written only when a line names an invoice (a mapping that maps it).
    public var csv: [UInt8] {
        let n = Self.header.count
        let invoice = n - 1
        let withInvoice = (0..<rowCount).contains { starts[$0 * n + invoice + 1] > starts[$0 * n + invoice] }
        let written = withInvoice ? n : n - 1
        var out = Array((Self.header.prefix(written).joined(separator: ",") + "\n").utf8)
        out.reserveCapacity(text.count + text.count / 4)
        for row in 0..<rowCount {
            for i in 0..<written {
                if i > 0 { out.append(44) }
                let field = text[Int(starts[row * n + i])..<Int(starts[row * n + i + 1])]
                if field.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
                    out.append(34)
                    for b in field {
                        if b == 34 { out.append(34) }
                        out.append(b)
                    }
                    out.append(34)
                } else {
                    out.append(contentsOf: field)
                }
            }
            out.append(10)
        }
        return out
    }

    /// The unmapped-value report as text, one value a line, for a terminal:
    /// `6999  3 lines  NOK 1200.50, EUR 80  (lines 4, 9, 12)`. Empty when every value is mapped.
    public func unmappedReport(maxLinesListed: Int = 10) -> String {
        unmapped.map { u in
            let spend = u.spend.sortedByKey().map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            var lines = u.lines.prefix(maxLinesListed).map(String.init).joined(separator: ", ")
            if u.lines.count > maxLinesListed { lines += ", ..." }
            return "\(u.value)  \(u.lines.count) line\(u.lines.count == 1 ? "" : "s")  \(spend)  (line\(u.lines.count == 1 ? "" : "s") \(lines))"
        }.joined(separator: "\n")
    }
}

/// An ERP value (GL account or product group) that no category rule maps.
public struct UnmappedERPValue: Sendable, Hashable {
    /// The raw value, as in the export.
    public var value: String
    /// The physical lines of the export where its records start, ascending.
    public var lines: [Int]
    /// Its spend per currency, exact (credit notes subtract).
    public var spend: [CurrencyCode: DecimalSum]

    public init(value: String, lines: [Int], spend: [CurrencyCode: DecimalSum]) {
        self.value = value
        self.lines = lines
        self.spend = spend
    }
}
