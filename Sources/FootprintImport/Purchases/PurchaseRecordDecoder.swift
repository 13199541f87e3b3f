public import FootprintCore

/// The fields of one record as byte spans of a buffer, with the physical line the record starts on:
/// what `PurchaseRecordDecoder` reads. A CSV record in a file's buffer is one; a converted ERP
/// row (`ConvertedLedger`) is another.
public protocol PurchaseRecordFields {
    /// Field `i` of the record: a span of the buffer the decoder is given.
    func field(_ i: Int) -> FieldSpan
    /// The physical line on which the record starts.
    var recordLine: Int { get }
    /// The end of the readable buffer (short texts are then read with one load).
    var bufferEnd: Int { get }
}

extension CSVRecordScanner: PurchaseRecordFields {
    public var bufferEnd: Int { end }
}

/// The one decoder of purchase lines: validates every field of a record of the canonical purchases
/// format (FORMATS.md, and the three columns an ERP conversion adds), interns its repeated texts, and
/// gives the caller a `PurchaseRecord`; every problem is collected, as `file:line: column 'name':
/// what was wrong; what was expected`. The stateless calculation (`LedgerScanner`), the workspace
/// import (`PurchaseFileDecoder`) and ERP exports (`ConvertedLedger`) all read lines through it,
/// so a line means the same on every path.
public struct PurchaseRecordDecoder {
    /// A problem with a record: its line, the column (nil for the whole record), and the message.
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: String?
        public var message: String
    }

    public let columns: PurchaseColumns
    /// Every text that repeats (supplier, category, currency, product, unit, customer, ERP category),
    /// by term number of its field.
    public private(set) var terms: PurchaseTerms
    /// The first `problemLimit` problems since the last `resetProblems`.
    public private(set) var problems: [Problem] = []
    /// Every problem since the last `resetProblems`, counted.
    public private(set) var errorCount = 0
    /// Records seen (valid or not).
    public private(set) var records = 0
    /// The hash of the last record's id when it had one, valid or not (nil after a record that could
    /// not be split or had no id): so that a duplicate id is reported even beside other problems.
    public private(set) var lastIDHash: UInt64?
    public let problemLimit: Int
    /// Buffers for fields with doubled quotes, which must be undone before use (one per field kind,
    /// so that the views of one record stay valid together).
    private var scratch: [[UInt8]] = Array(repeating: [], count: 11)

    public init(columns: PurchaseColumns, problemLimit: Int = 1000, termCapacity: Int = 8192) {
        self.columns = columns
        self.problemLimit = problemLimit
        terms = PurchaseTerms(capacity: termCapacity)
    }

    /// Lends the terms to `body` (which may intern texts of its own, as the workspace does).
    public mutating func withTerms<R>(_ body: (inout PurchaseTerms) -> R) -> R { body(&terms) }

    public mutating func resetProblems() {
        problems.removeAll(keepingCapacity: true)
        errorCount = 0
    }

    /// Records a problem with the record on `line`.
    public mutating func fail(_ line: Int, _ column: String?, _ message: String) {
        errorCount += 1
        if problems.count < problemLimit { problems.append(Problem(line: line, column: column, message: message)) }
    }

    /// Reads the next record of `scanner` (over `base`): `.record` with a valid line, `.invalid` after
    /// recording its problems, `.end` at the end of the buffer.
    public enum Next {
        /// A valid line, in `record`.
        case record
        case invalid
        case end
    }

    /// The last valid record (`next` answered `.record`, or `decodeRecord` true). Kept in the decoder
    /// rather than returned, so that the hot loop does not copy it.
    public private(set) var record = PurchaseRecord(
        line: 0,
        sourceLine: 0,
        id: UnsafeRawBufferPointer(start: nil, count: 0),
        idHash: 0,
        date: 0,
        supplier: -1,
        category: -1,
        currency: -1,
        currencyCode: .unknown,
        product: -1,
        unit: -1,
        customer: -1,
        erpCategory: -1,
        amountText: UnsafeRawBufferPointer(start: nil, count: 0),
        amount: ParsedDecimal(digits: 0, scale: 0, value: 0),
        quantityText: UnsafeRawBufferPointer(start: nil, count: 0),
        quantity: nil,
        invoice: UnsafeRawBufferPointer(start: nil, count: 0),
        scope3: 0
    )

    @inline(__always)
    public mutating func next(_ scanner: inout CSVRecordScanner, _ base: UnsafePointer<UInt8>) -> Next {
        lastIDHash = nil
        switch scanner.next() {
        case .end: return .end
        case .failure(let message):
            records += 1
            fail(scanner.recordLine, nil, message)
            return .invalid
        case .record(let count):
            guard count == columns.count else {
                records += 1
                fail(scanner.recordLine, nil, "the record has \(count) field\(count == 1 ? "" : "s"); expected \(columns.count), as in the header")
                return .invalid
            }
            return decodeRecord(base, scanner) ? .record : .invalid
        }
    }

    /// The span of a required field, or nil after recording that it is empty.
    @inline(__always)
    private mutating func required(_ span: FieldSpan, _ name: String, _ line: Int, _ ok: inout Bool) -> FieldSpan? {
        guard span.isEmpty else { return span }
        fail(line, name, "the field is empty; a value is required")
        ok = false
        return nil
    }

    /// The column indexes alone (no names), copied once per record without reference counting.
    private struct Columns {
        let id: Int, date: Int, supplier: Int, category: Int, amount: Int, currency: Int
        let product: Int, quantity: Int, unit: Int, customer: Int, scope3: Int, erpCategory: Int, sourceLine: Int, invoice: Int
        @inline(__always)
        init(_ c: PurchaseColumns) {
            (id, date, supplier, category, amount, currency) = (c.id, c.date, c.supplier, c.category, c.amount, c.currency)
            (product, quantity, unit, customer) = (c.product, c.quantity, c.unit, c.customer)
            (scope3, erpCategory, sourceLine, invoice) = (c.scope3, c.erpCategory, c.sourceLine, c.invoice)
        }
    }

    private static func text(_ base: UnsafePointer<UInt8>, _ span: FieldSpan) -> String {
        String(decoding: UnsafeBufferPointer(start: base + span.start, count: span.end - span.start), as: UTF8.self)
    }

    /// The bytes of a field, with doubled quotes undone into scratch buffer `k` when needed; valid
    /// until that buffer is next used.
    @inline(__always)
    private mutating func bytes(_ base: UnsafePointer<UInt8>, _ span: FieldSpan, _ k: Int) -> UnsafeRawBufferPointer {
        guard span.escaped else { return UnsafeRawBufferPointer(start: base + span.start, count: span.end - span.start) }
        scratch[k].removeAll(keepingCapacity: true)
        var i = span.start
        while i < span.end {
            scratch[k].append(base[i])
            i += base[i] == 34 ? 2 : 1
        }
        return scratch[k].withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
    }

    /// The term of a field's text in the table of `field`, or -1 when it is empty.
    @inline(__always)
    private mutating func term(_ field: PurchaseTerms.Field, _ base: UnsafePointer<UInt8>, _ span: FieldSpan, _ k: Int, _ end: Int) -> Int32 {
        guard !span.isEmpty else { return -1 }
        if !span.escaped { return terms.intern(field, base + span.start, span.end - span.start, readable: end - span.start) }
        let b = bytes(base, span, k)
        return terms.intern(field, b.baseAddress!, b.count, readable: b.count)
    }

    /// Decodes one record into `record`: true, or false after recording every problem it has.
    @inline(__always)
    public mutating func decodeRecord(_ base: UnsafePointer<UInt8>, _ fields: some PurchaseRecordFields) -> Bool {
        records += 1
        let c = Columns(columns)
        let line = fields.recordLine
        let end = fields.bufferEnd
        var ok = true
        // A method, not a local function: a local function that captured `self` and `ok` cost a
        // context per record on the stateless path's hot loop.
        var id = UnsafeRawBufferPointer(start: nil, count: 0)
        var idHash: UInt64 = 0
        lastIDHash = nil
        if let span = required(fields.field(c.id), "id", line, &ok) {
            id = bytes(base, span, 0)
            idHash = byteHash(id.baseAddress!, id.count)
            lastIDHash = idHash
        }
        var date: Int32 = 0
        if let span = required(fields.field(c.date), "date", line, &ok) {
            if let d = FieldParser.date(base, span.start, span.end) {
                date = d
            } else {
                ok = false
                fail(line, "date", "'\(Self.text(base, span))' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31")
            }
        }
        var supplier: Int32 = -1
        var category: Int32 = -1
        var currency: Int32 = -1
        if let span = required(fields.field(c.supplier), "supplier", line, &ok) { supplier = term(.supplier, base, span, 1, end) }
        if let span = required(fields.field(c.category), "category", line, &ok) { category = term(.category, base, span, 2, end) }
        var amountText = UnsafeRawBufferPointer(start: nil, count: 0)
        var amount: ParsedDecimal?
        if let span = required(fields.field(c.amount), "amount", line, &ok) {
            amount = FieldParser.decimal(base, span.start, span.end)
            if amount == nil {
                ok = false
                fail(
                    line,
                    "amount",
                    "'\(Self.text(base, span))' is not a number; expected a decimal number with '.' as the decimal point, such as 1234.50 or -99.5"
                )
            } else {
                amountText = bytes(base, span, 3)
            }
        }
        var code = CurrencyCode.unknown
        if let span = required(fields.field(c.currency), "currency", line, &ok) {
            if span.end - span.start == 3, let parsed = CurrencyCode(base[span.start], base[span.start + 1], base[span.start + 2]) {
                code = parsed
                currency = terms.currencyTerm(parsed, base + span.start)
            } else {
                ok = false
                fail(line, "currency", "'\(Self.text(base, span))' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK")
            }
        }
        let product = c.product >= 0 ? term(.product, base, fields.field(c.product), 5, end) : -1
        var quantityText = UnsafeRawBufferPointer(start: nil, count: 0)
        var quantity: ParsedDecimal?
        if c.quantity >= 0 {
            let span = fields.field(c.quantity)
            if !span.isEmpty {
                quantity = FieldParser.decimal(base, span.start, span.end)
                if quantity == nil {
                    ok = false
                    fail(
                        line,
                        "quantity",
                        "'\(Self.text(base, span))' is not a number; expected a decimal number with '.' as the decimal point, such as 12 or 0.5"
                    )
                } else {
                    quantityText = bytes(base, span, 6)
                    if let amount, let q = quantity, amount.value != 0, q.value != 0, (amount.value < 0) != (q.value < 0) {
                        ok = false
                        fail(
                            line,
                            "quantity",
                            "\(Self.text(base, span)) has the opposite sign of the amount \(String(decoding: amountText, as: UTF8.self)); expected both negative for a credit note that returns goods, both positive for an invoice, and no quantity for a price-only rebate"
                        )
                    }
                }
            }
        }
        let unit = c.unit >= 0 ? term(.unit, base, fields.field(c.unit), 7, end) : -1
        let customer = c.customer >= 0 ? term(.customer, base, fields.field(c.customer), 8, end) : -1
        let erpCategory = c.erpCategory >= 0 ? term(.erpCategory, base, fields.field(c.erpCategory), 9, end) : -1
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
        var invoice = UnsafeRawBufferPointer(start: nil, count: 0)
        if c.invoice >= 0 {
            let span = fields.field(c.invoice)
            if !span.isEmpty {
                invoice = bytes(base, span, 10)
                if let amount, !(amount.value < 0) {
                    ok = false
                    fail(
                        line,
                        "invoice",
                        "'\(Self.text(base, span))' names an invoice, but the amount \(String(decoding: amountText, as: UTF8.self)) is not negative; expected the id of the invoice only on a credit note (a negative amount), and an empty field on an invoice"
                    )
                } else if invoice.elementsEqual(id) {
                    ok = false
                    fail(
                        line,
                        "invoice",
                        "'\(Self.text(base, span))' is the line's own id; expected the id of the invoice line the credit note corrects"
                    )
                }
            }
        }
        guard ok, let amount else { return false }
        record = PurchaseRecord(
            line: line,
            sourceLine: sourceLine,
            id: id,
            idHash: idHash,
            date: date,
            supplier: supplier,
            category: category,
            currency: currency,
            currencyCode: code,
            product: product,
            unit: unit,
            customer: customer,
            erpCategory: erpCategory,
            amountText: amountText,
            amount: amount,
            quantityText: quantityText,
            quantity: quantity,
            invoice: invoice,
            scope3: scope3
        )
        return true
    }
}
