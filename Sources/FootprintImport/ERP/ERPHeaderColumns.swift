import Foundation

/// The positions, in an export's header, of the columns a mapping names.
struct ERPHeaderColumns {
    /// A mapped column: its header name as the export writes it and its field index.
    struct Column {
        var name: String
        var index: Int
    }

    var id: [Column]
    var date: Column
    var supplier: Column
    var category: Column
    var amount: Column?
    var debit: Column?
    var credit: Column?
    var currency: Column?
    var product: Column?
    var quantity: Column?
    var unit: Column?
    var customer: Column?
    var scope3Category: Column?
    var invoice: Column?

    /// Finds every mapped column in `header`; throws a diagnostic for each one that is missing or
    /// appears more than once.
    init(header: [String], line: Int, columns m: ERPMapping.Columns, file: String) throws(InputError) {
        let trimmed = header.map { $0.trimmingCharacters(in: .whitespaces) }
        var diagnostics: [Diagnostic] = []
        func find(_ name: String, _ key: String) -> Column? {
            let wanted = name.trimmingCharacters(in: .whitespaces)
            let hits = trimmed.indices.filter { trimmed[$0].caseInsensitiveCompare(wanted) == .orderedSame }
            if hits.count == 1 { return Column(name: trimmed[hits[0]], index: hits[0]) }
            let message: String
            if hits.isEmpty {
                var hint = ""
                if trimmed.count == 1, let other = ERPMapping.Delimiter.allCases.first(where: { trimmed[0].utf8.contains($0.byte) }) {
                    hint = " (the header is one field holding '\(other == .tab ? "\\t" : other.rawValue)': is the mapping's \"delimiter\" right?)"
                }
                message =
                    "the mapping's \"columns.\(key)\" names this column, but the header has no such column; "
                    + "expected one of \(trimmed.map { "'\($0)'" }.joined(separator: ", "))\(hint)"
            } else {
                message =
                    "the header has \(hits.count) columns of this name (fields \(hits.map { String($0 + 1) }.joined(separator: ", "))); "
                    + "expected one, since the mapping's \"columns.\(key)\" names it"
            }
            diagnostics.append(Diagnostic(file: file, line: line, column: wanted, message: message))
            return nil
        }
        func find(_ name: String?, _ key: String) -> Column? { name.flatMap { find($0, key) } }
        let ids = m.id.map { find($0, "id") }
        let date = find(m.date, "date")
        let supplier = find(m.supplier, "supplier")
        let category = find(m.category, "category")
        amount = find(m.amount, "amount")
        debit = find(m.debit, "debit")
        credit = find(m.credit, "credit")
        currency = find(m.currency, "currency")
        product = find(m.product, "product")
        quantity = find(m.quantity, "quantity")
        unit = find(m.unit, "unit")
        customer = find(m.customer, "customer")
        scope3Category = find(m.scope3Category, "scope3_category")
        invoice = find(m.invoice, "invoice")
        guard diagnostics.isEmpty, let date, let supplier, let category else { throw InputError(diagnostics) }
        self.id = ids.compactMap { $0 }
        self.date = date
        self.supplier = supplier
        self.category = category
    }

    /// The name used for the id in diagnostics: `Bilagsnr`, or `Document Number+Line Item`.
    var idName: String { id.map(\.name).joined(separator: "+") }
}
