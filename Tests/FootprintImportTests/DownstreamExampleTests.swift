import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

/// The example company's 2024 Categories 11, 12 and 5 from what it sells and takes back, worked out by
/// hand from examples/nordic-it (sales.csv, product_use.csv, end_of_life.csv, returns.csv; the grid
/// factors built in, DESNZ 2024 WEEE and HGV figures).
@Suite("Downstream: the nordic-it example")
struct DownstreamExampleTests {
    static let folder = SharedFolder.packageRoot.appendingPathComponent("examples/nordic-it").path

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    func result() throws -> DownstreamResult {
        let data = try CorporateData.read(directory: Self.folder)
        return try DownstreamCalculator.calculate(data.downstream, period: ReportingPeriod(fiscalYear: 2024)!, gridFactors: data.activity.gridFactors)
    }

    /// Switches SW-48P take the network-equipment default: 150 W × 8,760 h = 1,314 kWh a year × 5 years =
    /// 6,570 kWh each; laptops LT-14 25 kWh a year × 4 years = 100 kWh each. Location-based grid factors
    /// of the country of use, the latest not after 2024: NO 0.015 (NVE 2023), SE 0.007 and DK 0.083 (EEA 2023).
    ///   40 switches in NO: 262,800 kWh × 0.015 = 3,942       25 switches in SE: 164,250 kWh × 0.007 = 1,149.75
    ///   600 laptops in NO: 60,000 kWh × 0.015 = 900           240 laptops in DK: 24,000 kWh × 0.083 = 1,992
    /// The 150 laptops sold on 2023-12-18 are outside the period.
    @Test func category11() throws {
        let r = try result()
        let u = try #require(r.usePhase)
        #expect(u.lines == 4 && u.outsidePeriod == 1 && u.units == 905 && u.excludedUnits == 0)
        #expect(Self.close(u.lifetimeKWh, 262_800 + 164_250 + 60_000 + 24_000))
        #expect(Self.close(u.kg, 3_942 + 1_149.75 + 900 + 1_992))
        #expect(Self.close(r.kgByCategory[.useOfSoldProducts]!, 7_983.75))
        #expect(r.exclusions.isEmpty && r.warnings.isEmpty)
    }

    /// Category 12 from sales: 65 switches × 5 kg = 325 kg (recycling 85%, incineration 5%, landfill 10%) and
    /// 840 laptops × 1.6 kg = 1,344 kg (reuse 10%, recycling 75%, incineration 5%, landfill 10%), per tonne
    /// 6.41061 (open-loop, combustion) and 8.88386 (landfill). Returned sold laptops: 960 kg, 71.928%
    /// recycled and 0.072% landfilled, 520 km by HGV at 0.09752 per tonne.km.
    @Test func category12() throws {
        let r = try result()
        let e = try #require(r.endOfLife)
        let switches = 0.325 * (0.85 * 6.41061 + 0.05 * 6.41061 + 0.10 * 8.88386)
        let laptops = 1.344 * (0.75 * 6.41061 + 0.05 * 6.41061 + 0.10 * 8.88386)
        #expect(Self.close(e.kg, switches + laptops) && e.massKg == 1_669)
        #expect(Self.close(e.massKgByTreatment[.reuse]!, 134.4) && Self.close(e.massKgByTreatment[.landfill]!, 166.9))
        let sold = try #require(r.takeBack).sold
        let soldTreatment = 0.96 * (0.71928 * 6.41061 + 0.00072 * 8.88386)
        let soldTransport = 0.96 * 520 * 0.09752
        #expect(Self.close(sold.treatmentKgCO2e, soldTreatment) && Self.close(sold.transportKgCO2e, soldTransport))
        #expect(Self.close(r.kgByCategory[.endOfLifeTreatmentOfSoldProducts]!, switches + laptops + soldTreatment + soldTransport))
        #expect(Self.close(r.kgByCategory[.endOfLifeTreatmentOfSoldProducts]!, 63.3652146734))
    }

    /// Category 5 from the company's own returns: 2,400 kg of laptops and 3,600 kg of network equipment,
    /// the vendor's programme reusing 28% and recycling 99.9% of the rest (71.928%), 0.072% landfilled,
    /// 520 km by HGV; the ESRS E5 indicators and the KPIs.
    @Test func category5AndTheProgramme() throws {
        let r = try result()
        let t = try #require(r.takeBack)
        let own = t.own
        #expect(own.returnedKg == 6_000 && own.units == 1_900)
        #expect(Self.close(own.kg(.reuse), 1_680) && Self.close(own.kg(.recycling), 4_315.68) && Self.close(own.kg(.landfill), 4.32))
        let treatment = 6 * (0.71928 * 6.41061 + 0.00072 * 8.88386)
        let transport = 6 * 520 * 0.09752
        #expect(Self.close(own.treatmentKgCO2e, treatment) && Self.close(own.transportKgCO2e, transport))
        #expect(Self.close(r.kgByCategory[.wasteGeneratedInOperations]!, 331.96691964))
        #expect(Self.close(own.reuseRate!, 0.28) && Self.close(own.recyclingRateOfRest!, 0.999) && Self.close(own.diversionRate!, 0.99928))
        let total = t.total
        #expect(total.returnedKg == 6_960 && Self.close(total.divertedKg, 6_960 * 0.99928) && Self.close(total.disposedKg, 6_960 * 0.00072))
        let text = r.text()
        #expect(text.contains("reuse rate 28%, recycling rate 71.9% (99.9% of the rest), diversion rate 99.9%"))
        #expect(text.contains("3.11 Use of sold products: 7,983.8 kg CO2e"))
    }

    /// Category 13 from leased_equipment.csv, location-based grid factors NO 0.015 (NVE 2023), SE 0.007 and
    /// DK 0.083 (EEA 2023):
    ///   EQ-1001 at CUST-001: 4 switches × 150 W × 8,784 h (2024, always on) / 1000 = 5,270.4 kWh × 0.015 = 79.056
    ///   EQ-1002 at CUST-001: 3,120.5 kWh metered × 0.015 = 46.8075
    ///   EQ-2001 at CUST-009: 2 × (220 W × 2,928 h active + 90 W × 5,856 h idle) / 1000 = 2,342.4 kWh × 0.007 = 16.3968
    ///   EQ-3001 at CUST-023: 1,460 kWh over 2024-07-01 to 2025-06-30 (365 days), 184 of them in 2024:
    ///     736 kWh × 0.083 = 61.088
    /// EQ-1001's 2023 row is outside the period. Category 13 = 203.3483 kg of 11,469.3 kWh.
    @Test func category13() throws {
        let r = try result()
        let l = try #require(r.leasedAssets)
        #expect(l.lines == 4 && l.outsidePeriod == 1 && l.byCustomer.count == 3)
        #expect(Self.close(l.kwh, 11_469.3) && Self.close(l.kg, 203.3483))
        #expect(Self.close(r.kgByCategory[.downstreamLeasedAssets]!, 79.056 + 46.8075 + 16.3968 + 61.088))
        #expect(Self.close(l.byCustomer["CUST-001"]!.kwh, 8_390.9) && l.byCustomer["CUST-001"]!.equipment == ["EQ-1001", "EQ-1002"])
        #expect(Self.close(l.byCustomer["CUST-009"]!.kwhByCountry["SE"]!, 2_342.4))
        #expect(Self.close(l.byCustomer["CUST-023"]!.kwhByCountry["DK"]!, 736))
    }

    /// The avoided emissions, reported apart: 40 switches replacing 250 W ones, (2,190 - 1,314) kWh a year
    /// × 5 years = 175,200 kWh × 0.015 = 2,628 kg; 420 of our own laptops re-used by the vendor programme
    /// (28% of the 1,500 returned) × (300 - 30) kg = 113,400 kg. Together 116,028 kg, in no category.
    @Test func avoidedEmissions() throws {
        let data = try CorporateData.read(directory: Self.folder)
        let period = ReportingPeriod(fiscalYear: 2024)!
        let corporate = try data.inventory(purchases: InventorySummary(), period: period)
        let avoided = try #require(corporate.avoided)
        #expect(Self.close(avoided.replacementKWh, 175_200) && Self.close(avoided.replacementKg, 2_628))
        #expect(Self.close(avoided.reuseKg, 113_400) && avoided.reuseUnits == 420 && Self.close(avoided.kg, 116_028))
        // Never netted: the inventory is the same to the bit with and without the comparisons.
        var without = data
        without.downstream.avoided = nil
        let other = try without.inventory(purchases: InventorySummary(), period: period)
        #expect(other.avoided == nil)
        for marketBased in [true, false] {
            #expect(corporate.inventory.totalKg(marketBased: marketBased) == other.inventory.totalKg(marketBased: marketBased))
        }
        #expect(corporate.inventory.scope3Kg == other.inventory.scope3Kg && corporate.inventory.otherScope3Kg == other.inventory.otherScope3Kg)
        #expect(corporate.downstream == other.downstream)
    }

    /// A category company.json gives as not reported while the files compute it gets a warning: the total counts it.
    @Test func anExcludedCategoryThatIsComputedIsWarnedOf() throws {
        var data = try CorporateData.read(directory: Self.folder)
        data.boundary.excludedScope3[.downstreamLeasedAssets] = "Not yet computed"
        let corporate = try data.inventory(purchases: InventorySummary(), period: ReportingPeriod(fiscalYear: 2024)!)
        let warnings = try #require(corporate.downstream).warnings
        #expect(
            warnings == [
                "company.json gives Category 13 as not reported ('Not yet computed'), but the sold-products, take-back or leased-equipment "
                    + "files compute it and the total counts it: remove the category from excluded_scope3_categories"
            ]
        )
    }
}
