import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

/// The example company's 2024 Categories 6 and 7, worked out by hand from examples/nordic-it
/// (DESNZ 2024 figures; with RF, well-to-tank included, home-working included).
@Suite("Travel: the nordic-it example")
struct TravelExampleTests {
    static let folder = SharedFolder.packageRoot.appendingPathComponent("examples/nordic-it").path

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test func category6() throws {
        let result = try TravelCalculator.calculate(TravelDataReader.read(directory: Self.folder), period: ReportingPeriod(fiscalYear: 2024)!)
        let t = try #require(result.businessTravel)
        #expect(t.lines == 71)
        #expect(t.outsidePeriod == 2)
        // Air, return trips (pkm = 2 x one way x trips):
        //   OSL-ARN 397 km x 12 (class not given) and OSL-BGO 326 km x 8 (economy): under 483 km, domestic
        //   average passenger (the only domestic row): (9,528 + 5,216) pkm x 0.27257, WTT 0.0335;
        //   OSL-LHR 1,207 km x 3 economy: short-haul economy 7,242 pkm x 0.18287, WTT 0.02249;
        //   OSL-JFK 5,912 km x 2 economy: long-haul economy 23,648 pkm x 0.20011, WTT 0.02461;
        //   OSL-JFK 5,912 km x 1 business: long-haul business 11,824 pkm x 0.58028, WTT 0.07137.
        let air: Double = 14744 * 0.27257 + 7242 * 0.18287 + 23648 * 0.20011 + 11824 * 0.58028
        let airWithoutRF: Double = 14744 * 0.16098 + 7242 * 0.10794 + 23648 * 0.11812 + 11824 * 0.34252
        let airWTT: Double = 14744 * 0.0335 + 7242 * 0.02249 + 23648 * 0.02461 + 11824 * 0.07137
        #expect(Self.close(t.kg(.air), air))
        #expect(Self.close(t.airKgWithoutRF, airWithoutRF))
        // Rail Oslo-Stockholm 520 km x 6 return: 6,240 pkm.
        #expect(Self.close(t.kg(.rail), 6240 * 0.03546))
        // Road: coach 48 km x 4 return (384 pkm), taxi 25 km x 6 (150 pkm), rental cars 340 + 215 = 555 km.
        let road: Double = 384 * 0.02717 + 150 * 0.14861 + 555 * 0.16691
        #expect(Self.close(t.kg(.road), road))
        // Ferry Oslo-Kiel 670 km return: 1,340 pkm.
        #expect(Self.close(t.kg(.sea), 1340 * 0.1127))
        // Hotels: Sweden 12 x 2 and Norway 8 x 1 nights have no DESNZ 2024 figure (UK 10.4 used),
        // UK 3 x 3 nights at 10.4, United States 3 x 4 nights at 16.1.
        let hotel: Double = (24 + 8 + 9) * 10.4 + 12 * 16.1
        #expect(Self.close(t.kg(.hotel), hotel))
        #expect(t.fallbackNights == ["Norway": 8, "Sweden": 24])
        let groundWTT: Double = 6240 * 0.00897 + 384 * 0.00656 + 150 * 0.03697 + 555 * 0.04399 + 1340 * 0.02555
        let wtt = airWTT + groundWTT
        #expect(Self.close(t.wellToTankKg, wtt))
        let total = air + 6240 * 0.03546 + road + 1340 * 0.1127 + hotel + wtt
        #expect(Self.close(t.totalKg, total))
        #expect(Self.close(result.kgByCategory[.businessTravel]!, total))
        print("nordic-it 2024 Category 6:", t.totalKg, "kg; air", t.kg(.air), "without RF", t.airKgWithoutRF)
    }

    @Test func category7() throws {
        let result = try TravelCalculator.calculate(TravelDataReader.read(directory: Self.folder), period: ReportingPeriod(fiscalYear: 2024)!)
        let c = try #require(result.commuting)
        #expect(c.respondents == 60)
        #expect(c.workforce.headcount == 180 && c.workforce.workingWeeks == 46 && c.workforce.hoursPerDay == 7.5)
        // Each group: the sum of its respondents' one-way km x 2 x days a week x 46 weeks.
        //   metro-tram 118 km, 3 days: 32,568 pkm       rail 268 km, 4 days: 98,624 pkm
        //   bus 77 km, 5 days: 35,420 pkm               car-electric 122 km, 4 days: 44,896 km
        //   car-petrol 103 km, 3 days: 28,428 km        car-diesel 77 km, 5 days: 35,420 km
        //   motorbike 15 km, 3 days: 4,140 km           bicycle and walk: none
        //   home-working 72 days a week in all (15 x 2 + 10 + 8 + 6 + 3 x 2 + 2 + 2 x 5) x 46 x 7.5 = 24,840 FTE hours.
        let direct: Double =
            32568 * 0.0286 + 98624 * 0.03546 + 35420 * 0.10846 + 44896 * 0.04745 + 28428 * 0.1645 + 35420 * 0.16984 + 4140 * 0.11367
        let wtt: Double =
            32568 * 0.00749 + 98624 * 0.00897 + 35420 * 0.02649 + 44896 * 0.01049 + 28428 * 0.04599 + 35420 * 0.04146 + 4140 * 0.02956
        let home = 24840 * 0.33378
        let sample = direct + wtt + home
        #expect(Self.close(c.sampleKg, sample))
        #expect(Self.close(c.meanKgPerRespondent, sample / 60))
        #expect(Self.close(c.totalKg, sample / 60 * 180))
        #expect(Self.close(c.homeworkingKg, home / 60 * 180))
        #expect(Self.close(c.wellToTankKg, wtt / 60 * 180))
        #expect(Self.close(c.responseRate, 60.0 / 180))
        #expect(result.warnings.allSatisfy { !$0.hasPrefix("commuting") })
        print("nordic-it 2024 Category 7:", c.totalKg, "kg; mean per respondent", c.meanKgPerRespondent)
        print(result.text())
    }
}
