import FootprintCore

/// The invoices that a ledger's credit notes name (column `invoice`), each with its date and its own
/// result, found before the ledger is computed, so that a credit note is computed as its invoice was
/// wherever the invoice stands in the file (docs/methods.md#credit-notes).
///
/// Only a file with the column is read again, twice, on one thread: once for the ids its credit notes
/// name, once for those lines. It keeps the named invoices only, never every line's id, so a ledger
/// without the column costs nothing.
struct InvoiceIndex: Sendable {
    /// By invoice id: its date and result.
    private(set) var invoices: [String: InventoryEngine.Invoice] = [:]
    /// Every id a credit note names, found in the ledger or not.
    private(set) var named: Set<String> = []

    /// The invoice `id` names, or nil when the ledger has no line with that id.
    func invoice(_ id: String) -> InventoryEngine.Invoice? { invoices[id] }

    /// Reads the file's credit notes' invoices; nil when the file has no column `invoice` or no credit
    /// note names one. Records with problems are skipped here: the calculation reports them.
    static func read(
        path: String,
        displayName: String,
        columns: PurchaseColumns,
        engine: InventoryEngine,
        boundary: InventoryBoundary
    ) throws(InputError) -> InvoiceIndex? {
        guard columns.invoice >= 0 else { return nil }
        var index = InvoiceIndex()
        try RecordBlockReader.visitRecords(path: path, displayName: displayName, fieldCount: columns.count) { scanner in
            let span = scanner.field(columns.invoice)
            if !span.isEmpty { index.named.insert(scanner.string(span)) }
        }
        guard !index.named.isEmpty else { return nil }
        // The ids' hashes, so that a line whose id is not named is passed over without making a string of it.
        var hashes = Set<UInt64>()
        for var id in index.named { hashes.insert(id.withUTF8 { byteHash($0.baseAddress!, $0.count) }) }
        var decoder = PurchaseRecordDecoder(columns: columns, problemLimit: 0, termCapacity: 256)
        try RecordBlockReader.visitRecords(path: path, displayName: displayName, fieldCount: columns.count) { scanner in
            let span = scanner.field(columns.id)
            guard !span.isEmpty else { return }
            if !span.escaped && !hashes.contains(byteHash(scanner.base + span.start, span.end - span.start)) { return }
            let id = scanner.string(span)
            guard index.named.contains(id), index.invoices[id] == nil else { return }
            guard decoder.decodeRecord(scanner.base, scanner) else { return }
            let line = ledgerLine(decoder.record, terms: decoder.terms, engine: engine, boundary: boundary)
            index.invoices[id] = engine.invoice(line)
        }
        return index
    }

    /// A decoded record as the engine reads it, its texts looked up in the engine's keys one by one
    /// (as `LedgerWorker` does through its cached tables).
    static func ledgerLine(_ record: PurchaseRecord, terms: PurchaseTerms, engine: InventoryEngine, boundary: InventoryBoundary) -> LedgerLine {
        func text(_ field: PurchaseTerms.Field, _ term: Int32) -> String? { term >= 0 ? terms.string(field, term) : nil }
        return LedgerLine(
            supplier: engine.supplierKey(text(.supplier, record.supplier) ?? ""),
            category: engine.categoryKey(boundary.factorCategory(of: text(.category, record.category) ?? "")),
            product: text(.product, record.product).map { engine.productKey($0) } ?? .none,
            unit: text(.unit, record.unit).map { engine.unitKey(for: $0) } ?? .none,
            currencyKey: engine.currencyKey(for: record.currencyCode),
            currency: record.currencyCode,
            year: record.year,
            date: record.date,
            amount: record.amount.value,
            quantity: record.quantity?.value ?? .nan
        )
    }
}
