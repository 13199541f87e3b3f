import FootprintCore
import Testing

/// Category 13 (equipment we own and run at customers' sites, on their power) and avoided emissions
/// against hand-computed fixtures (docs/downstream.md).
@Suite("Downstream: Category 13 and avoided emissions")
struct LeasedAssetsCalculatorTests {
    static let period = ReportingPeriod(fiscalYear: 2024)!
    static func at(_ line: Int, _ file: String = "leased_equipment.csv") -> FootprintCore.SourceLocation {
        FootprintCore.SourceLocation(file: file, line: line)
    }
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
    static func grid(_ area: String, _ kg: Double) -> GridFactor {
        GridFactor(area: area, year: 2024, basis: .location, kgPerKWh: kg, source: "test", location: at(2, "grid_factors.csv"))
    }

    static func row(
        _ line: Int,
        _ customer: String,
        _ country: String,
        _ start: Int32,
        _ end: Int32,
        _ energy: LeasedEquipment.Energy,
        units: Double = 1
    ) -> LeasedEquipment {
        LeasedEquipment(
            location: at(line),
            equipment: "EQ-\(line)",
            customer: customer,
            country: country,
            start: start,
            end: end,
            units: units,
            energy: energy,
            source: "meter"
        )
    }

    /// Metered 1,000 kWh in XA at 0.2 = 200 kg; 3 units × (100 W × 2,000 h active + 20 W × 6,000 h idle) =
    /// 3 × 320 kWh = 960 kWh in XB at 0.05 = 48 kg; a row of 2024-10-01 to 2025-03-31 (182 days, 92 in
    /// 2024) metered 1,820 kWh: 920 kWh in 2024 at 0.2 = 184 kg; a row of 2023: outside, counted.
    /// Category 13 = 432 kg; C-1 has 1,920 kWh in XA and 960 in XB as its own Scope 2 energy.
    @Test func category13ByHand() throws {
        let cycle = DutyCycle([.init(mode: .active, watts: 100, hours: 2000), .init(mode: .idle, watts: 20, hours: 6000)])
        let data = DownstreamData(leasedEquipment: [
            Self.row(2, "C-1", "XA", 2024_01_01, 2024_12_31, .metered(kwh: 1000)),
            Self.row(3, "C-1", "XB", 2024_01_01, 2024_12_31, .power(cycle), units: 3),
            Self.row(4, "C-1", "XA", 2024_10_01, 2025_03_31, .metered(kwh: 1820)),
            Self.row(5, "C-2", "XA", 2023_01_01, 2023_12_31, .metered(kwh: 5000)),
        ])
        let r = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: [Self.grid("XA", 0.2), Self.grid("XB", 0.05)])
        let l = try #require(r.leasedAssets)
        #expect(l.lines == 3 && l.outsidePeriod == 1)
        #expect(Self.close(l.kwh, 1000 + 960 + 920) && Self.close(l.kg, 200 + 48 + 184))
        #expect(Self.close(try #require(r.kgByCategory[.downstreamLeasedAssets]), 432))
        #expect(r.kgByCategory[.useOfSoldProducts] == nil && r.usePhase == nil)
        let c1 = try #require(l.byCustomer["C-1"])
        #expect(Self.close(c1.kwhByCountry["XA"]!, 1920) && Self.close(c1.kwhByCountry["XB"]!, 960) && c1.equipment == ["EQ-2", "EQ-3", "EQ-4"])
        #expect(l.byCustomer["C-2"] == nil)
        let lines = r.lines.filter { $0.part == .leasedAsset }
        #expect(lines.count == 3 && lines.allSatisfy { $0.category == .downstreamLeasedAssets && $0.customer == "C-1" })
        #expect(
            lines[1].steps[0]
                == "3 units × (100 W × 2000 h active + 20 W × 6000 h idle) / 1000 = 960 kWh, 2024-01-01 to 2024-12-31 (leased_equipment.csv:3)"
        )
        #expect(lines[2].steps[1] == "× 92 of its 182 days in the period (2024-10-01 to 2024-12-31) = 920 kWh")
        #expect(lines[2].steps[2].hasSuffix("= 184 kg CO2e") && lines[2].steps[3].contains("its Scope 2, not ours"))
        #expect(lines[0].factor?.name == "grid XA 2024 location" && lines[0].inputSource == "meter")
        let text = r.text()
        #expect(text.contains("3.13 Downstream leased assets: 432.0 kg CO2e (3 lines, 2,880.0 kWh at 1 customers' sites"))
        #expect(text.contains("  C-1: 2,880.0 kWh (XA 1,920.0, XB 960.0) (EQ-2, EQ-3, EQ-4)"))
        guard case .object(let json) = r.json() else {
            Issue.record("not an object")
            return
        }
        guard case .number(let kg)? = json.first(where: { $0.0 == "category13_kgco2e" })?.1 else {
            Issue.record("no category13_kgco2e")
            return
        }
        #expect(Self.close(kg, 432))
    }

    /// Without leased_equipment.csv, Category 13 is not computed, and the text says what that means.
    @Test func absentFileIsNotComputed() throws {
        let r = try DownstreamCalculator.calculate(DownstreamData(returns: []), period: Self.period)
        #expect(r.leasedAssets == nil && r.kgByCategory[.downstreamLeasedAssets] == nil)
        #expect(r.text().contains("3.13 Downstream leased assets: not computed (no leased_equipment.csv"))
    }

    /// A country without a location-based grid factor is an error naming the row.
    @Test func unknownCountryIsAnError() throws {
        let data = DownstreamData(leasedEquipment: [Self.row(7, "C-1", "XQ", 2024_01_01, 2024_12_31, .metered(kwh: 10))])
        #expect {
            try DownstreamCalculator.calculate(data, period: Self.period)
        } throws: { error in
            "\(error)".hasPrefix("leased_equipment.csv:7: no location-based grid factor for country 'XQ' in or before 2024")
        }
    }

    /// Replacement: 40 units × (2,190 - 1,314 kWh a year) × 5 years = 175,200 kWh × 0.015 = 2,628 kg;
    /// re-use: 420 units × (300 - 30 kg) = 113,400 kg; a re-use without its own emissions assumes 0, said so.
    @Test func avoidedByHand() throws {
        let rows = [
            AvoidedEmissionComparison(
                location: Self.at(2, "avoided_emissions.csv"),
                date: 2024_03_14,
                product: "SW",
                units: 40,
                comparison: .replacement(oldKWhPerYear: 2190, newKWhPerYear: 1314, years: 5, country: "XA"),
                source: "s"
            ),
            AvoidedEmissionComparison(
                location: Self.at(3, "avoided_emissions.csv"),
                date: 2024_11_29,
                product: "LT",
                units: 420,
                comparison: .reuse(newKgPerUnit: 300, reusedKgPerUnit: 30),
                source: "s"
            ),
            AvoidedEmissionComparison(
                location: Self.at(4, "avoided_emissions.csv"),
                date: 2024_11_29,
                product: "LT",
                units: 10,
                comparison: .reuse(newKgPerUnit: 300, reusedKgPerUnit: nil),
                source: "s"
            ),
            AvoidedEmissionComparison(
                location: Self.at(5, "avoided_emissions.csv"),
                date: 2023_11_29,
                product: "LT",
                units: 10,
                comparison: .reuse(newKgPerUnit: 300, reusedKgPerUnit: nil),
                source: "s"
            ),
        ]
        let r = try AvoidedEmissionsCalculator.calculate(rows, period: Self.period, gridFactors: [Self.grid("XA", 0.015)])
        #expect(r.lines.count == 3 && r.outsidePeriod == 1)
        #expect(Self.close(r.replacementKWh, 175_200) && Self.close(r.replacementKg, 2_628))
        #expect(Self.close(r.reuseKg, 113_400 + 3_000) && r.reuseUnits == 430 && Self.close(r.kg, 2_628 + 116_400))
        #expect(r.lines[2].assumptions == ["the re-use's own emissions (refurbishment, transport) were not given: 0 kg CO2e per unit assumed"])
        #expect(r.lines[0].steps[0] == "40 units × (2190 kWh per year old - 1314 kWh per year new) × 5 years = 175200 kWh avoided")
        #expect(r.text().contains("(reported apart: not subtracted from any scope, category or total)"))
    }

    /// A replacement that uses more energy is reported as it is (negative), with a warning.
    @Test func aWorseReplacementIsStated() throws {
        let row = AvoidedEmissionComparison(
            location: Self.at(2, "avoided_emissions.csv"),
            date: 2024_03_14,
            product: "SW",
            units: 1,
            comparison: .replacement(oldKWhPerYear: 100, newKWhPerYear: 150, years: 2, country: "XA"),
            source: "s"
        )
        let r = try AvoidedEmissionsCalculator.calculate([row], period: Self.period, gridFactors: [Self.grid("XA", 0.5)])
        #expect(Self.close(r.kg, -50) && r.warnings.count == 1 && r.warnings[0].contains("more emitted, not avoided"))
    }

    /// Category 11 with a duty cycle in product_use.csv: 10 laptops × (30 W × 2,000 h active + 10 W × 3,000 h
    /// idle + 0.5 W × 3,760 h off) / 1000 = 91.88 kWh a year × 4 years = 3,675.2 kWh × 0.1 = 367.52 kg.
    @Test func category11WithADutyCycle() throws {
        let cycle = DutyCycle([
            .init(mode: .active, watts: 30, hours: 2000), .init(mode: .idle, watts: 10, hours: 3000), .init(mode: .off, watts: 0.5, hours: 3760),
        ])
        let data = DownstreamData(
            sales: [Sale(location: Self.at(2, "sales.csv"), date: 2024_05_01, product: "LT-2", quantity: 10, country: "XA")],
            useProfiles: [
                UseProfile(
                    location: Self.at(2, "product_use.csv"),
                    product: "LT-2",
                    productType: "laptop",
                    dutyCycle: cycle,
                    lifetimeYears: 4,
                    source: "vendor"
                )
            ]
        )
        let r = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: [Self.grid("XA", 0.1)])
        #expect(Self.close(try #require(r.usePhase).kg, 367.52))
        #expect(
            r.lines[0].steps[0]
                == "(30 W × 2000 h active + 10 W × 3000 h idle + 0.5 W × 3760 h off) per year / 1000 = 91.88 kWh per year (product_use.csv:2)"
        )
    }
}
