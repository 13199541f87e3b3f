import FootprintCore
import FootprintImport
import GRDB

/// The credit notes of a run's purchase imports that name their invoice (column `invoice`, stored
/// since migration v11), each with what the engine needs of that invoice: its date and its own result
/// (`InventoryEngine.Invoice`), or nil when no line of the run's imports has the id. Built once per
/// run, before any pack is evaluated, so that a credit note is computed as its invoice was in the same
/// run, whatever pack or import each is in (docs/methods.md#credit-notes).
struct CreditNoteLinks: Sendable {
    /// By the credit note's purchase row: its invoice, or nil when the ledger does not have it.
    private(set) var invoices: [Int64: InventoryEngine.Invoice?] = [:]
    /// The supplier terms of the credit notes and of their invoices: a change of one of these
    /// suppliers' figures can change a credit note in another supplier's pack, so it is a full run.
    private(set) var suppliers: Set<Int64> = []

    var isEmpty: Bool { invoices.isEmpty }

    /// Whether row `row` is a credit note that names an invoice, and that invoice (nil: not in the ledger).
    @inline(__always)
    func link(_ row: Int64) -> InventoryEngine.Invoice?? { invoices[row] }

    /// The credit notes of `importIDs` and their invoices, evaluated by `evaluator`'s engine. A workspace
    /// without credit notes that name an invoice reads one empty index range. An id found in several
    /// imports is taken from the credit note's own import, else from the earliest import.
    static func load(db: Database, importIDs: [Int64], evaluator: PackEvaluator) throws -> CreditNoteLinks {
        var links = CreditNoteLinks()
        guard !importIDs.isEmpty else { return links }
        let imports = importIDs.map(String.init).joined(separator: ",")
        let notes = try Row.fetchAll(
            db,
            sql: "SELECT rowid, import_id, supplier, invoice FROM purchase WHERE invoice IS NOT NULL AND import_id IN (\(imports))"
        )
        guard !notes.isEmpty else { return links }
        // Every line whose id a credit note names, by id: (import, invoice), in import and row order.
        var found: [String: [(importID: Int64, invoice: InventoryEngine.Invoice, supplier: Int64)]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT import_id, purchase_id, date, supplier, category, amount, currency, product, quantity, unit FROM purchase
                WHERE import_id IN (\(imports)) AND purchase_id IN (SELECT invoice FROM purchase WHERE invoice IS NOT NULL AND import_id IN (\(imports)))
                ORDER BY import_id, rowid
                """
        )
        while let row = try rows.next() {
            let supplier: Int64 = row[3]
            guard let line = try ledgerLine(row, evaluator) else { continue }
            found[row[1], default: []].append((row[0], evaluator.engine.invoice(line), supplier))
        }
        for note in notes {
            let rowID: Int64 = note[0]
            let importID: Int64 = note[1]
            let supplier: Int64 = note[2]
            let id: String = note[3]
            links.suppliers.insert(supplier)
            let candidates = found[id] ?? []
            let chosen = candidates.first { $0.importID == importID } ?? candidates.first
            links.invoices[rowID] = .some(chosen?.invoice)
            if let chosen { links.suppliers.insert(chosen.supplier) }
        }
        return links
    }

    /// A stored purchase row (columns from `date`: date, supplier, category, amount, currency,
    /// product, quantity, unit) as the engine reads it; nil when a stored number does not read.
    private static func ledgerLine(_ row: Row, _ e: PackEvaluator) throws -> LedgerLine? {
        let date: Int32 = row[2]
        let supplier: Int64 = row[3]
        let category: Int = row[4]
        let amountText: String = row[5]
        let currency: Int = row[6]
        let product: Int? = row[7]
        let quantityText: String? = row[8]
        let unit: Int? = row[9]
        guard let amount = FieldParser.decimal(amountText) else { return nil }
        var quantity = Double.nan
        if let quantityText {
            guard let q = FieldParser.decimal(quantityText) else { return nil }
            quantity = q.value
        }
        return LedgerLine(
            supplier: e.supplierKey(Int(supplier)),
            category: e.categoryKey[category],
            product: product.map { e.productKey[$0] } ?? .none,
            unit: unit.map { e.unitKey[$0] } ?? .none,
            currencyKey: e.currencyKey[currency],
            currency: e.currencyCode[currency],
            year: date / 10000,
            date: date,
            amount: amount.value,
            quantity: quantity
        )
    }
}
