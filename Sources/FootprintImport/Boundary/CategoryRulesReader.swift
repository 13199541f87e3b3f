public import FootprintCore
import Foundation

/// Reads `categories.csv` (docs/inventory.md): per ledger category, its Scope 3 category and/or
/// its exclusion from the inventory with the reason. Columns: **category**, `scope3_category`
/// (`1`...`15`), `excluded` (the reason; empty when the category is in the inventory). A row with
/// neither includes the category with the factor library's default (it can take back a built-in
/// exclusion). A category may appear once; a row both excluded and given a Scope 3 category is
/// refused, since an excluded line has no category.
public enum CategoryRulesReader {
    public static let fileName = "categories.csv"

    /// The rules of a parsed table; problems are appended to `diagnostics`.
    public static func rules(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [CategoryRule] {
        var result: [CategoryRule] = []
        var seen: [String: Int] = [:]
        try ReferenceDataReader.rows(table, required: ["category"], optional: ["scope3_category", "excluded"], &diagnostics) { r in
            guard let category = r.required("category") else { return }
            if let first = seen[category] {
                r.fail("category", "category '\(category)' already has a rule on line \(first); one rule per category")
                return
            }
            seen[category] = r.row.line
            var scope3: Scope3Category?
            if let text = r.optional("scope3_category") {
                scope3 = Scope3Category(parsing: text)
                if scope3 == nil { r.fail("scope3_category", "'\(text)' is not a Scope 3 category; expected 1 to 15, or empty") }
            }
            let exclusion = r.optional("excluded")
            if exclusion != nil && scope3 != nil {
                r.fail(
                    "excluded",
                    "the category is both excluded and placed in Scope 3 category \(scope3!.rawValue); expected one of the two (an excluded line is in no category)"
                )
                return
            }
            result.append(CategoryRule(category: category, scope3: scope3, exclusion: exclusion, source: "\(table.file):\(r.row.line)"))
        }
        return result
    }

    /// The rules of the file at `path` (shown as `displayName` in messages).
    public static func read(path: String, displayName: String = fileName) throws(InputError) -> [CategoryRule] {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.read(path: path, displayName: displayName, diagnostics: &diagnostics)
        let rules = try rules(table, &diagnostics)
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return rules
    }
}
