import FootprintCore
import FootprintImport
import Foundation
import Testing

/// The example company's 2024 activity inventory (examples/nordic-it), against figures worked out by hand.
@Suite struct ActivityExampleTests {
    @Test func exampleCompany2024() throws {
        let data = try ActivityDataReader.read(directory: packageRoot.appendingPathComponent("examples/nordic-it").path)
        let inventory = try ActivityCalculator.calculate(data, period: #require(ReportingPeriod(fiscalYear: 2024)))
        // Scope 1: 1,600 l diesel in the vans x 2.51279; 200 l gas oil in the generator x 2.75541;
        // 1.5 kg R-410A x AR6 (0.5 x 771 + 0.5 x 3740 = 2255.5). The 2023-12-29 diesel is outside the period.
        let mobile = 1600 * 2.51279
        let stationary = 200 * 2.75541
        let fugitive = 1.5 * 2255.5
        #expect(abs(inventory.scope1MobileKg - mobile) < 1e-6)
        #expect(abs(inventory.scope1StationaryKg - stationary) < 1e-6)
        #expect(abs(inventory.scope1FugitiveKg - fugitive) < 1e-6)
        #expect(abs(inventory.scope1Kg - 7954.796) < 1e-6)
        #expect(abs(inventory.biogenicKg - 1600 * 0.16) < 1e-6)
        // Scope 2 location-based: the electricity metered or invoiced in 2024 (the same kWh as the ledger's
        // own-energy lines): the Oslo colocation cage 1,019,592 kWh and office 409,573 kWh x NO 2023 0.015;
        // Stockholm 140,670 kWh x SE 2023 0.007 (EEA); Copenhagen 82,545 kWh x DK 2023 0.083 (EEA) and Oslo's district heating
        // 30,000 kWh x 0.045 (the example's own grid_factors.csv rows).
        let osloKWh = 1_019_592.0 + 409_573
        let location = osloKWh * 0.015 + 140_670 * 0.007 + 82_545 * 0.083 + 30_000 * 0.045
        #expect(abs(inventory.scope2LocationKg - location) < 1e-6)
        #expect(abs(location - 30623.4) < 1e-6)
        // Market-based: the 2024 GO covers 500,000 kWh of the cage (January to part of August); the 2022 GO is
        // excluded. The rest of Oslo x NO residual mix (2020, the latest built in: 0.402), Stockholm x SE 2023
        // 0.5241, Copenhagen x the example's 0.450.
        let market = (osloKWh - 500_000) * 0.402 + 140_670 * 0.5241 + 82_545 * 0.450 + 30_000 * 0.045
        #expect(abs(inventory.scope2MarketKg - market) < 1e-6)
        #expect(abs(market - 485744.727) < 1e-6)
        #expect(inventory.coverage.map(\.id) == ["GO-NO-2024-000117"])
        #expect(inventory.coveredKWh == 500_000)
        let august = try #require(inventory.lines.first { $0.activity == "electricity 2024-08" && $0.site == "OSL-COLO" })
        #expect(august.instruments.map(\.kwh) == [44960])
        // Category 3: fuels' well-to-tank (0.61101, 0.62665 per litre) and the electricity's upstream share of its location-based kg.
        #expect(abs(inventory.category3FuelsWellToTankKg - (1600 * 0.61101 + 200 * 0.62665)) < 1e-6)
        let electricityLocation = osloKWh * 0.015 + 140_670 * 0.007 + 82_545 * 0.083
        #expect(abs(inventory.category3ElectricityWellToTankKg - electricityLocation * (0.0459 + 0.00397) / 0.20705) < 1e-6)
        #expect(abs(inventory.category3LossesKg - electricityLocation * 0.0183 / 0.20705) < 1e-6)
        #expect(inventory.kwhByCarrier[.electricity] == 1_652_380)
        #expect(inventory.kwhByCarrier[.districtHeating] == 30_000)
        // Left out: the 2023 diesel and the 2023-12 cage month; the Bergen lab; the 2022 certificate.
        #expect(inventory.exclusionCounts.map(\.reason) == [.outsidePeriod, .outsideBoundary, .instrumentProductionOutsidePeriod])
        #expect(inventory.exclusionCounts.map(\.count) == [2, 1, 1])
        let go2022 = try #require(inventory.exclusions.first { $0.reason == .instrumentProductionOutsidePeriod })
        #expect(go2022.source.description == "energy_instruments.csv:3")
        #expect(inventory.text().contains("Scope 2 market-based     485.7 t CO2e"))
    }
}
