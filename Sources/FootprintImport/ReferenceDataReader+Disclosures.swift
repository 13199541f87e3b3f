public import FootprintCore

extension ReferenceDataReader {
    /// The optional coverage and evidence columns of supplier_emissions.csv: `scope3_categories` (the
    /// Scope 3 categories the disclosure covers: `1;2;4`, `1-8`, `upstream` for 1-8, `none`),
    /// `scope2_basis` (market or location), `assurance` (none, limited, reasonable) and `source_document`.
    /// Returns false after reporting a problem on the row.
    static func readEvidence(_ r: inout RowReader, into disclosure: inout SupplierDisclosure) -> Bool {
        var valid = true
        let categories = r.field(
            "scope3_categories",
            valid: &valid,
            isNot:
                "a list of Scope 3 categories; expected numbers 1 to 15 separated by ';' or spaces, ranges such as 1-8, 'upstream' (1-8) or 'none'",
            scope3Categories
        )
        guard valid else { return false }
        if let categories {
            if !categories.isEmpty && disclosure.scope3UpstreamTonnes == 0 && !categories.isDisjoint(with: 1...8) {
                r.fail(
                    "scope3_categories",
                    "the disclosure states upstream Scope 3 categories but scope3_upstream is 0; give their tonnes, or 'none'"
                )
                return false
            }
            disclosure.scope3Categories = categories
        }
        disclosure.scope2Basis = r.field("scope2_basis", valid: &valid, isNot: "a Scope 2 basis; expected market or location") {
            let name = $0.lowercased()
            return SupplierDisclosure.Scope2Basis(rawValue: name.hasSuffix("-based") ? String(name.dropLast(6)) : name)
        }
        guard valid else { return false }
        disclosure.assurance = r.field("assurance", valid: &valid, isNot: "a level of assurance; expected none, limited or reasonable") {
            SupplierDisclosure.Assurance(rawValue: $0.lowercased())
        }
        guard valid else { return false }
        disclosure.sourceDocument = r.optional("source_document")
        return true
    }

    /// `1;2;4`, `1 2 4`, `1-8`, `upstream`, `none` as a set of categories; nil when not such a list.
    static func scope3Categories(_ text: String) -> Set<Int>? {
        switch text.lowercased() {
        case "none": return []
        case "upstream": return Set(1...8)
        case "downstream": return Set(9...15)
        case "all": return Set(1...15)
        default: break
        }
        var result = Set<Int>()
        for part in text.split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "," }) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2, let first = Int(bounds[0]), let last = Int(bounds.last!), 1 <= first, first <= last, last <= 15 else {
                return nil
            }
            result.formUnion(first...last)
        }
        return result.isEmpty ? nil : result
    }
}
