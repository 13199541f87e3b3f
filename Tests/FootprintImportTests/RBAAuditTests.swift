import FootprintCore
import FootprintImport
import Foundation
import Testing

/// RBA membership level and the latest VAP audit: read from supplier_status.csv, shown, and judged by
/// an rba-member criterion that requires an audit at most N years old.
@Suite struct RBAAuditTests {
    static func status(_ text: String) throws -> (facts: [SupplierStatusFact], problems: [String]) {
        var diagnostics: [Diagnostic] = []
        let t = try CSVTable.parse(data: Data(text.utf8), file: "supplier_status.csv", diagnostics: &diagnostics)
        let facts = try SupplierStatusReader.facts(t, &diagnostics).map(\.fact)
        return (facts, diagnostics.map(\.description))
    }

    @Test func levelAndAuditAreReadAndShown() throws {
        let read = try Self.status(
            """
            supplier,fact,value,source,checked_on,level,audit_date,audit_status
            S1,rba,member,RBA member list,2026-09-01,Platinum,2025-03-14,Gold
            S2,rba,member,RBA member list,2026-09-01,Regular,,
            S3,rba,member,x,2026-09-01,Affiliate,2025-02-30,
            S4,sbti,committed,x,2026-09-01,,2025-01-01,
            S5,rba,member,x,2026-09-01,,,Silver

            """
        )
        #expect(read.facts.first?.summary == "member (Platinum); VAP audit 2025-03-14 Gold")
        #expect(read.facts.first?.auditDate == "2025-03-14" && read.facts.first?.auditStatus == "Gold")
        #expect(
            read.problems == [
                "supplier_status.csv:4: column 'audit_date': '2025-02-30' is not a valid date; expected YYYY-MM-DD (ISO 8601), the date of the latest VAP audit",
                "supplier_status.csv:5: column 'audit_date': applies to rba facts only; leave it empty in a 'sbti' row",
                "supplier_status.csv:6: column 'audit_status': an audit status needs its audit_date (YYYY-MM-DD)",
            ]
        )
    }

    static func rba(level: String = "Platinum", audit: String?) -> SupplierStatusFact {
        var f = SupplierStatusFact(supplier: "S1", kind: .rba, source: "RBA", checkedOn: "2026-09-01")
        f.member = true
        f.level = level
        f.auditDate = audit
        f.auditStatus = audit == nil ? nil : "Gold"
        return f
    }

    @Test(
        arguments: [
            ("2024-06-01", "2027-01-15", 1.0, "RBA member (Platinum); VAP audit 2024-06-01 Gold"),
            ("2024-01-14", "2027-01-15", 0.0, "older than 3 years (before 2024-01-15)"),
            (nil, "2027-01-15", 0.0, "no VAP audit recorded; an audit at most 3 years old is required"),
            ("2024-06-01", "", 0.0, "cannot be judged without the assessment date"),
        ] as [(String?, String, Double, String)]
    )
    func anAuditNotOlderThanNYears(audit: String?, asOf: String, credit: Double, reason: String) throws {
        var criterion = AssessmentCriteria.Criterion(id: "rba", kind: .rbaMember, weight: 10)
        criterion.maximumAuditAgeYears = 3
        let criteria = AssessmentCriteria(criteria: [criterion], tiers: [.init(name: "A", minimumScore: 0)])
        let input = AssessmentInput(supplier: SupplierRecord(id: "S1", name: "S1"), latest: [.rba: Self.rba(audit: audit)], asOf: asOf)
        let result = try #require(SupplierAssessment.assess(input, criteria: criteria).results.first)
        #expect(result.credit == credit && result.reason.contains(reason), "\(result.reason)")
    }

    @Test func theCriteriaFileTakesTheAuditAge() throws {
        let json = """
            { "criteria": [ { "id": "rba", "kind": "rba-member", "weight": 15, "maximum_audit_age_years": 2 },
                            { "id": "sbt", "kind": "science-based-target", "weight": 30, "maximum_audit_age_years": 2 } ],
              "tiers": [ { "name": "A", "minimum_score": 0 } ] }
            """
        let criteria = try JSONDecoder().decode(AssessmentCriteria.self, from: Data(json.utf8))
        #expect(criteria.criteria[0].maximumAuditAgeYears == 2)
        #expect(criteria.problems() == ["criterion 'sbt': 'maximum_audit_age_years' is for rba-member criteria and 0 or more; got 2"])
    }
}
