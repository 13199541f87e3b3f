import FootprintCore
public import FootprintCore

/// Reads the canonical supplier_status.csv: one status fact per row (docs/suppliers.md).
///
/// Required columns: `supplier`, `fact` (sbti, rba, cdp, scopes, pact, product-footprints),
/// `value`, `source`, `checked_on` (YYYY-MM-DD). Optional: `classification`, `target_year`,
/// `net_zero`, `net_zero_year` (sbti facts), `level`, `audit_date`, `audit_status` (rba facts: the
/// membership level and the latest RBA Validated Audit Process audit), `evidence` (any fact).
/// Every bad field is reported as `file:line: column 'name': problem`.
public enum SupplierStatusReader {
    public static let requiredColumns = ["supplier", "fact", "value", "source", "checked_on"]
    public static let optionalColumns = [
        "classification", "target_year", "net_zero", "net_zero_year", "level", "audit_date", "audit_status", "evidence",
    ]

    /// The facts with the line each came from.
    public static func facts(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [(fact: SupplierStatusFact, line: Int)] {
        var result: [(SupplierStatusFact, Int)] = []
        try ReferenceDataReader.rows(table, required: requiredColumns, optional: optionalColumns, &diagnostics) { r in
            let supplier = r.required("supplier")
            let kindText = r.required("fact")
            let value = r.required("value")
            let source = r.required("source")
            let checked = r.field("checked_on", required: true, isNot: "a valid date; expected YYYY-MM-DD (ISO 8601), such as 2026-10-01") {
                isDate($0) ? $0 : nil
            }
            var kind: SupplierStatusKind?
            if let kindText {
                kind = SupplierStatusKind(rawValue: kindText.lowercased())
                if kind == nil {
                    r.fail(
                        "fact",
                        "'\(kindText)' is not a kind of fact; expected one of \(SupplierStatusKind.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
            }
            for column in ["classification", "target_year", "net_zero", "net_zero_year"]
            where r.optional(column) != nil && kind != nil && kind != .sbti {
                r.fail(column, "applies to sbti facts only; leave it empty in a '\(kind!.rawValue)' row")
            }
            for column in ["level", "audit_date", "audit_status"] where r.optional(column) != nil && kind != nil && kind != .rba {
                r.fail(column, "applies to rba facts only; leave it empty in a '\(kind!.rawValue)' row")
            }
            guard let kind, let value else { return }
            var fact = SupplierStatusFact(supplier: supplier ?? "", kind: kind, source: source ?? "", checkedOn: checked ?? "")
            fact.evidence = r.optional("evidence")
            let before = r.diagnostics.count
            switch kind {
            case .sbti:
                fact.sbtiStatus = SBTiCompany.status(value)
                if fact.sbtiStatus == nil {
                    r.fail(
                        "value",
                        "'\(value)' is not an SBTi status; expected one of \(SBTiStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                fact.classification = r.field("classification", isNot: "an SBTi classification; expected 1.5°C, well-below 2°C or 2°C") {
                    SBTiCompany.classification($0)
                }
                fact.nearTermTargetYear = r.year("target_year", required: false)
                fact.netZeroYear = r.year("net_zero_year", required: false)
                if let text = r.optional("net_zero") {
                    fact.netZeroCommitted = SupplierRegisterReader.yesNo(text)
                    if fact.netZeroCommitted == nil { r.fail("net_zero", "'\(text)' is not yes or no; expected yes or no") }
                } else if fact.netZeroYear != nil {
                    fact.netZeroCommitted = true
                }
            case .rba:
                fact.member = membership(value)
                if fact.member == nil { r.fail("value", "'\(value)' is not an RBA membership; expected member or none (or yes, no)") }
                fact.level = r.optional("level")
                fact.auditDate = r.field("audit_date", isNot: "a valid date; expected YYYY-MM-DD (ISO 8601), the date of the latest VAP audit") {
                    CivilDate.isValid($0) ? $0 : nil
                }
                fact.auditStatus = r.optional("audit_status")
                if fact.auditStatus != nil && fact.auditDate == nil && r.optional("audit_date") == nil {
                    r.fail("audit_status", "an audit status needs its audit_date (YYYY-MM-DD)")
                }
            case .cdp:
                fact.cdpScore = CDPScore(rawValue: value.uppercased())
                if fact.cdpScore == nil {
                    r.fail("value", "'\(value)' is not a CDP score; expected one of \(CDPScore.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            case .scopes:
                if value.lowercased() == "none" {
                    fact.scopes = []
                } else {
                    let parts = value.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " || $0 == "+" })
                    let scopes = parts.compactMap { Int($0) }.filter { (1...3).contains($0) }
                    if scopes.count != parts.count || scopes.isEmpty {
                        r.fail("value", "'\(value)' is not a list of scopes; expected scope numbers 1 to 3 separated by ';', such as 1;2;3, or none")
                    } else {
                        fact.scopes = Array(Set(scopes)).sorted()
                    }
                }
            case .pact, .productFootprints:
                fact.available = SupplierRegisterReader.yesNo(value)
                if fact.available == nil { r.fail("value", "'\(value)' is not yes or no; expected yes or no") }
            }
            if r.diagnostics.count == before, supplier != nil, source != nil, checked != nil { result.append((fact, r.row.line)) }
        }
        return result
    }

    static func membership(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "member", "yes", "true", "1": true
        case "none", "no", "false", "0", "not a member", "non-member": false
        default: nil
        }
    }

    /// A valid calendar date written YYYY-MM-DD.
    public static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int32(parts[0]), let m = Int32(parts[1]), let d = Int32(parts[2]), (1...12).contains(m), d >= 1
        else { return false }
        return d <= CivilDate.daysIn(month: m, year: y)
    }
}
