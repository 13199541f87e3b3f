import FootprintCore
import FootprintImport
import Foundation
import Testing

/// The activity files' readers: every problem of every file, located as `file:line: column 'name': ...`.
@Suite struct ActivityReaderTests {
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("activity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir.path
    }

    @Test func anEmptyFolderHasNoActivity() throws {
        let data = try ActivityDataReader.read(directory: Self.folder([:]))
        #expect(data.isEmpty && data.sites.isEmpty)
    }

    @Test func everyProblemOfEveryFileIsReported() throws {
        let dir = try Self.folder([
            "sites.csv": "site,name,country,bidding_zone,consolidated\nOSL,Oslo,NO,NO1,yes\nOSL,Again,NO,,maybe\nX,Bad,Norway,,\n",
            "fuel.csv": "date,site,fuel,quantity,unit\n2024-01-31,OSL,diesel,10,m3\n2024-02-30,OSL,kerosene,-1,litres\n",
            "refrigerants.csv": "date,site,gas,kg,gwp_set\n2024-06-01,OSL,R-1234yf,1,AR5\n2024-06-01,OSL,R-22,1,\n2024-06-01,OSL,R-32,1,AR4\n",
            "energy.csv": "site,month,carrier,kwh\nOSL,2024-13,electricity,1\nOSL,2024-01,steam,1\nBGO,2024-01,electricity,1\n",
            "energy_instruments.csv":
                "id,type,mwh,country,production_start,production_end,cancelled_on,site,kgco2e_per_kwh\n"
                + "GO-1,certificate,1,NO,2024-01-01,2023-12-31,,,\nSR-1,supplier-specific-rate,1,NO,2024-01-01,2024-12-31,2025-01-10,OSL,\n",
            "grid_factors.csv": "area,year,basis,kgco2e_per_kwh,source\nNO,2024,location,0.01,a\nNO,2024,location,0.02,b\n",
        ])
        let error = try #require(throws: InputError.self) { try ActivityDataReader.read(directory: dir) }
        #expect(
            error.diagnostics.map(\.description) == [
                "energy.csv:2: column 'month': '2024-13' is not a month; expected YYYY-MM, such as 2024-03",
                "energy.csv:3: column 'carrier': 'steam' is not known; expected one of electricity, district-heating, district-cooling",
                "energy.csv:4: column 'site': unknown site 'BGO'; expected a site of sites.csv (OSL)",
                "energy_instruments.csv:2: column 'type': 'certificate' is not known; expected one of guarantee-of-origin, rec, ppa, supplier-specific-rate",
                "energy_instruments.csv:2: column 'production_end': the production period ends before it starts",
                "energy_instruments.csv:3: column 'kgco2e_per_kwh': the field is empty; a value is required",
                "fuel.csv:2: column 'unit': 'm3' is not a unit DESNZ gives for diesel; expected one of litres, kwh, tonnes, kg",
                "fuel.csv:3: column 'date': '2024-02-30' is not a date; expected YYYY-MM-DD, such as 2024-03-31",
                "fuel.csv:3: column 'fuel': 'kerosene' is not known; expected one of diesel, diesel-mineral, petrol, natural-gas, lpg, gas-oil",
                "fuel.csv:3: column 'quantity': '-1' is negative; expected a quantity of zero or more",
                "grid_factors.csv:3: column 'area': duplicate factor for NO 2024 location; it is already on line 2",
                "refrigerants.csv:2: column 'gas': R-1234yf has no GWP-100 in AR5; set gwp_set to AR6, which has one",
                "refrigerants.csv:3: column 'gas': 'R-22' has no built-in GWP; expected one of R-32, R-125, R-134a, R-143a, R-744, R-1234yf, SF6, R-410A, R-404A, R-407C (or report it as a gas Footprint knows the composition of)",
                "refrigerants.csv:4: column 'gwp_set': 'AR4' is not a GWP set; expected AR5 or AR6",
                "sites.csv:3: column 'consolidated': 'maybe' is not yes or no; expected yes (in the boundary, the default) or no",
                "sites.csv:3: column 'site': duplicate site 'OSL'; it is already on line 2",
                "sites.csv:4: column 'country': 'Norway' is not a country code; expected ISO 3166 alpha-2, such as NO",
            ]
        )
    }

    @Test func readsEveryFileIntoTheRecords() throws {
        let dir = try Self.folder([
            "sites.csv": "site,country,bidding_zone,consolidated\nOSL,no,no1,\nBGO,NO,,no\n",
            "fuel.csv": "date,site,vehicle,fuel,quantity,unit\n2024-01-31,OSL,EL 1,Diesel,10.5,litres\n2024-01-31,OSL,,natural-gas,100,m3\n",
            "energy.csv": "site,month,carrier,kwh,meter\nOSL,2024-01,District-Heating,1200,M1\n",
            "energy_instruments.csv":
                "id,type,mwh,country,production_start,production_end,cancelled_on\nGO-1,guarantee-of-origin,2.5,SE,2024-01-01,2024-06-30,2024-09-01\n",
        ])
        let data = try ActivityDataReader.read(directory: dir)
        #expect(data.sites.map(\.country) == ["NO", "NO"] && data.sites[0].biddingZone == "NO1" && !data.sites[1].consolidated)
        #expect(data.fuel.map(\.use) == [.mobile, .stationary])  // a vehicle means mobile when `use` is absent
        #expect(data.fuel[0].fuel == .diesel && data.fuel[0].quantity == 10.5)
        #expect(data.energy[0].carrier == .districtHeating && data.energy[0].firstDay == 20_240_101)
        #expect(data.instruments[0].kwh == 2500 && data.instruments[0].cancelledOn == 20_240_901 && data.instruments[0].site == nil)
        #expect(data.instruments[0].location.description == "energy_instruments.csv:2")
    }
}
