import FootprintCore
import Testing

/// Hand-computed fixtures for each scope and rule of the activity calculation (docs/activity.md).
@Suite struct ActivityCalculatorTests {
    static let period = ReportingPeriod(fiscalYear: 2024)!
    static func at(_ file: String, _ line: Int) -> FootprintCore.SourceLocation { FootprintCore.SourceLocation(file: file, line: line) }
    static let oslo = ActivitySite(id: "OSL", name: "Oslo", country: "NO", biddingZone: "NO1", location: at("sites.csv", 2))
    static let bergen = ActivitySite(id: "BGO", name: "Bergen", country: "NO", consolidated: false, location: at("sites.csv", 3))
    static let london = ActivitySite(id: "LON", name: "London", country: "GB", location: at("sites.csv", 4))
    static let copenhagen = ActivitySite(id: "CPH", name: "Copenhagen", country: "DK", biddingZone: "DK2", location: at("sites.csv", 5))
    static let sites = [oslo, bergen, london, copenhagen]

    static func electricity(_ site: String, _ month: Int, _ kwh: Double, line: Int, year: Int = 2024) -> EnergyUse {
        EnergyUse(site: site, year: year, month: month, carrier: .electricity, kwh: kwh, location: at("energy.csv", line))
    }

    static func go(
        _ id: String,
        mwh: Double,
        site: String?,
        country: String = "NO",
        from: Int32 = 20_240_101,
        to: Int32 = 20_241_231,
        line: Int
    )
        -> EnergyInstrument
    {
        EnergyInstrument(
            id: id,
            kind: .guaranteeOfOrigin,
            mwh: mwh,
            country: country,
            productionStart: from,
            productionEnd: to,
            cancelledOn: 20_250_301,
            site: site,
            location: at("energy_instruments.csv", line)
        )
    }

    @Test func scope1CombustionApartFromFugitiveAndBiogenicApart() throws {
        let data = ActivityData(
            sites: Self.sites,
            fuel: [
                FuelUse(
                    date: 20_240_310,
                    site: "OSL",
                    vehicle: "van 1",
                    fuel: .diesel,
                    quantity: 100,
                    unit: .litres,
                    use: .mobile,
                    location: Self.at("fuel.csv", 2)
                ),
                FuelUse(
                    date: 20_240_311,
                    site: "OSL",
                    fuel: .naturalGas,
                    quantity: 1000,
                    unit: .kwh,
                    use: .stationary,
                    location: Self.at("fuel.csv", 3)
                ),
                FuelUse(date: 20_240_312, site: "OSL", fuel: .lpg, quantity: 2000, unit: .kg, use: .stationary, location: Self.at("fuel.csv", 4)),
            ],
            refrigerants: [
                RefrigerantLeak(date: 20_240_601, site: "OSL", gas: .r410a, kg: 2, gwpSet: .ar5, location: Self.at("refrigerants.csv", 2)),
                RefrigerantLeak(date: 20_240_602, site: "OSL", gas: .r134a, kg: 1, gwpSet: .ar6, location: Self.at("refrigerants.csv", 3)),
            ]
        )
        let inventory = try ActivityCalculator.calculate(data, period: Self.period)
        // diesel (average biofuel blend) 2.51279 kg/l; natural gas 0.1829 kg/kWh gross; LPG 2939.36095 kg/t.
        #expect(abs(inventory.scope1MobileKg - 251.279) < 1e-9)
        #expect(abs(inventory.scope1StationaryKg - (182.9 + 5878.7219)) < 1e-9)
        // R-410A in AR5: 0.5 x 677 + 0.5 x 3170 = 1923.5 per kg; R-134a in AR6: 1530.
        #expect(abs(inventory.scope1FugitiveKg - (2 * 1923.5 + 1530)) < 1e-9)
        let expected: Double = 251.279 + 182.9 + 5878.7219 + 3847 + 1530
        #expect(abs(inventory.scope1Kg - expected) < 1e-9)
        // Biogenic CO2 of the diesel blend (0.16 kg/l) is reported apart, not in Scope 1.
        #expect(abs(inventory.biogenicKg - 16) < 1e-9)
        // Well-to-tank: 0.61101 kg/l, 0.03021 kg/kWh, 349.29282 kg/t.
        let wtt: Double = 61.101 + 30.21 + 698.58564
        #expect(abs(inventory.category3FuelsWellToTankKg - wtt) < 1e-9)
        #expect(inventory.scope2LocationKg == 0 && inventory.scope2MarketKg == 0)
        let leak = try #require(inventory.lines.first { $0.kind == .fugitive })
        #expect(leak.factors.first?.role == "gwp AR5")
        #expect(leak.source == Self.at("refrigerants.csv", 2))
    }

    @Test func locationAndMarketWithPartialCoverageAndTheResidualMix() throws {
        let data = ActivityData(
            sites: Self.sites,
            energy: [Self.electricity("OSL", 1, 1000, line: 2), Self.electricity("OSL", 2, 1000, line: 3)],
            instruments: [
                Self.go("GO-MARKET", mwh: 0.5, site: nil, country: "SE", line: 2),  // same market (EU-EEA), applied after the site's own
                Self.go("GO-SITE", mwh: 1.2, site: "OSL", line: 3),
            ]
        )
        let inventory = try ActivityCalculator.calculate(data, period: Self.period)
        // Location: 2000 kWh x NO 2023 (the latest not after 2024) 0.015.
        #expect(abs(inventory.scope2LocationKg - 30) < 1e-9)
        // Market: January 1000 kWh by GO-SITE; February 200 by GO-SITE, 500 by GO-MARKET, 300 x NO residual mix 2020 0.402.
        #expect(abs(inventory.scope2MarketKg - 300 * 0.402) < 1e-9)
        let february = inventory.lines[1]
        #expect(february.instruments.map(\.id) == ["GO-SITE", "GO-MARKET"])
        #expect(february.instruments.map(\.kwh) == [200, 500])
        #expect(february.factors.first { $0.role == "residual-mix" }?.year == 2020)
        #expect(february.factors.first { $0.role == "location" }?.year == 2023)
        #expect(inventory.coverage.map(\.coveredKWh) == [500, 1200])
        #expect(inventory.coveredKWh == 1700)
        #expect(inventory.kwhByCarrier[.electricity] == 2000)
    }

    @Test func category3FromTheSameElectricity() throws {
        // No residual mix is built in for GB: the user's grid_factors.csv supplies one (market-based only).
        let residual = GridFactor(
            area: "GB",
            year: 2024,
            basis: .residualMix,
            kgPerKWh: 0.3,
            source: "test",
            location: Self.at("grid_factors.csv", 2)
        )
        let data = ActivityData(sites: Self.sites, energy: [Self.electricity("LON", 5, 1000, line: 2)], gridFactors: [residual])
        let inventory = try ActivityCalculator.calculate(data, period: Self.period)
        #expect(abs(inventory.scope2MarketKg - 300) < 1e-9)
        // Great Britain: the DESNZ 2024 figures themselves (0.20705 generation, 0.0459 + 0.00397 WTT, 0.0183 T&D).
        #expect(abs(inventory.scope2LocationKg - 207.05) < 1e-9)
        #expect(abs(inventory.category3ElectricityWellToTankKg - 49.87) < 1e-9)
        #expect(abs(inventory.category3LossesKg - 18.3) < 1e-9)
        #expect(abs(inventory.category3Kg - 68.17) < 1e-9)
    }

    @Test func instrumentRulesAreStatedExclusions() throws {
        var notCancelled = Self.go("GO-OPEN", mwh: 1, site: "OSL", line: 4)
        notCancelled.cancelledOn = nil
        let data = ActivityData(
            sites: Self.sites,
            energy: [Self.electricity("OSL", 3, 1000, line: 2)],
            instruments: [
                Self.go("GO-2022", mwh: 1, site: "OSL", from: 20_220_101, to: 20_221_231, line: 2),
                Self.go("REGO-GB", mwh: 1, site: "OSL", country: "GB", line: 3),
                notCancelled,
                Self.go("GO-BGO", mwh: 1, site: "BGO", line: 5),
            ]
        )
        let inventory = try ActivityCalculator.calculate(data, period: Self.period)
        #expect(
            inventory.exclusions.map(\.reason) == [
                .instrumentProductionOutsidePeriod, .instrumentOtherMarket, .instrumentNotCancelled, .instrumentSiteOutsideBoundary,
            ]
        )
        #expect(inventory.exclusions[0].detail.contains("2022-01-01 to 2022-12-31, which does not overlap the reporting period 2024"))
        #expect(inventory.exclusions[1].detail.contains("produced in GB (market GB), claimed for site 'OSL' in NO (market EU-EEA)"))
        #expect(inventory.coverage.isEmpty)
        #expect(abs(inventory.scope2MarketKg - 1000 * 0.402) < 1e-9)
    }

    @Test func anInstrumentClaimedTwiceIsAnError() throws {
        let data = ActivityData(
            sites: Self.sites,
            energy: [Self.electricity("OSL", 3, 1000, line: 2)],
            instruments: [Self.go("GO-1", mwh: 1, site: "OSL", line: 2), Self.go("GO-1", mwh: 1, site: nil, line: 3)]
        )
        let error = try #require(throws: ActivityError.self) { try ActivityCalculator.calculate(data, period: Self.period) }
        #expect(
            error.problems.map(\.description) == [
                "energy_instruments.csv:3: column 'id': instrument 'GO-1' is claimed twice; it is already on line 2"
            ]
        )
    }

    @Test func aRefrigerantWithoutAGWPAndACountryWithoutAFactorAreErrors() throws {
        let data = ActivityData(
            sites: Self.sites,
            refrigerants: [
                RefrigerantLeak(date: 20_240_601, site: "OSL", gas: .r1234yf, kg: 1, gwpSet: .ar5, location: Self.at("refrigerants.csv", 2))
            ],
            energy: [Self.electricity("CPH", 3, 1000, line: 2)]
        )
        let error = try #require(throws: ActivityError.self) { try ActivityCalculator.calculate(data, period: Self.period) }
        #expect(
            error.problems.map(\.description) == [
                "refrigerants.csv:2: column 'gas': R-1234yf has no GWP-100 in AR5; set gwp_set to AR6, which has one",
                // Denmark has a built-in location-based factor (the EEA's 2023 figure), but no residual mix.
                "energy.csv:2: column 'site': no residual-mix factor for DK2 or DK in 2024 or earlier; add a grid_factors.csv row (area,year,basis,kgco2e_per_kwh,source)",
            ]
        )
    }

    @Test func aCountryWithoutAnyFactorNamesBothRowsToAdd() throws {
        let reykjavik = ActivitySite(id: "REK", name: "Reykjavik", country: "IS", location: Self.at("sites.csv", 6))
        let data = ActivityData(sites: Self.sites + [reykjavik], energy: [Self.electricity("REK", 3, 1000, line: 2)])
        let error = try #require(throws: ActivityError.self) { try ActivityCalculator.calculate(data, period: Self.period) }
        #expect(
            error.problems.map(\.description) == [
                "energy.csv:2: column 'site': no location factor for IS in 2024 or earlier; add a grid_factors.csv row (area,year,basis,kgco2e_per_kwh,source)",
                "energy.csv:2: column 'site': no residual-mix factor for IS in 2024 or earlier; add a grid_factors.csv row (area,year,basis,kgco2e_per_kwh,source)",
            ]
        )
    }

    @Test func rowsOutsideThePeriodAndSitesOutsideTheBoundaryAreCounted() throws {
        let data = ActivityData(
            sites: Self.sites,
            fuel: [
                FuelUse(date: 20_231_231, site: "OSL", fuel: .diesel, quantity: 100, unit: .litres, use: .mobile, location: Self.at("fuel.csv", 2)),
                FuelUse(date: 20_240_105, site: "BGO", fuel: .diesel, quantity: 100, unit: .litres, use: .mobile, location: Self.at("fuel.csv", 3)),
            ],
            energy: [Self.electricity("OSL", 12, 1000, line: 2, year: 2023), Self.electricity("BGO", 1, 1000, line: 3)]
        )
        let inventory = try ActivityCalculator.calculate(data, period: Self.period)
        #expect(inventory.lines.isEmpty)
        #expect(inventory.scope1Kg == 0 && inventory.scope2LocationKg == 0)
        #expect(inventory.exclusionCounts.map(\.reason) == [.outsidePeriod, .outsideBoundary])
        #expect(inventory.exclusionCounts.map(\.count) == [2, 2])
        #expect(inventory.exclusions[0].detail == "2023-12-31 is outside the reporting period 2024")
    }

    @Test func overridesReplaceAndAddFactorsAndTheYearUsedIsRecorded() throws {
        let data = ActivityData(
            sites: Self.sites,
            energy: [
                Self.electricity("CPH", 3, 1000, line: 2),
                EnergyUse(site: "OSL", year: 2024, month: 1, carrier: .districtHeating, kwh: 500, location: Self.at("energy.csv", 3)),
            ],
            gridFactors: [
                GridFactor(area: "DK2", year: 2022, basis: .location, kgPerKWh: 0.1, source: "test", location: Self.at("grid_factors.csv", 2)),
                GridFactor(area: "DK", year: 2023, basis: .residualMix, kgPerKWh: 0.4, source: "test", location: Self.at("grid_factors.csv", 3)),
                GridFactor(area: "DK", year: 2025, basis: .residualMix, kgPerKWh: 9, source: "test", location: Self.at("grid_factors.csv", 4)),
                GridFactor(area: "NO", year: 2024, basis: .districtHeating, kgPerKWh: 0.05, source: "test", location: Self.at("grid_factors.csv", 5)),
            ]
        )
        let inventory = try ActivityCalculator.calculate(data, period: Self.period)
        #expect(abs(inventory.scope2LocationKg - (100 + 25)) < 1e-9)
        #expect(abs(inventory.scope2MarketKg - (400 + 25)) < 1e-9)
        #expect(inventory.lines[0].factors.map(\.year) == [2022, 2023, 2022])
        #expect(inventory.lines[1].kind == .districtHeating)
        #expect(inventory.kwhByCarrier[.districtHeating] == 500)
    }

    @Test func jsonHasTheIssueKeys() throws {
        let data = ActivityData(sites: Self.sites, energy: [Self.electricity("OSL", 1, 1000, line: 2)])
        let json = try ActivityCalculator.calculate(data, period: Self.period).json()
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        let keys = members.map(\.0)
        for key in [
            "period", "scope1_kgco2e", "scope2_location_based_kgco2e", "scope2_market_based_kgco2e", "category3_kgco2e", "biogenic_co2_kg",
            "kwh_by_carrier", "instruments", "excluded", "lines",
        ] {
            #expect(keys.contains(key), "\(key)")
        }
    }

    @Test func blendsAreTheirComponentsByMass() {
        #expect(Refrigerant.r410a.gwp(.ar6)?.value == 0.5 * 771 + 0.5 * 3740)
        #expect(abs((Refrigerant.r404a.gwp(.ar5)?.value ?? 0) - 3942.8) < 1e-9)
        #expect(abs((Refrigerant.r407c.gwp(.ar5)?.value ?? 0) - 1624.21) < 1e-9)
        #expect(Refrigerant.r404a.gwp(.ar6)?.verified == false)  // HFC-143a in AR6 was not checked against a retrieved text
        #expect(Refrigerant(parsing: "hfc-134a") == .r134a && Refrigerant(parsing: "R410a") == .r410a && Refrigerant(parsing: "CO2") == .r744)
        #expect(Refrigerant(parsing: "R-22") == nil)
    }
}
