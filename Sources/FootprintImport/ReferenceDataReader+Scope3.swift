public import FootprintCore

extension ReferenceDataReader {
    /// The Scope 3 category of each factor category, from a factor table's `scope3_category` column
    /// (`1`...`15`, empty for none): the library's default for the category's lines. A category has
    /// one default: every row of a category must give the same value (or all none). The built-in
    /// library (`DefaultFactorLibrary`) and a data folder's factors.csv read it here; a table without
    /// the column has no defaults.
    public static func scope3Defaults(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [String: Scope3Category] {
        var defaults: [String: Scope3Category] = [:]
        var firstLine: [String: (line: Int, value: Scope3Category?)] = [:]
        let columns = try table.columns(required: ["category"], optional: ["scope3_category"])
        guard columns["scope3_category"] != nil else { return [:] }
        for row in table.rows {
            var reader = RowReader(table: table, columns: columns, row: row)
            guard let category = reader.optional("category") else { continue }
            let value = reader.field("scope3_category", isNot: "a Scope 3 category; expected 1 to 15, or empty for none") {
                Scope3Category(parsing: $0)
            }
            if let first = firstLine[category], first.value != value {
                reader.fail(
                    "scope3_category",
                    "category '\(category)' has Scope 3 category \(first.value.map { String($0.rawValue) } ?? "none") on line \(first.line); one category has one default"
                )
            } else if firstLine[category] == nil {
                firstLine[category] = (row.line, value)
            }
            if let value { defaults[category] = value }
            diagnostics += reader.diagnostics
        }
        return defaults
    }
}
