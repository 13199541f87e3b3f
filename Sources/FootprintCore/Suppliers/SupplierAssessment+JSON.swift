extension SupplierAssessment {
    /// The assessment as JSON, with the keys of its `Codable` form in the same (alphabetical) order,
    /// written by the project's JSON writer: Foundation's encoder took most of `suppliers assess --json`'s time.
    public func json() -> JSONValue {
        .object([
            ("results", .array(results.map { r in
                .object([
                    ("counted", .bool(r.counted)), ("credit", .number(r.credit)), ("criterion", .string(r.criterion)),
                    ("points", .number(r.points)), ("reason", .string(r.reason)), ("weight", .number(r.weight)),
                ])
            })),
            ("score", .number(score)), ("supplier", .string(supplier)), ("tier", .string(tier)),
        ])
    }
}
