/// Where the columns of purchases.csv are, found by header name.
struct PurchaseColumns: Sendable {
    static let required = ["id", "date", "supplier", "category", "amount", "currency"]
    static let optional = ["product", "quantity", "unit", "customer"]

    var id = 0, date = 0, supplier = 0, category = 0, amount = 0, currency = 0
    var product = -1, quantity = -1, unit = -1, customer = -1
    var count = 0
    var names: [String] = []

    init(header: [String], file: String) throws(InputError) {
        try CSVHeader.checkUnique(header, file: file) { $0.trimmingSpaces().lowercased() }
        func index(_ name: String) -> Int? {
            header.firstIndex { $0.trimmingSpaces().lowercased() == name }
        }
        let missing = Self.required.filter { index($0) == nil }
        guard missing.isEmpty else {
            throw InputError(
                file: file, line: 1,
                message: "missing required column\(missing.count == 1 ? "" : "s") \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                    + "the header has \(header.map { "'\($0)'" }.joined(separator: ", "))")
        }
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
        count = header.count
        names = header
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
