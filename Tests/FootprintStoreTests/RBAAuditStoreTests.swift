import FootprintCore
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// The RBA level and audit stored with the status fact, read back by the fast fact parser, and judged on the assessment date.
@Suite struct RBAAuditStoreTests {
    @Test func theAuditIsStoredAndShownInTheAssessment() throws {
        let t = try EngagementHistoryTests.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        // An audit of today: within any number of years of the assessment date (today).
        let today = Workspace.today()
        _ = try ws.suppliers.importSupplierStatus(
            path: t.file(
                "status.csv",
                "supplier,fact,value,source,checked_on,level,audit_date,audit_status\nA,rba,member,RBA,2026-01-01,Platinum,\(today),Gold\n"
            ),
            displayName: "status.csv"
        )
        let fact = try #require(try ws.suppliers.statusFacts(supplier: "A").first)
        #expect(fact.auditDate == today && fact.auditStatus == "Gold" && fact.level == "Platinum")
        // The fast parser reads the stored JSON (no fallback to Foundation's decoder).
        let stored = try ws.read { db in try String.fetchOne(db, sql: "SELECT value FROM supplier_status") ?? "" }
        #expect(StatusFactJSON.decode(stored) == fact)
        var rba = AssessmentCriteria.Criterion(id: "rba", kind: .rbaMember, weight: 10)
        rba.maximumAuditAgeYears = 3
        let criteria = AssessmentCriteria(criteria: [rba], tiers: [.init(name: "A", minimumScore: 0)])
        let overview = try #require(try ws.suppliers.supplierOverviews(id: "A").first)
        let result = try #require(SupplierAssessment.assess(overview.assessmentInput, criteria: criteria).results.first)
        #expect(result.credit == 1 && result.reason.hasPrefix("RBA member (Platinum); VAP audit \(today) Gold"), "\(result.reason)")
    }
}
