extension SupplierAssessment {
    /// The assessment as JSON, with the keys of its `Codable` form in the same (alphabetical) order,
    /// written by the project's JSON writer: Foundation's encoder took most of `suppliers assess --json`'s time.
    public func json() -> JSONValue {
        .object([
            ("requirements_not_met", .array(requirementsNotMet.map { .string($0) })),
            (
                "results",
                .array(
                    results.map { r in
                        .object([
                            ("counted", .bool(r.counted)), ("credit", .number(r.credit)), ("criterion", .string(r.criterion)),
                            ("points", .number(r.points)), ("reason", .string(r.reason)), ("weight", .number(r.weight)),
                        ])
                    }
                )
            ),
            ("score", .number(score)), ("supplier", .string(supplier)), ("tier", .string(tier)),
        ])
    }

    /// `JSONValue.array(assessments.map { $0.json() }).rendered()`, byte for byte, written straight
    /// into bytes without building the tree (thousands of suppliers' trees cost more than their scoring).
    public static func renderedJSON(_ assessments: [SupplierAssessment]) -> [UInt8] {
        renderedJSON(parts: [renderedElements(assessments[...])])
    }

    /// The array of the elements `renderedElements` wrote for consecutive slices of the assessments
    /// (each slice may be rendered on its own thread): `renderedJSON` of all of them, byte for byte.
    public static func renderedJSON(parts: [[UInt8]]) -> [UInt8] {
        let parts = parts.filter { !$0.isEmpty }
        if parts.isEmpty { return Array("[]".utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(parts.reduce(4) { $0 + $1.count + 2 })
        out.append(contentsOf: "[\n".utf8)
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(contentsOf: ",\n".utf8) }
            out.append(contentsOf: part)
        }
        out.append(contentsOf: "\n]".utf8)
        return out
    }

    /// The array's elements for `assessments`, with the separators between them but none before the
    /// first or after the last: empty for none.
    public static func renderedElements(_ assessments: ArraySlice<SupplierAssessment>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(assessments.count * 900)
        for (i, a) in zip(assessments.indices, assessments) {
            out.append(contentsOf: "  {\n    \"requirements_not_met\": ".utf8)
            if a.requirementsNotMet.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(contentsOf: "[\n".utf8)
                for (j, id) in a.requirementsNotMet.enumerated() {
                    out.append(contentsOf: "      ".utf8)
                    JSONValue.quote(id, into: &out)
                    out.append(contentsOf: (j == a.requirementsNotMet.count - 1 ? "\n" : ",\n").utf8)
                }
                out.append(contentsOf: "    ]".utf8)
            }
            out.append(contentsOf: ",\n    \"results\": ".utf8)
            if a.results.isEmpty {
                out.append(contentsOf: "[]".utf8)
            } else {
                out.append(contentsOf: "[\n".utf8)
                for (j, r) in a.results.enumerated() {
                    out.append(contentsOf: "      {\n        \"counted\": ".utf8)
                    out.append(contentsOf: (r.counted ? "true" : "false").utf8)
                    out.append(contentsOf: ",\n        \"credit\": ".utf8)
                    JSONValue.number(r.credit, into: &out)
                    out.append(contentsOf: ",\n        \"criterion\": ".utf8)
                    JSONValue.quote(r.criterion, into: &out)
                    out.append(contentsOf: ",\n        \"points\": ".utf8)
                    JSONValue.number(r.points, into: &out)
                    out.append(contentsOf: ",\n        \"reason\": ".utf8)
                    JSONValue.quote(r.reason, into: &out)
                    out.append(contentsOf: ",\n        \"weight\": ".utf8)
                    JSONValue.number(r.weight, into: &out)
                    out.append(contentsOf: (j == a.results.count - 1 ? "\n      }\n" : "\n      },\n").utf8)
                }
                out.append(contentsOf: "    ]".utf8)
            }
            out.append(contentsOf: ",\n    \"score\": ".utf8)
            JSONValue.number(a.score, into: &out)
            out.append(contentsOf: ",\n    \"supplier\": ".utf8)
            JSONValue.quote(a.supplier, into: &out)
            out.append(contentsOf: ",\n    \"tier\": ".utf8)
            JSONValue.quote(a.tier, into: &out)
            out.append(contentsOf: (i == assessments.endIndex - 1 ? "\n  }" : "\n  },\n").utf8)
        }
        return out
    }
}
