import FootprintCore
public import Foundation

extension ERPMapping {
    /// Reads a JSON mapping file, then the `categories_file` it names (relative to the mapping file),
    /// whose rules are appended to `categories`; checks the whole mapping.
    /// Every problem is thrown as an `InputError` naming the mapping file (or the categories file).
    public static func load(path: String) throws(InputError) -> ERPMapping {
        let name = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: name, message: "cannot read the mapping '\(path)': no such file or not readable")
        }
        return try decode(json: data, file: name, directory: (path as NSString).deletingLastPathComponent)
    }

    /// Decodes a mapping from JSON; `directory` is where a `categories_file` is looked for
    /// (`nil`: a mapping that names one is an error). `file` names the mapping in diagnostics.
    public static func decode(json: Data, file: String, directory: String?) throws(InputError) -> ERPMapping {
        var mapping: ERPMapping
        do {
            mapping = try JSONDecoder().decode(ERPMapping.self, from: json)
        } catch let error as DecodingError {
            throw InputError(file: file, message: Self.describe(error))
        } catch {
            throw InputError(file: file, message: "cannot read the mapping: \(error)")
        }
        if let categoriesFile = mapping.categoriesFile {
            guard let directory else {
                throw InputError(
                    file: file,
                    message: "'categories_file' \(categoriesFile) cannot be found: the mapping was not read from a folder; expected load(path:)"
                )
            }
            let path = categoriesFile.hasPrefix("/") ? categoriesFile : (directory as NSString).appendingPathComponent(categoriesFile)
            mapping.categories += try readCategoriesFile(path: path, displayName: categoriesFile)
            mapping.categoriesFile = nil
        }
        let problems = mapping.problems()
        guard problems.isEmpty else { throw InputError(problems.map { Diagnostic(file: file, line: 0, message: $0) }) }
        return mapping
    }

    /// Rules from a CSV file with the columns `erp`, `category` and optionally `scope3`.
    static func readCategoriesFile(path: String, displayName: String) throws(InputError) -> [CategoryRule] {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.read(path: path, displayName: displayName, diagnostics: &diagnostics)
        let columns = try table.columns(required: ["erp", "category"], optional: ["scope3"])
        var rules: [CategoryRule] = []
        for row in table.rows {
            var reader = RowReader(table: table, columns: columns, row: row)
            let erp = reader.required("erp")
            let category = reader.required("category")
            let scope3 = reader.field("scope3", isNot: "a Scope 3 category; expected 1 to 15 or empty") { Scope3Category(parsing: $0) }
            diagnostics += reader.diagnostics
            if let erp, let category { rules.append(CategoryRule(erp: AccountPattern(erp), category: category, scope3: scope3)) }
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return rules
    }

    /// What is wrong with the mapping as a whole: ambiguous category rules, no currency, a rule
    /// file not loaded.
    func problems() -> [String] {
        var problems: [String] = []
        _ = ERPCategoryTable(rules: categories, capitalAccounts: capitalAccounts, problems: &problems)
        if columns.currency == nil && currency == nil {
            problems.append("no currency: expected \"columns.currency\" (a currency column) or \"currency\" (one ISO 4217 code for the whole export)")
        }
        if let categoriesFile {
            problems.append("'categories_file' \(categoriesFile) was not read; expected ERPMapping.load(path:), which reads it")
        }
        return problems
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let full = path(context.codingPath + [key])
            return "the mapping has no '\(full)'; expected it (see docs/erp-mappings.md)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(path(context.codingPath))': \(context.debugDescription.lowercasedFirst)"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "the mapping is not valid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)"
            }
            return "'\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "cannot read the mapping: \(error)"
        }
    }
}

extension String {
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
