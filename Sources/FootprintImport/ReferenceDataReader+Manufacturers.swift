public import FootprintCore

extension ReferenceDataReader {
    /// manufacturers.csv: `product` and `manufacturer` required; `manufacturer_product` (the maker's id
    /// where the ledger uses another, e.g. a distributor's article number) and `supplier` (the row
    /// applies only to that invoicing supplier's lines) optional. A (supplier, product) given twice, or a
    /// product made by its own invoicing supplier, is an error naming the line.
    public static func manufacturers(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [ProductManufacturer] {
        var result: [ProductManufacturer] = []
        var seen: [String: Int] = [:]
        try rows(table, required: ["product", "manufacturer"], optional: ["manufacturer_product", "supplier"], &diagnostics) { r in
            guard let product = r.required("product"), let manufacturer = r.required("manufacturer") else { return }
            let supplier = r.optional("supplier")
            if supplier == manufacturer {
                return r.fail(
                    "supplier",
                    "'\(manufacturer)' is both the manufacturer and the invoicing supplier; its own footprints already reach its lines, so leave supplier empty or name a distributor"
                )
            }
            let key = "\(supplier ?? "")\u{1F}\(product)"
            if let first = seen[key] {
                let whose = supplier.map { "of supplier '\($0)'" } ?? "of every supplier"
                return r.fail(
                    "product",
                    "product '\(product)' \(whose) already has a manufacturer on line \(first); give one row per product and supplier"
                )
            }
            seen[key] = r.row.line
            result.append(
                ProductManufacturer(
                    product: product,
                    manufacturer: manufacturer,
                    manufacturerProduct: r.optional("manufacturer_product"),
                    supplier: supplier,
                    location: SourceLocation(file: table.file, line: r.row.line)
                )
            )
        }
        return result
    }
}
