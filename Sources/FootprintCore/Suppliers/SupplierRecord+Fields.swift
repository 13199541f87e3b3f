import Foundation

/// A register record field by field, as text: what register edits compare, record and validate.
extension SupplierRecord {
    /// The fields in a fixed order, by their suppliers.csv column names; lists `;`-separated, the flag `yes`/`no`.
    public var fields: [(name: String, value: String?)] {
        [
            ("name", name), ("country", country), ("org_number", identifiers.orgNumber), ("vat", identifiers.vat), ("lei", identifiers.lei),
            ("duns", identifiers.duns), ("isin", identifiers.isin),
            ("pact_company_ids", identifiers.pactCompanyIDs.isEmpty ? nil : identifiers.pactCompanyIDs.joined(separator: ";")),
            ("contact_name", contactName), ("contact_email", contactEmail),
            ("categories", categories.isEmpty ? nil : categories.joined(separator: ";")),
            ("strategic", strategic ? "yes" : "no"), ("notes", notes), ("parent", parent), ("company_register", companyRegister),
        ]
    }

    /// The fields that differ from `old`: name, old value, new value.
    public func changes(from old: SupplierRecord) -> [(field: String, from: String?, to: String?)] {
        zip(old.fields, fields).compactMap { a, b in a.value == b.value ? nil : (a.name, a.value, b.value) }
    }

    /// What is wrong with the record, each with what to do: an empty name, itself as its parent, a
    /// company register link that is not an http(s) address, a country that is not two
    /// letters, an LEI failing its ISO 17442 check digits, a Norwegian (country NO) organisation
    /// number failing its modulus-11 check, a D-U-N-S that is not 9 digits, an ISIN that is not 12
    /// characters, an e-mail without one `@`.
    public func problems() -> [String] {
        var problems: [String] = []
        if id.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("the supplier id is empty") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("the name is empty; give --name") }
        if let country, !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
            problems.append("country '\(country)' is not an ISO 3166 alpha-2 code; expected two capital letters, such as NO")
        }
        if let lei = identifiers.lei, let p = IdentifierCheck.leiProblem(lei) { problems.append(p) }
        if let parent, parent == id { problems.append("supplier '\(id)' cannot be its own parent") }
        if let link = companyRegister, let p = IdentifierCheck.linkProblem(link) { problems.append("company register: " + p) }
        if let org = identifiers.orgNumber, country == "NO", let p = IdentifierCheck.norwegianOrgNumberProblem(org) { problems.append(p) }
        if let duns = identifiers.duns, !(duns.count == 9 && duns.allSatisfy { $0.isASCII && $0.isNumber }) {
            problems.append("D-U-N-S '\(duns)' is not 9 digits")
        }
        if let isin = identifiers.isin, !(isin.count == 12 && isin.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }) {
            problems.append("ISIN '\(isin)' is not 12 capital letters and digits (ISO 6166)")
        }
        if let email = contactEmail,
            !(email.split(separator: "@", omittingEmptySubsequences: false).count == 2 && !email.hasPrefix("@") && !email.hasSuffix("@"))
        {
            problems.append("'\(email)' is not an e-mail address; expected name@domain")
        }
        return problems
    }
}
