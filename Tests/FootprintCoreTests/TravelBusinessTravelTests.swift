import FootprintCore
import Testing

/// Category 6, hand-computed from the DESNZ 2024 figures the built-in table cites.
@Suite("Travel: Category 6")
struct TravelBusinessTravelTests {
    static let period = ReportingPeriod(fiscalYear: 2024)!

    static func trip(
        _ mode: TravelMode,
        _ km: Double? = nil,
        line: Int = 2,
        date: Int32 = 2024_03_15,
        nights: Double? = nil,
        country: String? = nil
    )
        -> Trip
    {
        Trip(location: SourceLocation(file: "travel.csv", line: line), date: date, mode: mode, distanceKm: km, nights: nights, country: country)
    }

    static func run(_ trips: [Trip], _ settings: TravelSettings = TravelSettings()) throws -> TravelResult {
        try TravelCalculator.calculate(TravelData(trips: trips), period: period, settings: settings)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test(arguments: [
        (TravelMode.rail, 100.0, 0.03546, 0.00897, TravelPart.rail),
        (.bus, 100, 0.02717, 0.00656, .road),
        (.taxi, 100, 0.14861, 0.03697, .road),
        (.carRental, 100, 0.16691, 0.04399, .road),
        (.ferry, 100, 0.1127, 0.02555, .sea),
    ])
    func groundModes(mode: TravelMode, km: Double, factor: Double, wtt: Double, part: TravelPart) throws {
        let result = try Self.run([Self.trip(mode, km)])
        let travel = try #require(result.businessTravel)
        #expect(Self.close(travel.kg(part), km * factor))
        #expect(Self.close(travel.wellToTankKg, km * wtt))
        #expect(Self.close(travel.totalKg, km * (factor + wtt)))
        #expect(result.lines[0].factor?.source.contains("sheet 'Business travel-") == true)
        #expect(result.kgByCategory == [.businessTravel: travel.totalKg])
    }

    @Test func airWithAndWithoutRadiativeForcing() throws {
        // 1,000 km long-haul economy: with RF 0.20011 (E28), without 0.11812 (I28), WTT 0.02461 (E25/F25).
        var t = Self.trip(.air, 1000)
        t.haul = .longHaul
        t.seat = .economy
        let with = try #require(try Self.run([t]).businessTravel)
        #expect(Self.close(with.kg(.air), 200.11))
        #expect(Self.close(with.airKgWithoutRF, 118.12))
        #expect(Self.close(with.airRFKg, 81.99))
        #expect(Self.close(with.totalKg, 200.11 + 24.61))
        let withoutResult = try Self.run([t], TravelSettings(radiativeForcing: .without))
        let without = try #require(withoutResult.businessTravel)
        #expect(Self.close(without.kg(.air), 118.12))
        #expect(without.airRFKg == 0)
        #expect(Self.close(without.totalKg, 118.12 + 24.61))
        #expect(withoutResult.lines[0].radiativeForcing == .without)
        #expect(withoutResult.lines[0].factor?.cell == "I28")
        #expect(withoutResult.json().rendered().contains(#""radiative_forcing": "without""#))
    }

    @Test(arguments: [
        (300.0, FlightHaul.domestic, 0.27257),
        (482.9, .domestic, 0.27257),
        (483, .shortHaul, 0.18592),
        (3699, .shortHaul, 0.18592),
        (3700, .longHaul, 0.26128),
    ])
    func distanceBand(km: Double, haul: FlightHaul, factor: Double) throws {
        #expect(FlightHaul.band(distanceKm: km) == haul)
        let result = try Self.run([Self.trip(.air, km)])
        #expect(Self.close(result.businessTravel!.kg(.air), km * factor))
        #expect(result.lines[0].note?.contains("\(haul.rawValue) by distance") == true)
        #expect(result.lines[0].note?.contains("class not given: average passenger") == true)
    }

    @Test func returnDoublesTheDistanceButKeepsTheBand() throws {
        var t = Self.trip(.air, 400)
        t.isReturn = true
        let result = try Self.run([t])
        // 800 pkm at the domestic average (400 km one way is under 483 km).
        #expect(Self.close(result.businessTravel!.kg(.air), 800 * 0.27257))
        #expect(Self.close(result.businessTravel!.wellToTankKg, 800 * 0.0335))
    }

    @Test func classesWithoutARowUseTheNearest() throws {
        var premium = Self.trip(.air, 1000)
        premium.seat = .premiumEconomy
        var first = Self.trip(.air, 1000, line: 3)
        first.seat = .first
        var domestic = Self.trip(.air, 300, line: 4)
        domestic.seat = .business
        let result = try Self.run([premium, first, domestic])
        #expect(result.lines.map { $0.factor!.cell } == ["E25", "E26", "E23"])
        #expect(Self.close(result.businessTravel!.kg(.air), 1000 * 0.18287 + 1000 * 0.2743 + 300 * 0.27257))
        #expect(result.lines[0].note?.contains("no short-haul premium-economy row: economy used") == true)
    }

    @Test func hotelNightsAndTheFallback() throws {
        let result = try Self.run([
            Self.trip(.hotel, line: 2, nights: 3, country: "Germany"),
            Self.trip(.hotel, line: 3, nights: 2, country: "Norway"),
        ])
        let travel = try #require(result.businessTravel)
        // Germany 13.2 (D43); Norway has no 2024 figure: UK 10.4 (D22).
        #expect(Self.close(travel.kg(.hotel), 3 * 13.2 + 2 * 10.4))
        #expect(travel.wellToTankKg == 0)
        #expect(travel.fallbackNights == ["Norway": 2])
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].contains("'Norway' (2 room nights)"))
        #expect(result.lines[1].note == "no figure for 'Norway': Hotel stay, UK used")
    }

    @Test func rowsOutsideThePeriodAreLeftOutAndCounted() throws {
        let result = try Self.run([Self.trip(.rail, 100), Self.trip(.rail, 999, line: 3, date: 2023_12_31)])
        let travel = try #require(result.businessTravel)
        #expect(travel.lines == 1)
        #expect(travel.outsidePeriod == 1)
        #expect(Self.close(travel.kg(.rail), 3.546))
        #expect(result.lines.count == 1)
    }

    @Test func wellToTankCanBeLeftOut() throws {
        let result = try Self.run([Self.trip(.rail, 100)], TravelSettings(includeWellToTank: false))
        #expect(result.businessTravel!.wellToTankKg == 0)
        #expect(Self.close(result.businessTravel!.totalKg, 3.546))
        #expect(result.json().rendered().contains(#""well_to_tank_included": false"#))
    }

    @Test func theTotalIsTheSumOfItsParts() throws {
        let trips = TravelMode.allCases.enumerated().map { i, m in
            m == .hotel ? Self.trip(.hotel, line: i + 2, nights: 2, country: "UK") : Self.trip(m, Double(100 * (i + 1)), line: i + 2)
        }
        let result = try Self.run(trips)
        let travel = try #require(result.businessTravel)
        let parts = TravelPart.allCases.map { travel.kg($0) }.reduce(0, +) + travel.wellToTankKg
        #expect(Self.close(travel.totalKg, parts))
        #expect(Self.close(travel.totalKg, result.lines.map(\.totalKg).reduce(0, +)))
    }

    @Test func jsonAndText() throws {
        let result = try Self.run([Self.trip(.rail, 100)])
        let json = result.json(lines: true).rendered()
        for key in [
            "\"category6_kgco2e\"", "\"category7_kgco2e\": null", "\"air_rf_kgco2e\"", "\"rail_kgco2e\"", "\"wtt_kgco2e\"", "\"outside_period\"",
            "\"factor_source\": \"UK Government GHG Conversion Factors for Company Reporting 2024 (DESNZ), full set v1.1, sheet 'Business travel- land', row 87, cell D87",
        ] {
            #expect(json.contains(key), "\(key)")
        }
        let text = result.text()
        #expect(text.contains("3.6 Business travel: 4.4 kg CO2e (1 lines; 0 outside the period, left out)"))
        #expect(text.contains("3.7 Employee commuting: not computed (no commuting_survey.csv)"))
        #expect(text.contains("choices: air with radiative forcing"))
    }
}
