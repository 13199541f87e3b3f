/// Where the columns of a purchases file are, found by header name: the six required columns of
/// FORMATS.md, its four optional ones, and the three an ERP conversion adds (`scope3_category`,
/// `erp_category`, `source_line`), and `invoice` (the invoice a credit note corrects); -1 for an absent
/// optional column.
public struct PurchaseColumns: Sendable {
    static let required = ["id", "date", "supplier", "category", "amount", "currency"]
    static let optional = ["product", "quantity", "unit", "customer"]

    var id = 0, date = 0, supplier = 0, category = 0, amount = 0, currency = 0
    var product = -1, quantity = -1, unit = -1, customer = -1
    var scope3 = -1, erpCategory = -1, sourceLine = -1
    /// The id of the invoice a credit note corrects (docs/methods.md#credit-notes).
    public internal(set) var invoice = -1
    /// The number of columns of the header.
    public internal(set) var count = 0

    init(header: [String], file: String) throws(InputError) {
        try CSVHeader.checkUnique(header, file: file) { $0.trimmingSpaces().lowercased() }
        func index(_ name: String) -> Int? {
            header.firstIndex { $0.trimmingSpaces().lowercased() == name }
        }
        try CSVHeader.checkRequired(missing: Self.required.filter { index($0) == nil }, header: header, file: file)
        id = index("id")!
        date = index("date")!
        supplier = index("supplier")!
        category = index("category")!
        amount = index("amount")!
        currency = index("currency")!
        product = index("product") ?? -1
        quantity = index("quantity") ?? -1
        unit = index("unit") ?? -1
        customer = index("customer") ?? -1
        scope3 = index("scope3_category") ?? -1
        erpCategory = index("erp_category") ?? -1
        sourceLine = index("source_line") ?? -1
        invoice = index("invoice") ?? -1
        count = header.count
    }

    /// What an empty purchases file is told.
    static let emptyFile = "the file is empty; expected a header row"

    /// Reads the header record at the start of `base[0..<count]` (after a UTF-8 byte order mark):
    /// the columns, and the offset and line where the first purchase record starts.
    static func read(
        header base: UnsafePointer<UInt8>,
        count: Int,
        file: String
    ) throws(InputError)
        -> (columns: PurchaseColumns, position: Int, line: Int)
    {
        let bom = count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
        var scanner = CSVRecordScanner(base: base, count: count, position: bom)
        switch scanner.next() {
        case .record:
            let header = scanner.fields.map { scanner.string($0) }
            return (try PurchaseColumns(header: header, file: file), scanner.position, scanner.line)
        case .end:
            throw InputError(file: file, line: 1, message: emptyFile)
        case .failure(let message):
            throw InputError(file: file, line: 1, message: "cannot read the header row: \(message)")
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
