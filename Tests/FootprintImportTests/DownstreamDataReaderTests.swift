import FootprintCore
import FootprintImport
import Foundation
import Testing

/// sales.csv, product_use.csv, end_of_life.csv and returns.csv: what is read, and every error with
/// its file, line and column.
@Suite("Downstream: reader")
struct DownstreamDataReaderTests {
    func read(_ files: [String: String]) throws -> DownstreamData { try TempFolder.reading(files, with: DownstreamDataReader.read(directory:)) }

    func errors(_ files: [String: String]) throws -> [String] { try TempFolder.errors(files, with: DownstreamDataReader.read(directory:)) }

    @Test func readsEveryFile() throws {
        let data = try read([
            "sales.csv": "date,product,quantity,country,product_type,customer\n2024-03-01,SW-1,40,no,switch,C-1\n",
            "product_use.csv": "product,product_type,power_w,hours_per_year,kwh_per_year,lifetime_years,mass_kg,source\n"
                + ",switch,150,8760,,5,5,illustration\nLT-1,laptop,,,25,4,1.6,data sheet\n",
            "end_of_life.csv": "product_type,country,reuse_pct,recycling_pct,landfill_pct,source\nswitch,,10,80,10,assumed\n",
            "returns.csv": "date,product_type,owner,units,kg,reuse_kg,recycling_kg,landfill_kg,transport_km,transport_mode\n"
                + "2024-05-31,laptop,own,10,16,4,11.5,0.5,300,van\n",
        ])
        let sale = try #require(data.sales?.first)
        #expect(sale.country == "NO" && sale.quantity == 40 && sale.productType == "switch" && sale.customer == "C-1" && sale.date == 2024_03_01)
        #expect(data.useProfiles.map(\.product) == [nil, "LT-1"] && data.useProfiles[0].kwhPerYear == 1314)
        #expect(data.useProfiles[1].kwhPerYear == 25 && data.useProfiles[1].massKg == 1.6)
        #expect(data.endOfLife[0].shares == TreatmentShares([.reuse: 0.1, .recycling: 0.8, .landfill: 0.1]))
        let r = try #require(data.returns?.first)
        #expect(r.owner == .own && r.outcomesInKg && r.transportMode == .van && r.transportKm == 300 && r.units == 10)
        #expect(abs(r.shares.fraction(.recycling) - 11.5 / 16) < 1e-15)
    }

    @Test func absentFilesAreNone() throws {
        let data = try read([:])
        #expect(data.isEmpty && data.useProfiles.isEmpty && data.endOfLife.isEmpty)
    }

    @Test func salesAndProfileErrors() throws {
        let found = try errors([
            "sales.csv": "date,product,quantity,country\n"
                + "2024-02-30,P,1,NO\n"  // 2
                + "2024-02-01,P,0,NO\n"  // 3
                + "2024-02-01,P,2,Norway\n"  // 4
                + "2024-02-01,,2,NO\n",  // 5
            "product_use.csv": "product,product_type,power_w,hours_per_year,kwh_per_year,lifetime_years,mass_kg,source\n"
                + "A,switch,150,,,5,5,s\n"  // 2
                + "B,switch,,,,0,5,s\n"  // 3
                + "C,switch,150,9000,,5,5,s\n"  // 4
                + "D,switch,150,8760,100,5,5,s\n"  // 5
                + "A,switch,,,,,,s\n"  // 6
                + ",switch,,,,,,\n",  // 7
        ])
        #expect(
            found == [
                "product_use.csv:2: column 'hours_per_year': the field is empty; power_w needs the hours of use per year (8760 for equipment always on)",
                "product_use.csv:3: column 'lifetime_years': a lifetime of zero years; expected the years of use, more than zero (leave it empty to take the type's default)",
                "product_use.csv:4: column 'hours_per_year': '9000' is more hours than a year has (8784 in a leap year); expected 8760 or less",
                "product_use.csv:5: column 'kwh_per_year': both power_w and kwh_per_year are given; give one: power_w with hours_per_year, or kwh_per_year",
                "product_use.csv:6: column 'product': product 'A' is given twice (first on line 2); expected one row",
                "product_use.csv:7: column 'source': the field is empty; a value is required",
                "sales.csv:2: column 'date': '2024-02-30' is not a date; expected YYYY-MM-DD, such as 2024-03-15",
                "sales.csv:3: column 'quantity': '0' is zero; expected a number of units of more than zero",
                "sales.csv:4: column 'country': 'Norway' is not a country code; expected ISO 3166 alpha-2, such as NO or SE",
                "sales.csv:5: column 'product': the field is empty; a value is required",
            ]
        )
    }

    @Test func sharesThatDoNotAddUpAreErrors() throws {
        let found = try errors([
            "end_of_life.csv": "product_type,country,reuse_pct,recycling_pct,incineration_pct,landfill_pct,source\n"
                + "switch,,10,80,5,10,s\n"  // 2: 105
                + "laptop,SE,,,,,s\n"  // 3: none
                + "laptop,SE,0,100,0,0,s\n"  // 4
                + "laptop,se,0,90,10,0,s\n",  // 5: twice
            "returns.csv": "date,product_type,owner,kg,reuse_pct,recycling_pct,landfill_pct,recycling_kg,landfill_kg,transport_mode\n"
                + "2024-01-01,laptop,own,100,28,71.9,0.2,,,\n"  // 2: 100.1
                + "2024-01-01,laptop,theirs,100,28,72,,,,\n"  // 3
                + "2024-01-01,laptop,sold,100,,,,90,9,\n"  // 4: 99 kg of 100
                + "2024-01-01,laptop,sold,100,28,72,,72,,\n"  // 5: both
                + "2024-01-01,laptop,sold,100,,,,,,\n"  // 6: none
                + "2024-01-01,laptop,sold,100,28,72,,,,ship\n"  // 7
                + "2024-01-01,laptop,sold,100,28,71.995,0.005,,,\n",  // 8: fine (100.000)
        ])
        #expect(
            found == [
                "end_of_life.csv:2: column 'reuse_pct': the shares add up to 105.0% (reuse 10.0 + recycling 80.0 + incineration 5.0 + landfill 10.0); expected 100%: every kilogram has one outcome",
                "end_of_life.csv:3: column 'recycling_pct': no share is given; expected the shares in percent of reuse_pct, refurbishment_pct, recycling_pct, incineration_pct, landfill_pct adding up to 100",
                "end_of_life.csv:5: column 'product_type': product type 'laptop' in SE is given twice (first on line 4); expected one row",
                "returns.csv:2: column 'reuse_pct': the shares add up to 100.1% (reuse 28.0 + recycling 71.9 + landfill 0.2); expected 100%: every kilogram has one outcome",
                "returns.csv:3: column 'owner': 'theirs' is not an owner; expected own (the company's equipment, Category 5) or sold (products it sold, Category 12)",
                "returns.csv:4: column 'recycling_kg': the outcomes add up to 99.0 kg, and the row returns 100.0 kg; expected every returned kilogram to have one outcome",
                "returns.csv:5: column 'recycling_kg': outcomes are given both as shares (_pct) and as masses (_kg); give one of them",
                "returns.csv:6: column 'recycling_pct': no outcome is given; expected the shares <outcome>_pct adding up to 100, or the masses <outcome>_kg adding up to kg",
                "returns.csv:7: column 'transport_mode': 'ship' is not a vehicle; expected hgv or van, or empty for hgv",
            ]
        )
    }
}

/// leased_equipment.csv and avoided_emissions.csv: what is read, and every error with its file, line and column.
@Suite("Downstream: leased equipment and avoided emissions reader")
struct LeasedEquipmentReaderTests {
    func read(_ files: [String: String]) throws -> DownstreamData { try TempFolder.reading(files, with: DownstreamDataReader.read(directory:)) }

    func errors(_ files: [String: String]) throws -> [String] { try TempFolder.errors(files, with: DownstreamDataReader.read(directory:)) }

    static let header = "equipment,customer,country,start,end,units,kwh,power_w,hours,active_w,active_hours,idle_w,idle_hours,source\n"

    @Test func readsLeasedEquipmentAndComparisons() throws {
        let data = try read([
            "leased_equipment.csv": Self.header
                + "EQ-1,C-1,no,2024-01-01,2024-12-31,,1200.5,,,,,,,meter\n"
                + "EQ-2,C-1,SE,2024-01-01,2024-06-30,2,,150,4368,,,,,data sheet\n"
                + "EQ-3,C-2,DK,2024-01-01,2024-12-31,,,,,40,2000,10,6784,assumed\n",
            "avoided_emissions.csv":
                "date,comparison,product,units,old_kwh_per_year,new_kwh_per_year,years,country,new_kgco2e_per_unit,reused_kgco2e_per_unit,source\n"
                + "2024-03-14,replacement,SW,40,2190,1314,5,no,,,s\n2024-11-29,Reuse,LT,420,,,,,300,,s\n",
        ])
        let rows = try #require(data.leasedEquipment)
        #expect(rows.count == 3 && rows[0].country == "NO" && rows[0].energy == .metered(kwh: 1200.5) && rows[0].units == 1)
        #expect(rows[1].kwh == 2 * 150 * 4368 / 1000 && rows[1].days == 182)
        #expect(rows[2].energy == .power(DutyCycle([.init(mode: .active, watts: 40, hours: 2000), .init(mode: .idle, watts: 10, hours: 6784)])))
        let avoided = try #require(data.avoided)
        #expect(avoided[0].comparison == .replacement(oldKWhPerYear: 2190, newKWhPerYear: 1314, years: 5, country: "NO"))
        #expect(avoided[1].comparison == .reuse(newKgPerUnit: 300, reusedKgPerUnit: nil) && avoided[1].units == 420)
        // Avoided emissions alone make no category.
        #expect(
            try read(["avoided_emissions.csv": "date,comparison,product,units,new_kgco2e_per_unit,source\n2024-11-29,reuse,LT,1,300,s\n"]).isEmpty
        )
    }

    @Test func leasedEquipmentErrors() throws {
        let found = try errors([
            "leased_equipment.csv": Self.header
                + "EQ-1,C-1,NO,2024-01-01,2024-12-31,,-5,,,,,,,m\n"  // 2: negative kWh
                + "EQ-2,C-1,NO,2024-01-01,2024-12-31,,,150,0,,,,,m\n"  // 3: zero hours
                + "EQ-3,C-1,NO,2024-02-01,2024-01-31,,10,,,,,,,m\n"  // 4: end before start
                + "EQ-4,C-1,NO,2024-01-01,2024-01-31,,,150,800,,,,,m\n"  // 5: more hours than 31 days
                + "EQ-5,C-1,NO,2024-01-01,2024-12-31,,,,,,,,,m\n"  // 6: no energy
                + "EQ-6,C-1,NO,2024-01-01,2024-12-31,,10,150,100,,,,,m\n"  // 7: both
                + "EQ-7,C-1,NO,2024-01-01,2024-12-31,,,150,100,40,10,,,m\n"  // 8: power and a duty cycle
                + "EQ-8,C-1,NO,2024-01-01,2024-12-31,,,,,40,,,,m\n"  // 9: a mode without hours
                + "EQ-9,C-1,NO,2024-01-01,2024-12-31,3,10,,,,,,,m\n"  // 10: units with metered kWh
                + ",,Norway,2024-01-01,2024-12-31,,10,,,,,,,\n"  // 11
        ])
        #expect(
            found == [
                "leased_equipment.csv:2: column 'kwh': '-5' is negative; expected a number of kWh of zero or more",
                "leased_equipment.csv:3: column 'hours': zero hours; expected the hours the equipment ran (leave both power_w and hours empty if none)",
                "leased_equipment.csv:4: column 'end': '2024-01-31' is before the start 2024-02-01; expected the last day the row covers, on or after its first",
                "leased_equipment.csv:5: column 'hours': 800 hours in all are more than its dates hold (744 hours); expected the hours of use within them",
                "leased_equipment.csv:6: column 'kwh': no energy is given; expected kwh (metered), or power_w with hours, or a duty cycle (active_w with active_hours, idle_w with idle_hours, ...)",
                "leased_equipment.csv:7: column 'kwh': both kwh and power figures are given; give one: kwh metered, or power_w with hours (or a duty cycle)",
                "leased_equipment.csv:8: column 'active_w': both power_w and a duty cycle are given; give one: power_w with hours, or the modes' power and hours",
                "leased_equipment.csv:9: column 'active_hours': the field is empty; active_w needs the hours it applies to",
                "leased_equipment.csv:10: column 'units': units multiplies power figures, and the row gives metered kwh (the whole row's); leave units empty",
                "leased_equipment.csv:11: column 'equipment': the field is empty; a value is required",
                "leased_equipment.csv:11: column 'customer': the field is empty; a value is required",
                "leased_equipment.csv:11: column 'country': 'Norway' is not a country code; expected ISO 3166 alpha-2, such as NO or SE",
                "leased_equipment.csv:11: column 'source': the field is empty; a value is required",
            ]
        )
    }

    @Test func avoidedEmissionsErrors() throws {
        let found = try errors([
            "avoided_emissions.csv":
                "date,comparison,product,units,old_kwh_per_year,new_kwh_per_year,years,country,new_kgco2e_per_unit,reused_kgco2e_per_unit,source\n"
                + "2024-03-14,replacement,SW,40,2190,1314,0,NO,,,s\n"  // 2: zero years
                + "2024-03-14,replacement,SW,40,2190,,5,NO,300,,s\n"  // 3: a reuse column, no new kWh
                + "2024-03-14,reuse,LT,0,,,,,,,s\n"  // 4: zero units, no footprint
                + "2024-03-14,netting,LT,1,,,,,300,,s\n"  // 5
        ])
        #expect(
            found == [
                "avoided_emissions.csv:2: column 'years': '0' is zero; expected a number of years of more than zero",
                "avoided_emissions.csv:3: column 'new_kgco2e_per_unit': a replacement compares kWh; leave new_kgco2e_per_unit empty (it belongs to a reuse row)",
                "avoided_emissions.csv:3: column 'new_kwh_per_year': the field is empty; a value is required",
                "avoided_emissions.csv:4: column 'units': '0' is zero; expected a number of units of more than zero",
                "avoided_emissions.csv:4: column 'new_kgco2e_per_unit': the field is empty; a value is required",
                "avoided_emissions.csv:5: column 'comparison': 'netting' is not a comparison; expected replacement (an old installed base against its replacement) or reuse (re-used equipment against new)",
            ]
        )
    }

    /// product_use.csv's duty cycle: each mode's power and hours per year; with power_w or kwh_per_year, or
    /// more hours than a year holds, an error.
    @Test func productUseDutyCycle() throws {
        let header =
            "product,product_type,active_w,active_hours_per_year,idle_w,idle_hours_per_year,off_w,off_hours_per_year,kwh_per_year,lifetime_years,source\n"
        let data = try read(["product_use.csv": header + "LT-2,laptop,30,2000,10,3000,0.5,3760,,4,vendor\n"])
        let profile = try #require(data.useProfiles.first)
        let expected: Double = (30 * 2000 + 10 * 3000 + 0.5 * 3760) / 1000
        #expect(profile.kwhPerYear == expected && profile.dutyCycle?.parts.count == 3)
        let rows: String = "LT-3,laptop,30,2000,,,,,25,4,s\nLT-4,laptop,30,6000,10,3000,,,,4,s\nLT-5,laptop,30,0,,,,,,4,s\n"
        let found = try errors(["product_use.csv": header + rows])
        #expect(
            found == [
                "product_use.csv:2: column 'active_w': a duty cycle and power_w, hours_per_year or kwh_per_year are given; give one of them",
                "product_use.csv:3: column 'active_hours_per_year': 9000 hours in all are more than a year holds (8784 hours); expected the hours of use within them",
                "product_use.csv:4: column 'active_hours_per_year': zero hours; expected the hours the equipment ran in this mode (leave both active_w and active_hours_per_year empty if none)",
            ]
        )
    }
}
