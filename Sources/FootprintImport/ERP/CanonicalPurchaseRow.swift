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
    var scope3: Scope3Category?
    var erpValue: String
    /// Whether a category rule maps `erpValue`.
    var mapped: Bool
    var sourceLine: Int

    /// Appends the record, RFC 4180 quoted where needed, and a line feed.
    func write(to out: inout [UInt8]) {
        for field in [id, date, supplier, category] {
            Self.appendField(field, to: &out)
            out.append(44)
        }
        out.append(contentsOf: amount.text.utf8)
        out.append(44)
        out.append(contentsOf: currency.description.utf8)
        for field in [product, quantity, unit, customer] {
            out.append(44)
            Self.appendField(field, to: &out)
        }
        out.append(44)
        if let scope3 { out.append(contentsOf: String(scope3.rawValue).utf8) }
        out.append(44)
        Self.appendField(erpValue, to: &out)
        out.append(44)
        out.append(contentsOf: String(sourceLine).utf8)
        out.append(10)
    }

    static func appendField(_ field: String, to out: inout [UInt8]) {
        let utf8 = field.utf8
        if utf8.isEmpty { return }
        if utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) {
            out.append(34)
            for b in utf8 {
                if b == 34 { out.append(34) }
                out.append(b)
            }
            out.append(34)
        } else {
            out.append(contentsOf: utf8)
        }
    }
}
