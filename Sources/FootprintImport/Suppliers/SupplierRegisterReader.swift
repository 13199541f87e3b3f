public import FootprintCore

/// Reads the register columns of suppliers.csv: `id`, `name`, `country` and the optional
/// `org_number`, `vat`, `lei`, `duns`, `isin`, `pact_company_ids` (`;`-separated), `contact_name`,
/// `contact_email`, `categories` (`;`-separated), `strategic` (yes/no), `notes`, `parent` (the id of
/// the parent company, another supplier of the register) and `company_register` (a link)
/// (docs/suppliers.md). Whether a parent is in the register, and cycles, are checked by the store,
/// which sees the whole register. Missing or repeated ids are reported by `ReferenceDataReader.suppliers`;
/// this reader reports only the optional columns' problems.
public enum SupplierRegisterReader {
    public static let optionalColumns = [
        "name", "country", "org_number", "vat", "lei", "duns", "isin", "pact_company_ids", "contact_name", "contact_email", "categories",
        "strategic", "notes", "parent", "company_register",
    ]

    public static func records(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [SupplierRecord] {
        var result: [SupplierRecord] = []
        var seen: Set<String> = []
        try ReferenceDataReader.rows(table, required: ["id"], optional: optionalColumns, &diagnostics) { r in
            guard let id = r.optional("id"), seen.insert(id).inserted else { return }
            var ids = SupplierIdentifiers(orgNumber: r.optional("org_number"), vat: r.optional("vat"))
            ids.lei = r.field("lei", isNot: "an LEI; expected 20 letters and digits (ISO 17442), such as 5493001KJTIIGC8Y1R12") { text -> String? in
                let lei = text.uppercased()
                return lei.count == 20 && lei.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) ? lei : nil
            }
            ids.isin = r.field("isin", isNot: "an ISIN; expected 2 letters, 9 letters or digits and a check digit (ISO 6166), such as NO0010096985") {
                text -> String? in
                let chars = Array(text.uppercased())
                return chars.count == 12 && chars.prefix(2).allSatisfy({ $0.isASCII && $0.isLetter })
                    && chars.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) && chars[11].isNumber ? String(chars) : nil
            }
            ids.duns = r.field("duns", isNot: "a D-U-N-S number; expected 9 digits, such as 150483782") { text -> String? in
                let digits = text.filter { $0 != "-" }
                return digits.count == 9 && digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? digits : nil
            }
            ids.pactCompanyIDs = list(r.optional("pact_company_ids"))
            let email = r.optional("contact_email")
            if let email, !(email.contains("@") && email.split(separator: "@").count == 2) {
                r.fail("contact_email", "'\(email)' is not an e-mail address; expected name@domain")
            }
            let parent = r.optional("parent")
            if let parent, parent == id { r.fail("parent", "'\(parent)' is the supplier itself; a supplier cannot be its own parent") }
            let link = r.optional("company_register")
            if let link, let problem = IdentifierCheck.linkProblem(link) { r.fail("company_register", problem) }
            let strategic = r.field("strategic", isNot: "yes or no; expected yes, no, true, false, 1 or 0", yesNo) ?? false
            result.append(
                SupplierRecord(
                    id: id,
                    name: r.optional("name") ?? id,
                    country: r.optional("country"),
                    identifiers: ids,
                    contactName: r.optional("contact_name"),
                    contactEmail: email,
                    categories: list(r.optional("categories")),
                    strategic: strategic,
                    notes: r.optional("notes"),
                    parent: parent,
                    companyRegister: link
                )
            )
        }
        return result
    }

    /// `a; b;c` as `["a", "b", "c"]`.
    public static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// yes/no, true/false, 1/0, y/n (any case), or nil.
    public static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "x": true
        case "no", "n", "false", "0": false
        default: nil
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
