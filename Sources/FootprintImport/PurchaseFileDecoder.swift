public import FootprintCore

/// Reads a canonical purchases file (FORMATS.md) record by record for the workspace: validates
/// every field, hands each valid record to a visitor, and collects every problem of the whole file.
///
/// Besides the canonical columns it reads the optional `scope3_category` (1...15), `erp_category`
/// (the GL account or product group an ERP export gave) and `source_line` (the line in the original
/// export) that `ERPExportConverter` writes.
public struct PurchaseFileDecoder {
    /// Every text that repeats, by term number.
    public private(set) var terms = ByteInterner(capacity: 8192)
    public private(set) var records = 0
    private var termCurrency: [CurrencyCode?] = []
    private var diagnostics: [Diagnostic] = []
    private var errorCount = 0
    private let diagnosticLimit = 1000
    private let file: String

    public init(displayName: String) {
        file = displayName
    }

    /// Decodes the file at `path`, calling `visit` for each valid record in file order. Throws, after
    /// reading the whole file, an `InputError` with every problem found (the visitor has then seen the
    /// valid records only: the caller must discard what it did with them).
    /// `onBlock` sees every byte of the file once, in order (to hash it while reading).
    public mutating func decode(
        path: String, onBlock: (UnsafeRawBufferPointer) -> Void = { _ in }, visit: (PurchaseRecord, inout ByteInterner) -> Void
    ) throws(InputError) {
        let reader = try RecordBlockReader(path: path, displayName: file, blockBytes: 8 << 20)
        guard let first = try reader.next(splitInto: 1) else {
            throw InputError(file: file, line: 1, message: "the file is empty; expected a header line with the columns \(PurchaseColumns.required.joined(separator: ", "))")
        }
        var block = first
        var headerScanner = CSVRecordScanner(base: block.base, count: block.end)
        var columns: Columns
        var position = 0
        var line = 1
        switch headerScanner.next() {
        case .record:
            var header = headerScanner.fields.map { headerScanner.string($0) }
            if let firstName = header.first, firstName.hasPrefix("\u{FEFF}") { header[0] = String(firstName.dropFirst()) }
            columns = try Columns(header: header, file: file)
            position = headerScanner.position
            line = headerScanner.line
        case .end:
            throw InputError(file: file, line: 1, message: "the file is empty; expected a header line")
        case .failure(let message):
            throw InputError(file: file, line: 1, message: message)
        }
        var scratch = Scratch()
        while true {
            onBlock(UnsafeRawBufferPointer(start: block.base, count: block.end))
            var scanner = CSVRecordScanner(base: block.base, count: block.end, position: position, firstLine: line, expectedFields: columns.count)
            loop: while true {
                switch scanner.next() {
                case .end: break loop
                case .failure(let message):
                    records += 1
                    fail(scanner.recordLine, nil, message)
                case .record(let count):
                    records += 1
                    guard count == columns.count else {
                        fail(scanner.recordLine, nil, "the record has \(count) field\(count == 1 ? "" : "s"); expected \(columns.count), as in the header")
                        continue
                    }
                    decodeRecord(block.base, scanner, columns, &scratch, visit)
                }
            }
            line = scanner.line
            guard let next = try reader.next(splitInto: 1) else { break }
            block = next
            position = 0
        }
        if errorCount > 0 { throw InputError(diagnostics, omitted: errorCount - diagnostics.count) }
    }

    private mutating func fail(_ line: Int, _ column: String?, _ message: String) {
        errorCount += 1
        if diagnostics.count < diagnosticLimit { diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message)) }
    }

    /// Buffers for fields with doubled quotes, which must be undone before use.
    private struct Scratch {
        var buffers: [[UInt8]] = Array(repeating: [], count: 16)
    }

    private static func text(_ base: UnsafePointer<UInt8>, _ span: FieldSpan) -> String {
        String(decoding: UnsafeBufferPointer(start: base + span.start, count: span.end - span.start), as: UTF8.self)
    }

    /// The bytes of a field, with doubled quotes undone into `scratch` when needed.
    private static func bytes(_ base: UnsafePointer<UInt8>, _ span: FieldSpan, _ scratch: inout [UInt8]) -> UnsafeRawBufferPointer {
        guard span.escaped else { return UnsafeRawBufferPointer(start: base + span.start, count: span.end - span.start) }
        scratch.removeAll(keepingCapacity: true)
        var i = span.start
        while i < span.end {
            scratch.append(base[i])
            i += base[i] == 34 ? 2 : 1
        }
        // The scratch buffer outlives the visit: the pointer stays valid until the buffer is next reused.
        return scratch.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
    }

    private mutating func term(_ base: UnsafePointer<UInt8>, _ span: FieldSpan, _ scratch: inout [UInt8]) -> Int32 {
        guard !span.isEmpty else { return -1 }
        let b = Self.bytes(base, span, &scratch)
        return Int32(terms.intern(b.baseAddress!, b.count))
    }

    private mutating func decodeRecord(
        _ base: UnsafePointer<UInt8>, _ fields: CSVRecordScanner, _ c: Columns, _ scratch: inout Scratch,
        _ visit: (PurchaseRecord, inout ByteInterner) -> Void
    ) {
        let line = fields.recordLine
        var ok = true
        func required(_ index: Int, _ name: String) -> FieldSpan? {
            let span = fields.field(index)
            if span.isEmpty {
                fail(line, name, "the field is empty; a value is required")
                ok = false
                return nil
            }
            return span
        }
        var id = UnsafeRawBufferPointer(start: nil, count: 0)
        var idHash: UInt64 = 0
        if let span = required(c.id, "id") {
            id = Self.bytes(base, span, &scratch.buffers[0])
            idHash = byteHash(id.baseAddress!, id.count)
        }
        var date: Int32 = 0
        if let span = required(c.date, "date") {
            if let d = FieldParser.date(base, span.start, span.end) {
                date = d
            } else {
                ok = false
                fail(line, "date", "'\(Self.text(base, span))' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31")
            }
        }
        var supplier: Int32 = -1, category: Int32 = -1, currency: Int32 = -1
        if let span = required(c.supplier, "supplier") { supplier = term(base, span, &scratch.buffers[1]) }
        if let span = required(c.category, "category") { category = term(base, span, &scratch.buffers[2]) }
        var amountText = UnsafeRawBufferPointer(start: nil, count: 0)
        var amount: ParsedDecimal?
        if let span = required(c.amount, "amount") {
            amount = FieldParser.decimal(base, span.start, span.end)
            if amount == nil {
                ok = false
                fail(line, "amount", "'\(Self.text(base, span))' is not a number; expected a decimal number with '.' as the decimal point, such as 1234.50 or -99.5")
            } else {
                amountText = Self.bytes(base, span, &scratch.buffers[3])
            }
        }
        var code = CurrencyCode("XXX")!
        if let span = required(c.currency, "currency") {
            if span.end - span.start == 3, let parsed = CurrencyCode(base[span.start], base[span.start + 1], base[span.start + 2]) {
                code = parsed
                currency = term(base, span, &scratch.buffers[4])
            } else {
                ok = false
                fail(line, "currency", "'\(Self.text(base, span))' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK")
            }
        }
        let product = c.product >= 0 ? term(base, fields.field(c.product), &scratch.buffers[5]) : -1
        var quantityText = UnsafeRawBufferPointer(start: nil, count: 0)
        var quantity: ParsedDecimal?
        if c.quantity >= 0 {
            let span = fields.field(c.quantity)
            if !span.isEmpty {
                quantity = FieldParser.decimal(base, span.start, span.end)
                if quantity == nil {
                    ok = false
                    fail(line, "quantity", "'\(Self.text(base, span))' is not a number; expected a decimal number with '.' as the decimal point, such as 12 or 0.5")
                } else {
                    quantityText = Self.bytes(base, span, &scratch.buffers[6])
                }
            }
        }
        let unit = c.unit >= 0 ? term(base, fields.field(c.unit), &scratch.buffers[7]) : -1
        let customer = c.customer >= 0 ? term(base, fields.field(c.customer), &scratch.buffers[8]) : -1
        let erpCategory = c.erpCategory >= 0 ? term(base, fields.field(c.erpCategory), &scratch.buffers[9]) : -1
        var scope3: UInt8 = 0
        if c.scope3 >= 0 {
            let span = fields.field(c.scope3)
            if !span.isEmpty {
                if let category = Scope3Category(parsing: Self.text(base, span)) {
                    scope3 = UInt8(category.rawValue)
                } else {
                    ok = false
                    fail(line, "scope3_category", "'\(Self.text(base, span))' is not a Scope 3 category; expected a number from 1 to 15")
                }
            }
        }
        var sourceLine = line
        if c.sourceLine >= 0 {
            let span = fields.field(c.sourceLine)
            if !span.isEmpty {
                if let n = Int(Self.text(base, span)), n > 0 {
                    sourceLine = n
                } else {
                    ok = false
                    fail(line, "source_line", "'\(Self.text(base, span))' is not a line number; expected a positive whole number")
                }
            }
        }
        guard ok, let amount else { return }
        let record = PurchaseRecord(
            line: line, sourceLine: sourceLine, id: id, idHash: idHash, date: date, supplier: supplier, category: category,
            currency: currency, currencyCode: code, product: product, unit: unit, customer: customer, erpCategory: erpCategory,
            amountText: amountText, amount: amount, quantityText: quantityText, quantity: quantity, scope3: scope3)
        visit(record, &terms)
    }

    /// Where the columns are, found by header name.
    struct Columns {
        var id = 0, date = 0, supplier = 0, category = 0, amount = 0, currency = 0
        var product = -1, quantity = -1, unit = -1, customer = -1, scope3 = -1, erpCategory = -1, sourceLine = -1
        var count = 0

        init(header: [String], file: String) throws(InputError) {
            let base = try PurchaseColumns(header: header, file: file)
            id = base.id
            date = base.date
            supplier = base.supplier
            category = base.category
            amount = base.amount
            currency = base.currency
            product = base.product
            quantity = base.quantity
            unit = base.unit
            customer = base.customer
            count = base.count
            func index(_ name: String) -> Int { header.firstIndex { $0.trimmingSpaces().lowercased() == name } ?? -1 }
            scope3 = index("scope3_category")
            erpCategory = index("erp_category")
            sourceLine = index("source_line")
        }
    }
}
