import FootprintCore
import Testing

/// Categories 11 and 12 and the return programme against hand-computed fixtures: the GHG Protocol's
/// worked examples [11.1] and [12.1] (docs/downstream.md), the IT-equipment illustration, and the
/// mission's take-back programme.
@Suite("Downstream: Categories 11, 12 and the return programme")
struct DownstreamCalculatorTests {
    static let period = ReportingPeriod(fiscalYear: 2024)!
    static func at(_ line: Int, _ file: String = "sales.csv") -> FootprintCore.SourceLocation { FootprintCore.SourceLocation(file: file, line: line) }
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
    /// An illustrative location-based grid factor for a country, as a grid_factors.csv row gives it.
    static func grid(_ area: String, _ kg: Double) -> GridFactor {
        GridFactor(area: area, year: 2024, basis: .location, kgPerKWh: kg, source: "test", location: at(2, "grid_factors.csv"))
    }

    /// [11.1]: lifetime uses × sold × kWh per use × 0.5. A product's kWh per year × lifetime in years
    /// equals its lifetime uses × kWh per use: X100 1,000 uses of 1.3 kWh over 10 years is 130 kWh a year.
    @Test func worked11_1() throws {
        let data = DownstreamData(
            sales: [
                Sale(location: Self.at(2), date: 20_240_301, product: "X100", quantity: 11500, country: "GB"),
                Sale(location: Self.at(3), date: 20_240_401, product: "X200", quantity: 1900, country: "GB"),
                Sale(location: Self.at(4), date: 20_240_501, product: "Y123", quantity: 20000, country: "GB"),
            ],
            useProfiles: [
                UseProfile(location: Self.at(2, "u"), product: "X100", productType: "washer", kwhPerYear: 130, lifetimeYears: 10, source: "a"),
                UseProfile(location: Self.at(3, "u"), product: "X200", productType: "washer", kwhPerYear: 165, lifetimeYears: 10, source: "a"),
                UseProfile(location: Self.at(4, "u"), product: "Y123", productType: "iron", kwhPerYear: 40, lifetimeYears: 10, source: "a"),
            ]
        )
        let result = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: [Self.grid("GB", 0.5)])
        let kg = result.lines.filter { $0.part == .use }.map(\.kg)
        #expect(kg.count == 3)
        #expect(Self.close(kg[0], 7_475_000) && Self.close(kg[1], 1_567_500) && Self.close(kg[2], 4_000_000))
        #expect(Self.close(try #require(result.usePhase).kg, 13_042_500))
        #expect(Self.close(try #require(result.kgByCategory[.useOfSoldProducts]), 13_042_500))
        // No mass: each sale is a stated, counted exclusion from Category 12.
        #expect(result.exclusions.count == 3 && result.exclusions.allSatisfy { $0.category == .endOfLifeTreatmentOfSoldProducts })
        #expect(result.endOfLife?.excludedUnits == 33400)
    }

    /// The IT-equipment illustration: 100 switches, 150 W, 24 × 365 h, 5 years, 0.03 kg/kWh: 19,710 kg.
    /// The switch takes its type's default (power, hours, lifetime) and the factor's source is recorded.
    @Test func switchIllustration() throws {
        let data = DownstreamData(
            sales: [Sale(location: Self.at(7), date: 20_240_610, product: "SW-1", quantity: 100, country: "XA", productType: "switch")],
            useProfiles: [
                UseProfile(
                    location: Self.at(2, "product_use.csv"),
                    product: nil,
                    productType: "switch",
                    powerW: 150,
                    hoursPerYear: 8760,
                    lifetimeYears: 5,
                    source: "illustration"
                ),
                UseProfile(location: Self.at(3, "product_use.csv"), product: "SW-1", productType: "switch", source: "vendor list"),
            ]
        )
        let result = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: [Self.grid("XA", 0.03)])
        let line = try #require(result.lines.first)
        #expect(Self.close(line.kg, 19_710) && Self.close(line.activity, 657_000) && line.activityUnit == "kWh")
        #expect(line.steps[0] == "150 W × 8760 h per year / 1000 = 1314 kWh per year (product_use.csv:2)")
        #expect(line.steps[1].hasSuffix("= 657000 kWh over the products' life"))
        #expect(line.factor?.source == "test (grid_factors.csv:2)" && line.inputSource == "illustration")
        #expect(line.location == Self.at(7) && line.category == .useOfSoldProducts)
    }

    /// [12.1]: 10,000 kg, landfill 90% × 0.3, incineration 10% × 1.0, recycling 0%: 3,700 kg.
    @Test func worked12_1() throws {
        let factors = DownstreamFactors(
            weee: [
                .landfill: CitedFactor(name: "landfill", kgPerUnit: 300, unit: "tonnes", sheet: "s", cell: "A1"),
                .incineration: CitedFactor(name: "incineration", kgPerUnit: 1000, unit: "tonnes", sheet: "s", cell: "A2"),
                .recycling: CitedFactor(name: "recycling", kgPerUnit: 0, unit: "tonnes", sheet: "s", cell: "A3"),
            ],
            freight: [:]
        )
        let data = DownstreamData(
            sales: [Sale(location: Self.at(2), date: 20_240_101, product: "P", quantity: 10000, country: "NO")],
            useProfiles: [UseProfile(location: Self.at(2, "u"), product: "P", productType: "paper", massKg: 1, source: "s")],
            endOfLife: [
                EndOfLifeProfile(
                    location: Self.at(2, "e"),
                    productType: "paper",
                    country: nil,
                    shares: TreatmentShares([.landfill: 0.9, .incineration: 0.1]),
                    source: "[12.1]"
                )
            ]
        )
        let result = try DownstreamCalculator.calculate(data, period: Self.period, factors: factors)
        let e = try #require(result.endOfLife)
        #expect(Self.close(e.kg, 3_700) && e.massKg == 10_000)
        #expect(Self.close(e.massKgByTreatment[.landfill]!, 9_000) && Self.close(e.massKgByTreatment[.incineration]!, 1_000))
        // No power data and no default: a stated, counted exclusion from Category 11, with its units.
        #expect(result.exclusions.map(\.category) == [.useOfSoldProducts] && result.usePhase?.excludedUnits == 10000)
        #expect(
            result.exclusions[0].reason.contains(
                "has no power or kWh per year, no supplier's energy answer gives its typical power, and product type 'paper' has no default"
            )
        )
    }

    /// The mission's programme: 28% reused, 99.9% of the rest recycled, the residual landfilled, with
    /// DESNZ 2024 WEEE factors and an average HGV to the treatment site.
    @Test func returnProgramme() throws {
        let shares = TreatmentShares([.reuse: 0.28, .recycling: 0.71928, .landfill: 0.00072])
        let data = DownstreamData(
            returns: [
                ProductReturn(
                    location: Self.at(2, "returns.csv"),
                    date: 20_240_531,
                    productType: "laptop",
                    owner: .own,
                    kg: 1000,
                    shares: shares,
                    transportKm: 500
                ),
                ProductReturn(location: Self.at(3, "returns.csv"), date: 20_240_601, productType: "laptop", owner: .sold, kg: 200, shares: shares),
                ProductReturn(location: Self.at(4, "returns.csv"), date: 20_230_601, productType: "laptop", owner: .sold, kg: 999, shares: shares),
            ]
        )
        let result = try DownstreamCalculator.calculate(data, period: Self.period)
        let t = try #require(result.takeBack)
        #expect(t.lines == 2 && t.outsidePeriod == 1)
        #expect(Self.close(t.own.kg(.reuse), 280) && Self.close(t.own.kg(.recycling), 719.28) && Self.close(t.own.kg(.landfill), 0.72))
        let treatment = 0.71928 * 6.41061 + 0.00072 * 8.88386  // per tonne of 1,000 kg
        #expect(Self.close(t.own.treatmentKgCO2e, treatment))
        #expect(Self.close(t.own.transportKgCO2e, 1 * 500 * 0.09752))
        #expect(Self.close(t.sold.totalKg, treatment * 0.2) && t.sold.transportKgCO2e == 0)
        #expect(Self.close(t.own.reuseRate!, 0.28) && Self.close(t.own.recyclingRate!, 0.71928))
        #expect(Self.close(t.own.recyclingRateOfRest!, 0.999) && Self.close(t.own.diversionRate!, 0.99928))
        #expect(Self.close(result.kgByCategory[.wasteGeneratedInOperations]!, treatment + 48.76))
        #expect(Self.close(result.kgByCategory[.endOfLifeTreatmentOfSoldProducts]!, treatment * 0.2))
        // Re-use has no factor: its line says so and weighs 0 kg CO2e.
        let reuse = try #require(result.lines.first { $0.treatment == .reuse })
        #expect(reuse.factor == nil && reuse.kg == 0 && reuse.steps.last!.contains("no end-of-life factor"))
        #expect(result.lines.contains { $0.part == .takeBackTransport && $0.activityUnit == "tonne.km" && Self.close($0.activity, 500) })
    }

    @Test func aSaleOfAProductNeverBoughtIsCountedAndStated() throws {
        let data = DownstreamData(sales: [Sale(location: Self.at(9), date: 20_240_101, product: "GHOST", quantity: 3, country: "NO")])
        let result = try DownstreamCalculator.calculate(data, period: Self.period)
        #expect(result.lines.isEmpty && result.exclusions.count == 2)
        #expect(result.exclusions.allSatisfy { $0.units == 3 && $0.reason.contains("'GHOST' is not in product_use.csv") })
        #expect(result.kgByCategory == [.useOfSoldProducts: 0, .endOfLifeTreatmentOfSoldProducts: 0])
        #expect(result.warnings.count == 1 && result.text().contains("excluded from 3.11: sales.csv:9: 3 units"))
    }

    @Test func aCountryWithoutAGridFactorIsAnErrorAtItsLine() throws {
        let data = DownstreamData(
            sales: [Sale(location: Self.at(4), date: 20_240_101, product: "P", quantity: 1, country: "ZZ")],
            useProfiles: [UseProfile(location: Self.at(2, "u"), product: "P", productType: "t", kwhPerYear: 1, lifetimeYears: 1, source: "s")]
        )
        #expect {
            try DownstreamCalculator.calculate(data, period: Self.period)
        } throws: { "\($0)".hasPrefix("sales.csv:4: no location-based grid factor for country 'ZZ' in or before 2024") }
    }

    @Test func aSaleOfAnotherTypeThanItsProductIsAnError() throws {
        let data = DownstreamData(
            sales: [Sale(location: Self.at(4), date: 20_240_101, product: "P", quantity: 1, country: "NO", productType: "laptop")],
            useProfiles: [UseProfile(location: Self.at(2, "u"), product: "P", productType: "switch", source: "s")]
        )
        #expect {
            try DownstreamCalculator.calculate(data, period: Self.period)
        } throws: { "\($0)".contains("sold as product type 'laptop', but u:2 gives it type 'switch'") }
    }
}
