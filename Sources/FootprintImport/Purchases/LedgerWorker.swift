import FootprintCore

/// Scans segments of purchases.csv on one thread: decodes each record with `PurchaseRecordDecoder`,
/// puts it through the boundary (a line dated outside the period, then a line of an excluded category,
/// is counted and not evaluated), evaluates it with the engine and accumulates it. Each worker keeps
/// its own decoder and key tables, so workers never share mutable state.
struct LedgerWorker: @unchecked Sendable {
    let engine: InventoryEngine
    let columns: PurchaseColumns
    let labels: ProvenanceLabels?
    let boundary: InventoryBoundary
    /// The invoices the ledger's credit notes name (column `invoice`); nil when none names one.
    let invoices: InvoiceIndex?
    /// The period's first and last day (YYYYMMDD); every date when there is no period.
    private let firstDate: Int32
    private let lastDate: Int32
    /// The first and last date of the lines outside the period (for the message of a period without lines).
    private(set) var outsideFirst = Int32.max
    private(set) var outsideLast = Int32.min

    private var decoder: PurchaseRecordDecoder
    /// What each term of the decoder means to the engine: per supplier, product and unit term its key,
    /// per category term its key and treatment, per currency term its code and key. Terms are dense
    /// per field (0, 1, 2, ...), so each array is filled in term order up to the highest term seen
    /// (`resolve(_:through:)`) and a lookup is one compare and one load. A currency's term is also its
    /// slot in the accumulator's spend.
    private var supplierKey: [Int32] = []
    private var productKey: [Int32] = []
    private var unitKey: [Int32] = []
    private var categoryTerms: [CategoryTerm] = []
    private var currencyCode: [CurrencyCode] = []
    private var currencyKey: [CurrencyKey] = []

    /// A category term's engine key and its treatment by the boundary: the Scope 3 category (1...15) in
    /// the low byte of `treatment`, the exclusion slot + 1 above it (0: included).
    private struct CategoryTerm {
        var key: Int32
        var treatment: Int32
    }

    /// The treatment of each category term whose lines are placed by a capitalisation threshold (its
    /// low byte in its `CategoryTerm.treatment` is 0), and per unit term whether it counts items (1) or not (0).
    private var thresholdTreatment: [Int32: InventoryBoundary.Treatment] = [:]
    private var unitCountsItems: [Int8] = []
    /// The exclusion reasons by slot.
    private var exclusionReasons: [String] = []
    var accumulator = InventoryAccumulator()

    // Per segment, reset by `scan`.
    let fingerprints = FingerprintPartitions()
    var newlines = 0
    var output: [UInt8] = []

    init(engine: InventoryEngine, columns: PurchaseColumns, labels: ProvenanceLabels?, boundary: InventoryBoundary, invoices: InvoiceIndex? = nil) {
        self.engine = engine
        self.columns = columns
        self.labels = labels
        self.boundary = boundary
        self.invoices = invoices
        (firstDate, lastDate) = boundary.dateBounds
        decoder = PurchaseRecordDecoder(columns: columns, problemLimit: 200, termCapacity: 64)
    }

    /// The problems of the last segment, with lines counted from its first record (line 1).
    var diagnostics: [PurchaseRecordDecoder.Problem] { decoder.problems }
    var errorCount: Int { decoder.errorCount }

    func summary() -> InventorySummary {
        // The accumulator's category, supplier and customer slots are the decoder's term numbers of
        // those fields (dense per field).
        accumulator.summary(
            categories: decoder.terms.category.strings,
            suppliers: decoder.terms.supplier.strings,
            customers: decoder.terms.customer.strings,
            currencies: currencyCode,
            exclusions: exclusionReasons,
            period: boundary.period
        )
    }

    /// Added to local line numbers in the per-line output (0 when there is none).
    private var lineOffset = 0

    /// Scans `base[start..<end]`, whose first record starts on local line 1 (global line `lineOffset + 1`).
    mutating func scan(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, lineOffset: Int, quoteFree: Bool) {
        self.lineOffset = lineOffset
        decoder.resetProblems()
        output.removeAll(keepingCapacity: true)
        // A local copy handed to `evaluate` as a parameter: called through `self.engine` from a mutating
        // method, Swift copied the whole engine (464 bytes) onto the stack for every line.
        let engine = self.engine
        var scanner = CSVRecordScanner(base: base, count: end, position: start, firstLine: 1, expectedFields: columns.count)
        scanner.quoteFree = quoteFree
        loop: while true {
            switch decoder.next(&scanner, base) {
            case .end: break loop
            case .invalid:
                // Duplicate ids are reported also for lines with other problems.
                if let hash = decoder.lastIDHash { fingerprints.append(hash) }
            case .record: evaluate(base, scanner, engine)
            }
        }
        newlines = scanner.line - 1
        fingerprints.distributeStaged()
    }

    /// The term's entry of `table`, a term's array of the fields above; `resolve` fills the array up to it first.
    @inline(__always)
    private static func entry<T>(_ table: [T], _ term: Int) -> T { table.withUnsafeBufferPointer { $0[term] } }

    private enum TermField {
        case supplier, category, product, unit, currency
    }

    /// Resolves the terms of `field` from the first unresolved one through `term`, in term order.
    @inline(never)
    private mutating func resolve(_ field: TermField, through term: Int) {
        let terms = decoder.terms
        switch field {
        case .supplier:
            for i in supplierKey.count...term { supplierKey.append(engine.supplierKey(terms.supplier.string(at: i)).index) }
        case .product:
            for i in productKey.count...term { productKey.append(engine.productKey(terms.product.string(at: i)).index) }
        case .unit:
            for i in unitKey.count...term { unitKey.append(engine.unitKey(for: terms.unit.string(at: i)).index) }
        case .currency:
            for i in currencyKey.count...term {
                let code = CurrencyCode(terms.currency.string(at: i)) ?? .unknown
                currencyCode.append(code)
                currencyKey.append(engine.currencyKey(for: code))
            }
        case .category:
            for i in categoryTerms.count...term {
                let text = terms.category.string(at: i)
                let t = boundary.treatment(of: text)
                var exclusionSlot = -1
                if let reason = t.exclusion {
                    exclusionSlot = exclusionReasons.firstIndex(of: reason) ?? exclusionReasons.count
                    if exclusionSlot == exclusionReasons.count { exclusionReasons.append(reason) }
                }
                if t.capitalisation != nil { thresholdTreatment[Int32(i)] = t }
                categoryTerms.append(
                    CategoryTerm(
                        key: engine.categoryKey(boundary.factorCategory(of: text)).index,
                        treatment: Int32(exclusionSlot + 1) << 8 | Int32(t.fixedScope3)
                    )
                )
            }
        }
    }

    /// The Scope 3 category of a line of category `term` whose treatment depends on the line (a
    /// capitalisation threshold): `InventoryBoundary.Treatment.scope3(flag:line:countsItems:engine:)`.
    @inline(never)
    private mutating func placeByThreshold(_ term: Int32, _ line: LedgerLine, _ engine: InventoryEngine) -> Int {
        guard let treatment = thresholdTreatment[term] else { return 1 }
        var countsItems = false
        let unit = Int(decoder.record.unit)
        if unit >= 0 {
            if unit >= unitCountsItems.count { unitCountsItems += Array(repeating: -1, count: unit + 16 - unitCountsItems.count) }
            if unitCountsItems[unit] < 0 {
                unitCountsItems[unit] = UnitCatalog.countsItems(decoder.terms.unit.string(at: unit)) ? 1 : 0
            }
            countsItems = unitCountsItems[unit] == 1
        }
        return treatment.scope3(flag: 0, line: line, countsItems: countsItems, engine: engine)
    }

    private mutating func evaluate(_ base: UnsafePointer<UInt8>, _ fields: CSVRecordScanner, _ engine: InventoryEngine) {
        fingerprints.append(decoder.record.idHash)
        let slot = Int(decoder.record.currency)
        if slot >= currencyKey.count { resolve(.currency, through: slot) }
        // The boundary, in its order: the period (two compares), then the category's exclusion.
        let date = decoder.record.date
        guard date >= firstDate && date <= lastDate else { return leaveOut(base, fields, slot, exclusion: -1) }
        let categoryTerm = Int(decoder.record.category)
        if categoryTerm >= categoryTerms.count { resolve(.category, through: categoryTerm) }
        let category = Self.entry(categoryTerms, categoryTerm)
        let treatment = category.treatment
        let exclusion = Int(treatment >> 8) - 1
        if exclusion >= 0 { return leaveOut(base, fields, slot, exclusion: exclusion) }
        let supplierTerm = Int(decoder.record.supplier)
        if supplierTerm >= supplierKey.count { resolve(.supplier, through: supplierTerm) }
        var product = ProductKey.none
        if case let term = Int(decoder.record.product), term >= 0 {
            if term >= productKey.count { resolve(.product, through: term) }
            product = ProductKey(Self.entry(productKey, term))
        }
        var unit = UnitKey.none
        if case let term = Int(decoder.record.unit), term >= 0 {
            if term >= unitKey.count { resolve(.unit, through: term) }
            unit = UnitKey(Self.entry(unitKey, term))
        }
        let ledgerLine = LedgerLine(
            supplier: SupplierKey(Self.entry(supplierKey, supplierTerm)),
            category: CategoryKey(category.key),
            product: product,
            unit: unit,
            currencyKey: Self.entry(currencyKey, slot),
            currency: decoder.record.currencyCode,
            year: decoder.record.year,
            date: decoder.record.date,
            amount: decoder.record.amount.value,
            quantity: decoder.record.quantity?.value ?? .nan
        )
        // Treatment.scope3(flag:line:countsItems:engine:), its fast form first: the line's own flag, the
        // category's fixed Scope 3 category, and only for a category with a threshold the line's cost.
        let ownScope3 = Int(decoder.record.scope3)
        let fixedScope3 = Int(treatment & 0xFF)
        let scope3 =
            ownScope3 > 0 ? ownScope3 : fixedScope3 > 0 ? fixedScope3 : placeByThreshold(decoder.record.category, ledgerLine, engine)
        // Two calls rather than one result chosen between them: the choice copied each line's result
        // out of the slot the engine wrote it in.
        if decoder.record.invoice.isEmpty {
            finish(base, fields, engine.evaluate(ledgerLine), ledgerLine, scope3, slot, engine)
        } else {
            finish(base, fields, evaluateCreditNote(ledgerLine, engine), ledgerLine, scope3, slot, engine)
        }
    }

    /// Accumulates a line's result, and writes its row of the per-line output.
    @inline(__always)
    private mutating func finish(
        _ base: UnsafePointer<UInt8>,
        _ fields: CSVRecordScanner,
        _ result: borrowing LineResult,
        _ ledgerLine: LedgerLine,
        _ scope3: Int,
        _ slot: Int,
        _ engine: InventoryEngine
    ) {
        accumulator.add(
            result,
            line: ledgerLine,
            category: Int(decoder.record.category),
            supplier: Int(decoder.record.supplier),
            customer: Int(decoder.record.customer),
            scope3: scope3,
            currencySlot: slot,
            amountDigits: decoder.record.amount.digits,
            amountScale: decoder.record.amount.scale
        )
        if let labels {
            let terms = decoder.terms
            let record = decoder.record
            let provenance = LineProvenance(
                result,
                engine: engine,
                labels: labels,
                category: terms.category.string(at: Int(record.category)),
                supplier: terms.supplier.string(at: Int(record.supplier))
            )
            writeLine(base, fields, provenance, scope3: scope3)
        }
    }

    /// A credit note that names its invoice: computed as the invoice was, or on its own with a note
    /// when the ledger does not have it (`InventoryEngine.evaluate(_:correcting:)`).
    @inline(never)
    private func evaluateCreditNote(_ line: LedgerLine, _ engine: InventoryEngine) -> LineResult {
        let id = String(decoding: decoder.record.invoice, as: UTF8.self)
        return engine.evaluate(line, correcting: invoices?.invoice(id))
    }

    /// Counts a line left out of the inventory: outside the period (`exclusion` -1) or of an excluded
    /// category (its exclusion slot), and writes its row of the per-line output.
    @inline(never)
    private mutating func leaveOut(_ base: UnsafePointer<UInt8>, _ fields: CSVRecordScanner, _ slot: Int, exclusion: Int) {
        let record = decoder.record
        if exclusion < 0 {
            accumulator.addOutsidePeriod(currencySlot: slot, amountDigits: record.amount.digits, amountScale: record.amount.scale)
            outsideFirst = min(outsideFirst, record.date)
            outsideLast = max(outsideLast, record.date)
        } else {
            accumulator.addExcluded(exclusion: exclusion, currencySlot: slot, amountDigits: record.amount.digits, amountScale: record.amount.scale)
        }
        guard labels != nil else { return }
        let reason: LineExclusion
        if exclusion < 0, let period = boundary.period {
            reason = .outsidePeriod(period)
        } else {
            reason = .excluded(reason: exclusionReasons[exclusion])
        }
        writeLine(base, fields, LineProvenance(exclusion: reason), scope3: 0)
    }

    /// The header of the per-line output: the line, its input fields, the line's Scope 3 category (empty
    /// for a line left out of the inventory), then `ProvenanceCSV.columns`.
    static let linesHeader =
        (["line", "id", "date", "supplier", "category", "amount", "currency", "product", "quantity", "unit", "customer", "scope3_category"]
        + ProvenanceCSV.columns).joined(separator: ",") + "\n"

    /// Appends the line's row of the per-line output: its input fields as the file gives them, its Scope 3
    /// category (`scope3` 1...15, 0 when it is left out), then its provenance.
    private mutating func writeLine(_ base: UnsafePointer<UInt8>, _ fields: CSVRecordScanner, _ provenance: LineProvenance, scope3: Int) {
        let record = decoder.record
        output.append(contentsOf: String(record.line + lineOffset).utf8)
        for index in [
            columns.id, columns.date, columns.supplier, columns.category, columns.amount, columns.currency,
            columns.product, columns.quantity, columns.unit, columns.customer,
        ] {
            output.append(44)
            guard index >= 0 else { continue }
            let span = fields.field(index)
            let bytes = UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
            let needsQuotes = span.escaped || bytes.contains { $0 == 44 || $0 == 10 || $0 == 13 }
            if needsQuotes { output.append(34) }
            output.append(contentsOf: bytes)
            if needsQuotes { output.append(34) }
        }
        output.append(44)
        if scope3 > 0 { output.append(contentsOf: String(scope3).utf8) }
        for field in ProvenanceCSV.fields(provenance) {
            output.append(44)
            ProvenanceCSV.append(field, to: &output)
        }
        output.append(10)
    }
}
