public import FootprintCore

extension ReferenceDataReader {
    /// supplier_allocations.csv: the emissions a supplier allocates to the company for a year, in the
    /// columns of CDP's supply chain allocation table. Required: `supplier`, `year`, `emissions_tco2e`,
    /// `scopes` (the supplier's scopes the figure covers: `1;2;3`), `basis_amount` and `basis_currency`
    /// (what the company bought from the supplier in the year: the revenue the allocation is based on,
    /// and the key that spreads it over the year's lines). Optional: `allocation_method` (`revenue`, the
    /// only key one pass over the ledger can spread by), `requesting_member`, `uncertainty_percent`,
    /// `major_sources`, `verified` (yes/no), `explanation`, `source_document`. Each becomes a
    /// `SupplierDisclosure` with its `allocation`. One row per supplier and year.
    public static func allocations(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [SupplierDisclosure] {
        var result: [SupplierDisclosure] = []
        var seen: [String: Int] = [:]
        try rows(
            table,
            required: ["supplier", "year", "emissions_tco2e", "scopes", "basis_amount", "basis_currency"],
            optional: [
                "allocation_method", "requesting_member", "uncertainty_percent", "major_sources", "verified", "explanation", "source_document",
            ],
            &diagnostics
        ) { r in
            let supplier = r.required("supplier")
            let year = r.year("year")
            let tonnes = r.decimal("emissions_tco2e")
            let scopesText = r.required("scopes")
            let basis = r.decimal("basis_amount")
            let currency = r.currency("basis_currency")
            guard let supplier, let year, let tonnes, let scopesText, let basis, let currency else { return }
            guard tonnes.value >= 0 else {
                return r.fail("emissions_tco2e", "'\(r.optional("emissions_tco2e")!)' is negative; expected tonnes CO2e of zero or more")
            }
            guard basis.value > 0 else {
                return r.fail(
                    "basis_amount",
                    "'\(r.optional("basis_amount")!)' is not an amount; expected what the company bought from the supplier in the year, above zero"
                )
            }
            var scopes = Set<Int>()
            for part in scopesText.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "," }) {
                guard let scope = Int(part), (1...3).contains(scope) else {
                    return r.fail("scopes", "'\(scopesText)' is not a list of scopes; expected 1, 2 and 3 separated by ';', such as 1;2;3")
                }
                scopes.insert(scope)
            }
            let method = r.optional("allocation_method")?.lowercased() ?? "revenue"
            guard method == "revenue" else {
                return r.fail(
                    "allocation_method",
                    "'\(method)' cannot spread the allocation over the year's lines; only revenue can (each line's share of basis_amount); "
                        + "give the allocation's equivalent in the revenue the company paid"
                )
            }
            let errors = r.diagnostics.count
            let verified: Bool? = r.optional("verified") == nil ? nil : r.flag("verified")
            guard r.diagnostics.count == errors else { return }
            if let text = r.optional("uncertainty_percent"), FieldParser.decimal(text).map({ $0.value >= 0 }) != true {
                return r.fail("uncertainty_percent", "'\(text)' is not a percentage; expected a number of 0 or more, such as 10")
            }
            let key = "\(supplier) \(year)"
            if let first = seen[key] {
                return r.fail("year", "duplicate allocation for supplier '\(supplier)' in \(year); it is already on line \(first)")
            }
            seen[key] = r.row.line
            var allocation = SupplierDisclosure.Allocation(tonnes: tonnes.value, scopes: scopes, method: method)
            allocation.requestingMember = r.optional("requesting_member")
            allocation.uncertaintyPercent = r.optional("uncertainty_percent")
            allocation.majorSources = r.optional("major_sources")
            allocation.verified = verified
            allocation.explanation = r.optional("explanation")
            var d = SupplierDisclosure(
                supplier: supplier,
                year: year,
                scope1Tonnes: 0,
                scope2Tonnes: 0,
                scope3UpstreamTonnes: 0,
                revenue: basis.value,
                currency: currency,
                location: SourceLocation(file: table.file, line: r.row.line)
            )
            d.allocation = allocation
            d.sourceDocument = r.optional("source_document")
            result.append(d)
        }
        return result
    }
}
