import FootprintCore

/// One converted line, ready to write as a canonical purchases record.
struct CanonicalPurchaseRow {
    var id: String
    var date: String
    var supplier: String
    var category: String
    var amount: ERPDecimal
    var currency: CurrencyCode
    var product: String
    var quantity: String
    var unit: String
    var customer: String
    /// The id of the invoice a credit note corrects; empty when none is named.
    var invoice: String
    var scope3: Scope3Category?
    var erpValue: String
    /// Whether a category rule maps `erpValue`.
    var mapped: Bool
    var sourceLine: Int

    /// Appends the record's fields, in the order of `ConvertedLedger.header`, to `text`, and where
    /// each starts to `starts`.
    func append(to text: inout [UInt8], starts: inout [UInt32]) {
        func put(_ bytes: some Sequence<UInt8>) {
            starts.append(UInt32(text.count))
            text.append(contentsOf: bytes)
        }
        put(id.utf8)
        put(date.utf8)
        put(supplier.utf8)
        put(category.utf8)
        put(amount.text.utf8)
        put(currency.description.utf8)
        put(product.utf8)
        put(quantity.utf8)
        put(unit.utf8)
        put(customer.utf8)
        put((scope3.map { String($0.rawValue) } ?? "").utf8)
        put(erpValue.utf8)
        put(String(sourceLine).utf8)
        put(invoice.utf8)
    }
}
