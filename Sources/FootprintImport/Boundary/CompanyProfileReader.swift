public import FootprintCore
import Foundation

/// Reads `company.json` (docs/inventory.md): the reporting company, its consolidation approach,
/// fiscal year, legal entities and the Scope 3 categories it does not report with their
/// justification. Every problem is reported with the key it is in; nothing is returned if there is one.
///
/// ```json
/// {"company": "Nordlys IT AS", "consolidation_approach": "operational-control", "fiscal_year_start_month": 1,
///  "entities": [{"id": "NO", "name": "Nordlys IT AS", "country": "NO", "equity_share": 1}],
///  "excluded_scope3_categories": {"10": "no sold product is processed further"},
///  "pact_company_ids": ["urn:lei:5493001KJTIIGC8Y1R12"]}
/// ```
public enum CompanyProfileReader {
    public static let fileName = "company.json"

    public static func read(path: String, displayName: String = fileName) throws(InputError) -> OrganisationalBoundary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: displayName, message: "cannot be read: '\(path)' does not exist or is not readable")
        }
        return try parse(data, file: displayName)
    }

    public static func parse(_ data: Data, file: String = fileName) throws(InputError) -> OrganisationalBoundary {
        let document: JSONValue
        do { document = try JSONValue.parse(data) } catch {
            throw InputError(file: file, line: error.line, message: "column \(error.column): found \(error.found); expected \(error.expected)")
        }
        var problems: [Diagnostic] = []
        func fail(_ key: String, _ message: String) { problems.append(Diagnostic(file: file, line: 0, message: "'\(key)': \(message)")) }
        guard let members = document.objectMembers else { throw InputError(file: file, message: "expected a JSON object") }
        let known: Set = [
            "company", "consolidation_approach", "fiscal_year_start_month", "entities", "excluded_scope3_categories", "pact_company_ids",
        ]
        for (key, _) in members where !known.contains(key) {
            fail(key, "unknown key; expected one of \(known.sorted().joined(separator: ", "))")
        }
        var boundary = OrganisationalBoundary()
        if let value = document["company"] {
            if let name = value.stringValue { boundary.company = name } else { fail("company", "expected the company's name as a string") }
        }
        if let value = document["consolidation_approach"] {
            if let text = value.stringValue, let approach = ConsolidationApproach(rawValue: text) {
                boundary.approach = approach
            } else {
                fail(
                    "consolidation_approach",
                    "\(value.compactString()) is not an approach; expected one of \(ConsolidationApproach.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
        }
        if let value = document["fiscal_year_start_month"] {
            if let month = number(value), let m = Int(exactly: month), (1...12).contains(m) {
                boundary.fiscalYearStart = m
            } else {
                fail("fiscal_year_start_month", "\(value.compactString()) is not a month; expected 1 (January) to 12")
            }
        }
        if let value = document["entities"] {
            guard let array = value.arrayValue else {
                fail("entities", "expected an array of {\"id\", \"name\", \"country\", \"equity_share\"}")
                return try finish(boundary, problems)
            }
            var seen: Set<String> = []
            for (i, entity) in array.enumerated() {
                let key = "entities[\(i)]"
                guard let id = entity["id"]?.stringValue, !id.isEmpty else {
                    fail(key, "expected an object with a non-empty \"id\"")
                    continue
                }
                if !seen.insert(id).inserted { fail(key, "entity '\(id)' appears twice; each entity once") }
                var share = 1.0
                if let value = entity["equity_share"] {
                    share = number(value) ?? -1
                    if !(0...1).contains(share) {
                        fail(key + ".equity_share", "\(value.compactString()) is not a share; expected a number from 0 to 1")
                    }
                }
                boundary.entities.append(
                    .init(id: id, name: entity["name"]?.stringValue ?? id, country: entity["country"]?.stringValue, equityShare: share)
                )
            }
        }
        if let value = document["excluded_scope3_categories"] {
            guard let excluded = value.objectMembers else {
                fail("excluded_scope3_categories", "expected an object of category number to justification")
                return try finish(boundary, problems)
            }
            for (key, justification) in excluded {
                guard let category = Scope3Category(parsing: key) else {
                    fail("excluded_scope3_categories.\(key)", "'\(key)' is not a Scope 3 category; expected 1 to 15")
                    continue
                }
                guard let text = justification.stringValue, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    fail("excluded_scope3_categories.\(key)", "expected the justification as a non-empty string (the GHG Protocol asks for one)")
                    continue
                }
                boundary.excludedScope3[category] = text
            }
        }
        if let value = document["pact_company_ids"] {
            let ids = value.arrayValue?.compactMap(\.stringValue) ?? []
            if ids.isEmpty || ids.count != value.arrayValue?.count {
                fail("pact_company_ids", "expected an array of URNs (\"urn:...\"), the companyIds of the footprints we publish")
            } else if let bad = ids.first(where: { !$0.lowercased().hasPrefix("urn:") || $0.count < 5 }) {
                fail(
                    "pact_company_ids",
                    "'\(bad)' is not a URN; expected ids such as \"urn:lei:...\" or \"urn:pact:company:customcode:buyer-assigned:...\""
                )
            } else if Set(ids.map { $0.lowercased() }).count != ids.count {
                fail("pact_company_ids", "an id is given twice; expected each id once")
            } else {
                boundary.pactCompanyIDs = ids
            }
        }
        return try finish(boundary, problems)
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let n): Double(n)
        case .number(let x): x
        case .decimal(let text): Double(text)
        default: nil
        }
    }

    private static func finish(_ boundary: OrganisationalBoundary, _ problems: [Diagnostic]) throws(InputError) -> OrganisationalBoundary {
        guard problems.isEmpty else { throw InputError(problems) }
        return boundary
    }
}
