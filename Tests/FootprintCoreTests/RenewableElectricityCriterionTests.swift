import Foundation
import Testing

@testable import FootprintCore

/// The renewable-electricity criterion reads the newest energy answer: of the newest reporting year,
/// the one received last; without one the share is unknown.
@Suite struct RenewableElectricityCriterionTests {
    static func criteria(minimum: Double, whenUnknown: AssessmentCriteria.Criterion.WhenUnknown? = nil) -> AssessmentCriteria {
        var c = AssessmentCriteria.Criterion(id: "renewables", kind: .renewableElectricity, weight: 10)
        c.minimumPercent = minimum
        c.whenUnknown = whenUnknown
        let sbti = AssessmentCriteria.Criterion(id: "sbti", kind: .scienceBasedTarget, weight: 10)
        return AssessmentCriteria(criteria: [c, sbti], tiers: [AssessmentCriteria.Tier(name: "A", minimumScore: 0)])
    }

    static func answer(_ year: Int, _ percent: String, on: String, event: Int64) -> RecordedEnergyAnswer {
        RecordedEnergyAnswer(answer: EnergyAnswer(year: year, electricityKWh: "1000", renewablePercent: percent), on: on, event: event)
    }

    static func assess(
        _ answers: [RecordedEnergyAnswer],
        minimum: Double,
        whenUnknown: AssessmentCriteria.Criterion.WhenUnknown? = nil
    )
        -> SupplierAssessment.Result
    {
        let input = AssessmentInput(supplier: SupplierRecord(id: "S1", name: "S"), energy: RecordedEnergyAnswer.newest(answers))
        return SupplierAssessment.assess(input, criteria: criteria(minimum: minimum, whenUnknown: whenUnknown)).results[0]
    }

    @Test func theNewestYearsLatestAnswerDecides() {
        // 2024 answered 90% late; 2025 answered 40%, corrected to 60% (received later); another 2025 answer the same day recorded first.
        let answers = [
            Self.answer(2025, "40", on: "2026-02-01", event: 3),
            Self.answer(2024, "90", on: "2026-05-01", event: 9),
            Self.answer(2025, "60", on: "2026-03-01", event: 5),
            Self.answer(2025, "10", on: "2026-03-01", event: 4),
        ]
        #expect(RecordedEnergyAnswer.newest(answers)?.answer.renewablePercent == "60")
        let met = Self.assess(answers, minimum: 50)
        #expect(met.credit == 1 && met.points == 10 && met.counted)
        #expect(met.reason == "60% of 1000 kWh electricity renewable in 2025 (energy answer received 2026-03-01), at least 50%")
        let below = Self.assess(answers, minimum: 75)
        #expect(below.credit == 0 && below.counted && below.reason.hasSuffix("below 75%"))
        #expect(Self.assess(answers, minimum: 60).credit == 1, "the minimum itself earns full credit")
    }

    @Test func noAnswerIsNotKnown() {
        let zero = Self.assess([], minimum: 50)
        #expect(zero.credit == 0 && zero.counted)
        #expect(zero.reason.hasPrefix("no energy answer recorded: renewable electricity share unknown"))
        #expect(zero.reason.contains("requests add S1 --kind energy"))
        let excluded = Self.assess([], minimum: 50, whenUnknown: .exclude)
        #expect(!excluded.counted && excluded.points == 0)
    }

    @Test func theCriterionNeedsAMinimumInPercent() {
        var c = AssessmentCriteria.Criterion(id: "r", kind: .renewableElectricity, weight: 5)
        let tiers = [AssessmentCriteria.Tier(name: "A", minimumScore: 0)]
        #expect(
            AssessmentCriteria(criteria: [c], tiers: tiers).problems() == [
                "criterion 'r': a renewable-electricity criterion needs 'minimum_percent', such as 50"
            ]
        )
        c.minimumPercent = 120
        #expect(
            AssessmentCriteria(criteria: [c], tiers: tiers).problems().first?.contains("'minimum_percent' 120.0 is not a share in percent") == true
        )
        c.minimumPercent = 50
        #expect(AssessmentCriteria(criteria: [c], tiers: tiers).problems().isEmpty)
        var cdp = AssessmentCriteria.Criterion(id: "c", kind: .cdpScore, weight: 5)
        cdp.minimumCDPScore = .b
        cdp.minimumPercent = 50
        #expect(
            AssessmentCriteria(criteria: [cdp], tiers: tiers).problems() == ["criterion 'c': 'minimum_percent' is for renewable-electricity criteria"]
        )
    }

    @Test func theCriteriaFileReadsTheKind() throws {
        let json = """
            {"criteria": [{"id": "renewables", "kind": "renewable-electricity", "weight": 10, "minimum_percent": 50, "when_unknown": "exclude"}],
             "tiers": [{"name": "A", "minimum_score": 0}]}
            """
        let criteria = try JSONDecoder().decode(AssessmentCriteria.self, from: Data(json.utf8))
        #expect(criteria.criteria[0].kind == .renewableElectricity && criteria.criteria[0].minimumPercent == 50)
        #expect(criteria.problems().isEmpty)
    }
}
