import FootprintCore

/// Scans segments of purchases.csv on one thread: decodes each record without allocating,
/// evaluates it with the engine and accumulates it. Each worker keeps its own key tables,
/// so workers never share mutable state.
struct LedgerWorker: @unchecked Sendable {
    struct LocalDiagnostic {
        var line: Int
        var column: String?
        var message: String
    }

    let engine: InventoryEngine
    let columns: PurchaseColumns
    let labels: ProvenanceLabels?

    var suppliers = ByteInterner(capacity: 4096)
    var supplierKey: [Int32] = []
    var categories = ByteInterner(capacity: 1024)
    var categoryKey: [Int32] = []
    var products = ByteInterner(capacity: 1024)
    var productKey: [Int32] = []
    var units = ByteInterner(capacity: 16)
    var unitKey: [Int32] = []
    var customers = ByteInterner(capacity: 1024)
    var currencies = ByteInterner(capacity: 16)
    var currencyCode: [CurrencyCode] = []
    var currencyKey: [Int32] = []
    var accumulator = InventoryAccumulator()

    // Per segment, reset by `scan`.
    let fingerprints = FingerprintPartitions()
    var diagnostics: [LocalDiagnostic] = []
    var errorCount = 0
    var newlines = 0
    var records = 0
    var output: [UInt8] = []
    let diagnosticLimit = 200
    private var scratch: [UInt8] = []

    init(engine: InventoryEngine, columns: PurchaseColumns, labels: ProvenanceLabels?) {
        self.engine = engine
        self.columns = columns
        self.labels = labels
    }

    func summary() -> InventorySummary {
        accumulator.summary(
            categories: categories.strings, suppliers: suppliers.strings, customers: customers.strings,
            currencies: currencyCode)
    }

    /// Added to local line numbers in the per-line output (0 when there is none).
    private var lineOffset = 0

    /// Scans `base[start..<end]`, whose first record starts on local line 1 (global line `lineOffset + 1`).
    mutating func scan(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, lineOffset: Int, quoteFree: Bool) {
        self.lineOffset = lineOffset
        diagnostics.removeAll(keepingCapacity: true)
        output.removeAll(keepingCapacity: true)
        errorCount = 0
        records = 0
        // A local copy handed to `decode` as a parameter: called through `self.engine` from a mutating
        // method, Swift copied the whole engine (464 bytes) onto the stack for every line.
        let engine = self.engine
        var scanner = CSVRecordScanner(base: base, count: end, position: start, firstLine: 1, expectedFields: columns.count)
        scanner.quoteFree = quoteFree
        loop: while true {
            switch scanner.next() {
            case .end: break loop
            case .failure(let message):
                records += 1
                fail(scanner.recordLine, nil, message)
            case .record(let count):
                records += 1
                if count != columns.count {
                    fail(scanner.recordLine, nil, "the record has \(count) field\(count == 1 ? "" : "s"); expected \(columns.count), as in the header")
                    continue
                }
                decode(base, scanner, scanner.recordLine, engine)
            }
        }
        newlines = scanner.line - 1
    }

    private mutating func fail(_ line: Int, _ column: String?, _ message: String) {
        errorCount += 1
        if diagnostics.count < diagnosticLimit { diagnostics.append(LocalDiagnostic(line: line, column: column, message: message)) }
    }

    private static func text(_ base: UnsafePointer<UInt8>, _ span: FieldSpan) -> String {
        String(decoding: UnsafeBufferPointer(start: base + span.start, count: span.end - span.start), as: UTF8.self)
    }

    /// The bytes of a field with doubled quotes undone, for the rare escaped field.
    private static func unescaped(_ base: UnsafePointer<UInt8>, _ span: FieldSpan) -> [UInt8] {
        var bytes: [UInt8] = []
        var i = span.start
        while i < span.end {
            bytes.append(base[i])
            i += base[i] == 34 ? 2 : 1
        }
        return bytes
    }

    /// The slot of a field's text in `table`; `end` is the end of the readable buffer.
    @inline(__always)
    private static func intern(_ table: inout ByteInterner, _ base: UnsafePointer<UInt8>, _ span: FieldSpan, _ end: Int) -> Int {
        if span.escaped {
            return Self.unescaped(base, span).withUnsafeBytes { table.intern($0.baseAddress!, $0.count) }
        }
        return table.intern(base + span.start, span.end - span.start, readable: end - span.start)
    }

    private mutating func decode(_ base: UnsafePointer<UInt8>, _ fields: CSVRecordScanner, _ line: Int, _ engine: InventoryEngine) {
        let c = columns
        var ok = true
        let id = fields.field(c.id)
        if id.isEmpty {
            fail(line, "id", "the field is empty; a value is required")
            ok = false
        } else {
            let fingerprint: UInt64 =
                id.escaped
                ? Self.unescaped(base, id).withUnsafeBytes { byteHash($0.baseAddress!, $0.count) }
                : byteHash(base + id.start, id.end - id.start)
            fingerprints.append(fingerprint)
        }
        let dateSpan = fields.field(c.date)
        let date = FieldParser.date(base, dateSpan.start, dateSpan.end)
        if date == nil {
            ok = false
            if dateSpan.isEmpty { fail(line, "date", "the field is empty; a value is required") }
            else { fail(line, "date", "'\(Self.text(base, dateSpan))' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2024-03-31") }
        }
        let supplierSpan = fields.field(c.supplier)
        var supplierSlot = -1
        if supplierSpan.isEmpty {
            ok = false
            fail(line, "supplier", "the field is empty; a value is required")
        } else {
            supplierSlot = Self.intern(&suppliers, base, supplierSpan, fields.end)
            if supplierSlot == supplierKey.count {
                let name = suppliers.string(at: supplierSlot)
                supplierKey.append(engine.supplierKeys.find(name).map(Int32.init) ?? -1)
            }
        }
        let categorySpan = fields.field(c.category)
        var categorySlot = -1
        if categorySpan.isEmpty {
            ok = false
            fail(line, "category", "the field is empty; a value is required")
        } else {
            categorySlot = Self.intern(&categories, base, categorySpan, fields.end)
            if categorySlot == categoryKey.count {
                categoryKey.append(engine.categoryKeys.find(categories.string(at: categorySlot)).map(Int32.init) ?? -1)
            }
        }
        let amountSpan = fields.field(c.amount)
        let amount = FieldParser.decimal(base, amountSpan.start, amountSpan.end)
        if amount == nil {
            ok = false
            if amountSpan.isEmpty { fail(line, "amount", "the field is empty; a value is required") }
            else {
                fail(line, "amount", "'\(Self.text(base, amountSpan))' is not a number; expected a decimal number with '.' as the decimal point, such as 1234.50 or -99.5")
            }
        }
        let currencySpan = fields.field(c.currency)
        var currencySlot = -1
        if currencySpan.end - currencySpan.start == 3 {
            currencySlot = currencies.intern(base + currencySpan.start, 3, readable: fields.end - currencySpan.start)
            if currencySlot == currencyCode.count {
                if let code = CurrencyCode(base[currencySpan.start], base[currencySpan.start + 1], base[currencySpan.start + 2]) {
                    currencyCode.append(code)
                    currencyKey.append(engine.currencyKey(for: code))
                } else {
                    currencyCode.append(CurrencyCode("XXX")!)
                    currencyKey.append(-2)
                }
            }
            if currencyKey[currencySlot] == -2 { currencySlot = -1 }
        }
        if currencySlot < 0 {
            ok = false
            if currencySpan.isEmpty { fail(line, "currency", "the field is empty; a value is required") }
            else { fail(line, "currency", "'\(Self.text(base, currencySpan))' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK") }
        }
        var productEngineKey: Int32 = -1
        if c.product >= 0 {
            let span = fields.field(c.product)
            if !span.isEmpty {
                let slot = Self.intern(&products, base, span, fields.end)
                if slot == productKey.count {
                    productKey.append(engine.productKeys.find(products.string(at: slot)).map(Int32.init) ?? -1)
                }
                productEngineKey = productKey[slot]
            }
        }
        var quantity = Double.nan
        if c.quantity >= 0 {
            let span = fields.field(c.quantity)
            if !span.isEmpty {
                if let q = FieldParser.decimal(base, span.start, span.end) {
                    quantity = q.value
                } else {
                    ok = false
                    fail(line, "quantity", "'\(Self.text(base, span))' is not a number; expected a decimal number with '.' as the decimal point, such as 12 or 0.5")
                }
            }
        }
        var unitEngineKey: Int32 = -1
        if c.unit >= 0 {
            let span = fields.field(c.unit)
            if !span.isEmpty {
                let slot = Self.intern(&units, base, span, fields.end)
                if slot == unitKey.count { unitKey.append(engine.unitKey(for: units.string(at: slot))) }
                unitEngineKey = unitKey[slot]
            }
        }
        var customerSlot = -1
        if c.customer >= 0 {
            let span = fields.field(c.customer)
            if !span.isEmpty { customerSlot = Self.intern(&customers, base, span, fields.end) }
        }
        guard ok, let amount, let date else { return }
        let ledgerLine = LedgerLine(
            supplier: supplierKey[supplierSlot], category: categoryKey[categorySlot], product: productEngineKey,
            unit: unitEngineKey, currencyKey: currencyKey[currencySlot], currency: currencyCode[currencySlot], year: date / 10000,
            date: date, amount: amount.value, quantity: quantity)
        let result = engine.evaluate(ledgerLine)
        let missingRate = result.method == nil ? engine.missingRateCurrency(result, ledgerLine) : ledgerLine.currency
        accumulator.add(
            result, line: ledgerLine, missingRate: missingRate, category: categorySlot, supplier: supplierSlot, customer: customerSlot,
            currencySlot: currencySlot, amountDigits: amount.digits, amountScale: amount.scale)
        if let labels { writeLine(base, fields, line, ledgerLine, result, labels, categorySlot) }
    }

    /// The header of the per-line output.
    static let linesHeader =
        "line,id,date,supplier,category,amount,currency,product,quantity,unit,customer,method,kgco2e,"
        + "factor_kgco2e_per_unit,factor_unit,source,unit_conversion,fx_line_per_usd,fx_target_per_usd,price_index_ratio,"
        + "activity,unmapped_reason\n"

    private mutating func writeLine(
        _ base: UnsafePointer<UInt8>, _ fields: CSVRecordScanner, _ line: Int, _ l: LedgerLine, _ r: LineResult,
        _ labels: ProvenanceLabels, _ categorySlot: Int
    ) {
        func raw(_ index: Int) {
            guard index >= 0 else { return }
            let span = fields.field(index)
            let needsQuotes = span.escaped || UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
                .contains { $0 == 44 || $0 == 10 || $0 == 13 }
            if needsQuotes { output.append(34) }
            output.append(contentsOf: UnsafeBufferPointer(start: base + span.start, count: span.end - span.start))
            if needsQuotes { output.append(34) }
        }
        func put(_ s: String) {
            if s.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 }) {
                output.append(34)
                for b in s.utf8 {
                    if b == 34 { output.append(34) }
                    output.append(b)
                }
                output.append(34)
            } else {
                output.append(contentsOf: s.utf8)
            }
        }
        func comma() { output.append(44) }
        put(String(line + lineOffset))
        for index in [columns.id, columns.date, columns.supplier, columns.category, columns.amount, columns.currency,
                      columns.product, columns.quantity, columns.unit, columns.customer] {
            comma()
            raw(index)
        }
        comma()
        if let method = r.method {
            put(method.name); comma()
            put("\(r.kg)"); comma()
            switch method {
            case .supplierSpecific:
                let f = engine.footprints[Int(r.sourceIndex)]
                put(f.kgPerUnitText); comma(); put(f.unit.symbol)
            case .hybrid:
                let d = engine.disclosures[Int(r.sourceIndex)]
                put("\(d.kgPerCurrencyUnit)"); comma(); put(d.currency.description)
            case .averageData, .spendBased:
                let f = engine.factors[Int(r.sourceIndex)]
                put(f.kgPerUnitText); comma(); put(f.unitText)
            }
            comma(); put(labels.label(for: r))
            comma(); put(r.unitFactor == 1 ? "" : "\(r.unitFactor)")
            let usesMoney = method == .hybrid || method == .spendBased
            comma(); put(usesMoney ? "\(r.fromRate)" : "")
            comma(); put(usesMoney ? "\(r.toRate)" : "")
            comma(); put(method == .spendBased ? "\(r.priceFactor)" : "")
            comma(); put("\(r.activity)")
            comma()
        } else {
            put(CalculationMethod.unmappedName); comma(); put("0")
            for _ in 0..<8 { comma() }
            let reason: UnmappedReason
            switch r.failure {
            case .noExchangeRate(let key):
                reason = .noExchangeRate(currency: key >= 0 ? engine.currencies[Int(key)] : l.currency, year: Int(l.year))
            case .noPriceIndex(let year): reason = .noPriceIndex(year: Int(year))
            case .noFactor, .none: reason = .noFactor(category: categories.string(at: categorySlot))
            }
            comma(); put(reason.explanation)
        }
        output.append(10)
    }
}
