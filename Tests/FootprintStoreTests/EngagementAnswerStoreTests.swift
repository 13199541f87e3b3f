import FootprintCore
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// Typed answers stored with the `received` event of their request, read back as written, and refused
/// when invalid or for another kind of request.
@Suite struct EngagementAnswerStoreTests {
    @Test func typedAnswersRoundTripAndAreHistory() throws {
        let t = try EngagementHistoryTests.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let energy = try ws.suppliers.addEngagementRequest(
            supplier: "A",
            kind: .energy,
            ask: "2025 energy use and the laptop's use phase",
            dueOn: "2026-03-31",
            product: "urn:gtin:123",
            requestedOn: "2026-01-05"
        )
        let takeBack = try ws.suppliers.addEngagementRequest(
            supplier: "B",
            kind: .takeBack,
            ask: "2025 take-back",
            dueOn: "2026-03-31",
            requestedOn: "2026-01-05"
        )
        let pcf = try ws.suppliers.addEngagementRequest(supplier: "C", kind: .pcf, ask: "PCFs", dueOn: "2026-03-31", requestedOn: "2026-01-05")
        let e = EngagementAnswer.energy(
            EnergyAnswer(
                year: 2025,
                electricityKWh: "120000",
                renewablePercent: "64.5",
                otherEnergyKWh: "8000",
                product: "urn:gtin:123",
                typicalPowerW: "45",
                lifetimeYears: "5"
            )
        )
        let answered = try ws.suppliers.answerEngagementRequest(id: energy.id, answer: e, on: "2026-02-01", note: "from the CSR report")
        #expect(answered.status == .received && answered.answers == [e] && answered.events.last?.note == "from the CSR report")
        // Invalid answers, and answers of another kind, are refused and record nothing.
        let bad = EngagementAnswer.takeBack(TakeBackAnswer(year: 2025, kgReturned: "10", reusedPercent: "28", recycledPercent: "99.9"))
        #expect {
            try ws.suppliers.answerEngagementRequest(id: takeBack.id, answer: bad)
        } throws: { error in
            "\(error)".contains("the answer to request #\(takeBack.id) was not recorded: the shares add up to 127.9%")
        }
        #expect(throws: WorkspaceError.self) { try ws.suppliers.answerEngagementRequest(id: pcf.id, answer: e) }
        #expect(throws: WorkspaceError.self) { try ws.suppliers.answerEngagementRequest(id: takeBack.id, answer: e) }
        #expect(try ws.suppliers.engagementRequest(id: takeBack.id).status == .requested)
        let tb = EngagementAnswer.takeBack(
            TakeBackAnswer(
                year: 2025,
                unitsReturned: "1200",
                kgReturned: "5400",
                reusedPercent: "28",
                recycledPercent: "71.928",
                residualPercent: "0.072"
            )
        )
        _ = try ws.suppliers.answerEngagementRequest(id: takeBack.id, answer: tb, on: "2026-02-02")

        // Read back from a reopened workspace, typed, column by column.
        let reopened = try Workspace(path: t.path)
        #expect(try reopened.suppliers.engagementRequest(id: energy.id).answers == [e])
        let received = try reopened.suppliers.engagementAnswers(kind: .takeBack)
        #expect(received == [ReceivedAnswer(request: takeBack.id, supplier: "B", product: nil, on: "2026-02-02", answer: tb)])
        #expect(try reopened.suppliers.engagementAnswers().map(\.request) == [energy.id, takeBack.id])
        let row = try #require(
            try reopened.read { db in try Row.fetchOne(db, sql: "SELECT * FROM engagement_answer WHERE request_id = ?", arguments: [takeBack.id]) }
        )
        #expect(row["kind"] as String == "take-back" && row["recycled_percent"] as String == "71.928" && (row["electricity_kwh"] as String?) == nil)
        #expect(throws: (any Error).self) { try reopened.transaction { db in try db.execute(sql: "UPDATE engagement_answer SET year = 2024") } }
    }
}

/// The energy answers reach the assessment: the newest of each supplier, read in one query.
@Suite struct EnergyAnswerAssessmentTests {
    @Test func theNewestEnergyAnswerIsAssessed() throws {
        let t = try EngagementHistoryTests.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let request = try ws.suppliers.addEngagementRequest(
            supplier: "A",
            kind: .energy,
            ask: "energy",
            dueOn: "2026-03-31",
            requestedOn: "2026-01-05"
        )
        _ = try ws.suppliers.answerEngagementRequest(
            id: request.id,
            answer: .energy(EnergyAnswer(year: 2025, electricityKWh: "5000", renewablePercent: "80")),
            on: "2026-02-01"
        )
        _ = try ws.suppliers.answerEngagementRequest(
            id: request.id,
            answer: .energy(EnergyAnswer(year: 2024, electricityKWh: "4000", renewablePercent: "20")),
            on: "2026-02-10"
        )
        var criterion = AssessmentCriteria.Criterion(id: "renewables", kind: .renewableElectricity, weight: 10)
        criterion.minimumPercent = 75
        let criteria = AssessmentCriteria(criteria: [criterion], tiers: [AssessmentCriteria.Tier(name: "A", minimumScore: 0)])
        let overviews = try ws.suppliers.supplierOverviews(withRun: false)
        let a = try #require(overviews.first { $0.record.id == "A" })
        #expect(a.energyAnswers.map(\.answer.year) == [2025, 2024])
        #expect(a.assessmentInput.energy?.answer.renewablePercent == "80", "the newest year, though answered earlier")
        #expect(SupplierAssessment.assess(a.assessmentInput, criteria: criteria).results[0].credit == 1)
        let b = try #require(overviews.first { $0.record.id == "B" })
        #expect(b.energyAnswers.isEmpty && b.assessmentInput.energy == nil)
        let unknown = SupplierAssessment.assess(b.assessmentInput, criteria: criteria).results[0]
        #expect(unknown.credit == 0 && unknown.reason.hasPrefix("no energy answer recorded"))
        // Answers recorded after a snapshot's time do not count for it.
        let before = try ws.suppliers.supplierOverviews(factsAsOf: "2000-01-01T00:00:00Z", withRun: false)
        #expect(before.allSatisfy { $0.energyAnswers.isEmpty })
    }
}
