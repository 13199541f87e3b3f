import FootprintCore
import Foundation
import Testing

/// Typed answers to energy and take-back requests: validated field by field, and read back as written.
@Suite struct EngagementAnswerTests {
    @Test func validAnswersHaveNoProblems() {
        let energy = EnergyAnswer(
            year: 2025,
            electricityKWh: "120000",
            renewablePercent: "64.5",
            otherEnergyKWh: "8000",
            product: "urn:gtin:123",
            typicalPowerW: "45",
            lifetimeYears: "5"
        )
        #expect(energy.problems().isEmpty)
        // One vendor reuses 28% of what is returned and recycles 99.9% of the rest: 71.928% recycled, 0.072% residual.
        let takeBack = TakeBackAnswer(
            year: 2025,
            unitsReturned: "1200",
            kgReturned: "5400",
            reusedPercent: "28",
            recycledPercent: "71.928",
            residualPercent: "0.072"
        )
        #expect(takeBack.problems().isEmpty)
        // Rounded shares may add up a little above 100.
        #expect(
            TakeBackAnswer(year: 2025, kgReturned: "10", reusedPercent: "33.4", recycledPercent: "33.4", residualPercent: "33.4").problems().isEmpty
        )
        #expect(EngagementAnswer.takeBack(takeBack).summary == "2025: returned 1200 units, 5400 kg; 28% reused, 71.928% recycled, 0.072% residual")
        #expect(
            EngagementAnswer.energy(energy).summary
                == "2025: electricity 120000 kWh, 64.5% renewable, other energy 8000 kWh; product urn:gtin:123: typical power 45 W, lifetime 5 years"
        )
    }

    @Test(arguments: [
        (
            EngagementAnswer.energy(EnergyAnswer(year: 2025, electricityKWh: "-5", renewablePercent: "50")),
            "electricity_kwh '-5' is not an amount in kWh"
        ),
        (.energy(EnergyAnswer(year: 2025, electricityKWh: "100", renewablePercent: "120")), "renewable_percent '120' is not a share in percent"),
        (.energy(EnergyAnswer(year: 2025, electricityKWh: "1,5", renewablePercent: "50")), "electricity_kwh '1,5' is not an amount"),
        (.energy(EnergyAnswer(year: 25, electricityKWh: "100", renewablePercent: "50")), "year 25 is not a reporting year"),
        (.energy(EnergyAnswer(year: 2025, electricityKWh: "100", renewablePercent: "50", typicalPowerW: "45")), "give the product id (product)"),
        (.energy(EnergyAnswer(year: 2025, electricityKWh: "100", renewablePercent: "50", product: "p", lifetimeYears: "0")), "lifetime_years '0'"),
        (.takeBack(TakeBackAnswer(year: 2025, reusedPercent: "28")), "give what was returned: units_returned, kg_returned or both"),
        (.takeBack(TakeBackAnswer(year: 2025, unitsReturned: "12.5")), "units_returned '12.5' is not a number of units"),
        (.takeBack(TakeBackAnswer(year: 2025, kgReturned: "10", recycledPercent: "101")), "recycled_percent '101' is not a share in percent"),
        (.takeBack(TakeBackAnswer(year: 2025, kgReturned: "10", reusedPercent: "28", recycledPercent: "99.9")), "the shares add up to 127.9%"),
    ])
    func invalidAnswersNameTheirField(answer: EngagementAnswer, problem: String) {
        #expect(answer.problems().contains { $0.hasPrefix(problem) || $0.contains(problem) }, "\(answer.problems())")
    }

    @Test func answersRoundTripThroughJSON() throws {
        let answers: [EngagementAnswer] = [
            .energy(EnergyAnswer(year: 2025, electricityKWh: "120000", renewablePercent: "64.5", product: "urn:gtin:1", typicalPowerW: "45")),
            .takeBack(TakeBackAnswer(year: 2024, unitsReturned: "1200", reusedPercent: "28", recycledPercent: "71.928")),
        ]
        for answer in answers {
            let data = try JSONEncoder().encode(answer)
            #expect(try JSONDecoder().decode(EngagementAnswer.self, from: data) == answer)
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(object["kind"] as? String == answer.kind.rawValue && object["year"] is Int)
        }
    }
}
