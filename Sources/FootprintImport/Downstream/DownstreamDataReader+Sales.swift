public import FootprintCore

extension DownstreamDataReader {
    /// `sales.csv`: date, product, quantity, country (of use); optionally product_type, customer, reference.
    public static func sales(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [Sale] {
        var result: [Sale] = []
        try ReferenceDataReader.rows(
            table,
            required: ["date", "product", "quantity", "country"],
            optional: ["product_type", "customer", "reference"],
            &diagnostics
        ) { r in
            let date = r.date("date")
            let product = r.required("product")
            let quantity = r.positive("quantity", required: true, "a number of units")
            let country = r.country("country", required: true)
            guard r.diagnostics.isEmpty, let date, let product, let quantity, let country else { return }
            result.append(
                Sale(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    date: date,
                    product: product,
                    quantity: quantity,
                    country: country,
                    productType: r.optional("product_type"),
                    customer: r.optional("customer"),
                    reference: r.optional("reference")
                )
            )
        }
        return result
    }
}
