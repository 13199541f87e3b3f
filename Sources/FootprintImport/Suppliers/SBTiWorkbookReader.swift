public import FootprintCore
import Foundation

/// Reads the companies workbook of the SBTi target dashboard (the user's own download; Footprint
/// never stores or ships it). Headers are found by name in the current layout (`company_name`,
/// `isin`, `lei`, `near_term_status`, ...) or the older one ("Company Name", "Near term - Target
/// Status", ...), in the sheet `Companies` or else the first sheet.
public struct SBTiWorkbookReader {
    /// The companies read, and the optional columns the workbook does not have.
    public struct Result: Sendable {
        public var companies: [SBTiCompany]
        public var sheet: String
        public var missingColumns: [String]
        /// Rows skipped, with the reason (no company name, an unknown status).
        public var skipped: [String]
    }

    /// Each field and the header names it may have (compared without case, spaces, '-' and '_').
    static let fields: [(String, [String])] = [
        ("company_name", ["company_name", "Company Name", "company"]),
        ("near_term_status", ["near_term_status", "Near term - Target Status", "near_term_target_status", "Status"]),
        ("sbti_id", ["sbti_id"]),
        ("isin", ["isin"]),
        ("lei", ["lei"]),
        ("location", ["location", "Location", "Country"]),
        ("organization_type", ["organization_type", "Organization Type"]),
        ("near_term_target_classification", ["near_term_target_classification", "Near term - Target Classification"]),
        ("near_term_target_year", ["near_term_target_year", "Near term - Target Year"]),
        ("net_zero_status", ["net_zero_status", "Net-Zero Committed", "net_zero_committed"]),
        ("net_zero_year", ["net_zero_year", "Net-Zero Year"]),
        ("date_updated", ["date_updated", "Date Published", "date_published"]),
    ]

    static func key(_ header: String) -> String {
        String(header.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    public static func read(data: Data, file: String) throws(XLSXError) -> Result {
        let workbook = try XLSXWorkbook(data: data, file: file)
        guard let sheetName = workbook.sheetNames.first(where: { $0.lowercased() == "companies" }) ?? workbook.sheetNames.first else {
            throw XLSXError(file: file, message: "the workbook has no sheets")
        }
        let sheet = try workbook.sheet(named: sheetName)
        let rows = sheet.textRows()
        // The header row: the first of the first ten rows that names the company column.
        let nameKeys = Set(fields[0].1.map(key))
        guard let headerIndex = rows.prefix(10).firstIndex(where: { $0.fields.contains { nameKeys.contains(key($0)) } }) else {
            throw XLSXError(
                file: file,
                message:
                    "sheet '\(sheetName)' has no 'company_name' (or 'Company Name') header in its first ten rows; is this the SBTi companies download?"
            )
        }
        let header = rows[headerIndex].fields.map(key)
        var column: [String: Int] = [:]
        var missing: [String] = []
        for (field, names) in fields {
            if let i = names.lazy.compactMap({ header.firstIndex(of: key($0)) }).first { column[field] = i } else { missing.append(field) }
        }
        guard column["near_term_status"] != nil else {
            throw XLSXError(
                file: file,
                message:
                    "sheet '\(sheetName)' has no 'near_term_status' (or 'Near term - Target Status') column; its headers are \(rows[headerIndex].fields.filter { !$0.isEmpty }.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
        var companies: [SBTiCompany] = []
        var skipped: [String] = []
        for (row, fields) in rows[(headerIndex + 1)...] {
            func text(_ field: String) -> String? {
                guard let i = column[field], i < fields.count else { return nil }
                let t = fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
                return t.isEmpty ? nil : t
            }
            guard let name = text("company_name") else {
                if fields.contains(where: { !$0.isEmpty }) { skipped.append("row \(row): no company name") }
                continue
            }
            guard let status = SBTiCompany.status(text("near_term_status")) else {
                skipped.append("row \(row) (\(name)): unknown near-term status '\(text("near_term_status") ?? "")'")
                continue
            }
            let netZero = text("net_zero_status")
            companies.append(
                SBTiCompany(
                    row: row,
                    sbtiID: text("sbti_id"),
                    name: name,
                    isin: text("isin")?.uppercased(),
                    lei: text("lei")?.uppercased(),
                    location: text("location"),
                    organizationType: text("organization_type"),
                    nearTermStatus: status,
                    classification: SBTiCompany.classification(text("near_term_target_classification")),
                    nearTermTargetYear: year(text("near_term_target_year")),
                    netZeroCommitted: netZero.map { n in
                        let l = n.lowercased()
                        return !(l == "no" || l == "none" || l.contains("removed") || l.contains("expired"))
                    } ?? false,
                    netZeroYear: year(text("net_zero_year")),
                    dateUpdated: text("date_updated")
                )
            )
        }
        return Result(companies: companies, sheet: sheetName, missingColumns: missing, skipped: skipped)
    }

    /// A year from "2030" or a number cell "2030.0".
    static func year(_ text: String?) -> Int? {
        guard let text, let value = Double(text), value == value.rounded(), (1900...2200).contains(value) else { return nil }
        return Int(value)
    }
}
