public import FootprintCore

/// An ERP export converted onto the canonical purchases format.
public struct ConvertedLedger: Sendable {
    /// The canonical purchases CSV, UTF-8, with the header ``header``.
    public var csv: [UInt8]
    /// The number of purchase lines (records after the header) in `csv`.
    public var rowCount: Int
    /// The ERP values that no category rule maps, by value: their lines keep the raw value as
    /// their category, so the calculation reports them unmapped until the mapping is completed.
    public var unmapped: [UnmappedERPValue]

    /// The canonical header: the purchases columns of FORMATS.md, then the line's resolved Scope 3
    /// category, its raw ERP value and the physical line where it starts in the original export.
    public static let header = [
        "id", "date", "supplier", "category", "amount", "currency", "product", "quantity", "unit", "customer",
        "scope3_category", "erp_category", "source_line",
    ]

    public init(csv: [UInt8], rowCount: Int, unmapped: [UnmappedERPValue]) {
        self.csv = csv
        self.rowCount = rowCount
        self.unmapped = unmapped
    }

    /// The unmapped-value report as text, one value a line, for a terminal:
    /// `6999  3 lines  NOK 1200.50, EUR 80  (lines 4, 9, 12)`. Empty when every value is mapped.
    public func unmappedReport(maxLinesListed: Int = 10) -> String {
        unmapped.map { u in
            let spend = u.spend.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
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
