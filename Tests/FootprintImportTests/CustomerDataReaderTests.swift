import FootprintCore
import FootprintImport
import Foundation
import Testing

/// customers.csv, services.csv, service_pools.csv and service_usage.csv (docs/customers.md), read from a
/// data folder by `CustomerDataReader`; every check with its message.
@Suite("CustomerDataReader")
struct CustomerDataReaderTests {
    func read(_ files: [String: String]) throws -> CustomerData { try TempFolder.reading(files, with: CustomerDataReader.read(directory:)) }

    func errors(_ files: [String: String]) throws -> [String] { try TempFolder.errors(files, with: CustomerDataReader.read(directory:)) }

    static let customers = """
        customer,name,country,language,pact_company_ids,org_number
        C1,Fjord AS,NO,nb,urn:pathfinder:company:customcode:vendor-assigned:c1 urn:lei:5493001KJTIIGC8Y1R12,912345678
        C2,Kvarn AB,SE,,,

        """
    static let services = """
        service,name,unit,pact_unit,units_per_pact_unit,description
        VS,Virtual servers,vCPU-hour,hour,,vCPUs
        NET,Network line,Mbit/s-month,megabit second,1/2592000,
        ST,Storage,TB-month,Piece,0.5,

        """
    static let pools = """
        pool,service,key,capacity,scope,scope3_category,supplier,category,site
        P-VS,VS,,1000,,,,,OSL-COLO
        P-VS,VS,usage,1000,3,,S1,,
        P-NET,NET,revenue,,3,1,,518210,

        """
    static let usage = """
        customer,service,month,quantity,unit,revenue,currency
        C1,VS,2024-01,400.5,vCPU-hour,168.21,NOK
        C2,VS,2024-01,0,vCPU-hour,,
        C1,NET,2024-02,100,Mbit/s-month,3800,NOK

        """
    static let sites = "site,name\nOSL-COLO,Colocation\nOSL-HQ,Office\n"

    static var all: [String: String] {
        ["customers.csv": customers, "services.csv": services, "service_pools.csv": pools, "service_usage.csv": usage, "sites.csv": sites]
    }

    @Test func readsTheFiles() throws {
        let data = try read(Self.all)
        #expect(data.customers.map(\.id) == ["C1", "C2"])
        let c1 = try #require(data.customer(id: "C1"))
        #expect(c1.language == .nb && c1.country == "NO" && c1.orgNumber == "912345678")
        #expect(c1.pactCompanyIDs == ["urn:pathfinder:company:customcode:vendor-assigned:c1", "urn:lei:5493001KJTIIGC8Y1R12"])
        #expect(c1.location == SourceLocation(file: "customers.csv", line: 2))
        let c2 = try #require(data.customer(id: "C2"))
        #expect(c2.language == .en && c2.pactCompanyIDs.isEmpty && c2.orgNumber == nil)
        #expect(data.customer(id: "C3") == nil)

        let vs = try #require(data.service(id: "VS"))
        #expect(vs.unit == "vCPU-hour" && vs.pactUnit == "hour" && vs.unitsPerPACTUnit == 1 && vs.unitsPerPACTUnitText == "1")
        #expect(vs.description == "vCPUs")
        let net = try #require(data.service(id: "NET"))
        #expect(net.pactUnit == "megabit second" && net.unitsPerPACTUnitText == "1/2592000")
        #expect(net.unitsPerPACTUnit == 1.0 / 2_592_000)
        // The declared unit as PACT spells it, whatever the case of the file.
        #expect(data.service(id: "ST")?.pactUnit == "piece" && data.service(id: "ST")?.unitsPerPACTUnit == 0.5)

        #expect(data.pools.map(\.id) == ["P-VS", "P-NET"])
        let pool = try #require(data.pool(id: "P-VS"))
        #expect(pool.service == "VS" && pool.key == .usage && pool.capacityPerMonth == 1000 && pool.capacityPerMonthText == "1000")
        #expect(pool.selectors.map(\.text) == ["site 'OSL-COLO'", "scope 3, supplier 'S1'"])
        #expect(pool.selectors[1].location == SourceLocation(file: "service_pools.csv", line: 3))
        #expect(pool.matches(scope: 2, scope3Category: nil, supplier: "Kraft AS", category: "power", site: "OSL-COLO"))
        #expect(pool.matches(scope: 3, scope3Category: 1, supplier: "S1", category: "anything", site: nil))
        #expect(!pool.matches(scope: 3, scope3Category: 1, supplier: "S2", category: "anything", site: nil))
        let netPool = try #require(data.pool(id: "P-NET"))
        #expect(netPool.key == .revenue && netPool.capacityPerMonth == nil)
        #expect(netPool.selectors[0].matches(scope: 3, scope3Category: 1, supplier: "S9", category: "518210", site: nil))
        #expect(!netPool.selectors[0].matches(scope: 3, scope3Category: 2, supplier: "S9", category: "518210", site: nil))
        #expect(data.pools(service: "VS").map(\.id) == ["P-VS"])

        #expect(data.usage.count == 3)
        let u = data.usage[0]
        #expect(u.customer == "C1" && u.service == "VS" && u.year == 2024 && u.month == 1 && u.monthText == "2024-01")
        #expect(u.quantity == 400.5 && u.quantityText == "400.5" && u.revenue == 168.21 && u.revenueText == "168.21" && u.currency == "NOK")
        #expect(data.usage[1].revenue == nil && data.usage[1].currency == nil && data.usage[1].quantity == 0)
        #expect(data.usage(service: "VS").count == 2 && data.usage(customer: "C1").count == 2)
    }

    @Test func everyFileIsOptional() throws {
        #expect(try read([:]).isEmpty)
        let data = try read(["customers.csv": Self.customers])
        #expect(data.customers.count == 2 && data.services.isEmpty)
    }

    @Test func customersChecks() throws {
        let bad = """
            customer,name,country,language,pact_company_ids
            C1,Fjord AS,Norway,no,acme
            C2,,no,EN,
            C1,Again AS,,,

            """
        #expect(
            try errors(["customers.csv": bad]) == [
                "customers.csv:2: column 'country': 'Norway' is not a country code; expected ISO 3166 alpha-2 in capitals, such as NO",
                "customers.csv:2: column 'language': 'no' is not a statement language; expected nb (Norwegian Bokmål) or en (English), or empty for en",
                "customers.csv:2: column 'pact_company_ids': 'acme' is not a URN; expected PACT company ids such as urn:pathfinder:company:customcode:buyer-assigned:acme, separated by spaces",
                "customers.csv:3: column 'name': the field is empty; a value is required",
                "customers.csv:3: column 'country': 'no' is not a country code; expected ISO 3166 alpha-2 in capitals, such as NO",
                "customers.csv:4: column 'customer': duplicate customer 'C1'; it is already on line 2",
            ]
        )
        #expect(
            try errors(["customers.csv": "id,name\nC1,X\n"]) == [
                "customers.csv:1: missing required column 'customer'; the header has 'id', 'name'"
            ]
        )
    }

    @Test func servicesChecks() throws {
        let bad = """
            service,name,unit,pact_unit,units_per_pact_unit
            A,Servers,vCPU-hour,vCPU hour,
            B,Storage,TB-month,piece,0
            C,Lines,Mbit/s-month,megabit second,1/0
            D,Seats,seat-month,piece,-2
            E,Other,GB,piece,1/2/3
            A,Servers again,vCPU-hour,hour,1

            """
        let expected = "expected how many of the service's unit make one PACT declared unit, such as 1, 0.001 or 1/2592000"
        #expect(
            try errors(["services.csv": bad]) == [
                "services.csv:2: column 'pact_unit': 'vCPU hour' is not a PACT v3 declared unit; expected one of 'liter', 'kilogram', 'cubic meter', 'kilowatt hour', 'megajoule', 'ton kilometer', 'square meter', 'piece', 'hour', 'megabit second'",
                "services.csv:3: column 'units_per_pact_unit': '0' is not a positive number; \(expected)",
                "services.csv:4: column 'units_per_pact_unit': '1/0' is not a positive number; \(expected)",
                "services.csv:5: column 'units_per_pact_unit': '-2' is not a positive number; \(expected)",
                "services.csv:6: column 'units_per_pact_unit': '1/2/3' is not a positive number; \(expected)",
                "services.csv:7: column 'service': duplicate service 'A'; it is already on line 2",
            ]
        )
    }

    @Test func poolsChecks() throws {
        let bad = """
            pool,service,key,capacity,scope,scope3_category,supplier,category,site,service_life_years
            P1,VS,,,,,,,,
            P2,XX,,,3,,S1,,,
            P3,VS,weight,,3,,S2,,,
            P4,VS,,,2,4,,,,
            P5,VS,,,4,,S3,,,
            P6,VS,,-5,3,,S4,,,
            P7,VS,,,,,,,BERGEN,
            P8,VS,,100,3,,S5,,,
            P8,VS,revenue,100,3,,S6,,,
            P8,VS,,200,3,,S7,,,
            P8,NET,,100,3,,S8,,,
            P9,VS,,,3,,S5,,,
            P8,VS,,100,3,,S5,,,
            P10,VS,,,3,16,,,,
            P11,VS,,,3,,S9,,,0
            P12,VS,,,3,,S10,,,4.5
            P13,VS,,,3,,S11,,,5

            """
        var files = Self.all
        files["service_pools.csv"] = bad
        files["service_usage.csv"] = nil
        #expect(
            try errors(files) == [
                "service_pools.csv:2: column 'pool': pool 'P1' has no selector, so it would take every line; expected at least one of scope, scope3_category, supplier, category, site",
                "service_pools.csv:3: column 'service': unknown service 'XX'; expected a service of services.csv",
                "service_pools.csv:4: column 'key': 'weight' is not an allocation key; expected usage (the default) or revenue",
                "service_pools.csv:5: column 'scope3_category': Scope 3 category 4 with scope 2; expected scope 3 or an empty scope with a Scope 3 category",
                "service_pools.csv:6: column 'scope': '4' is not a scope; expected 1, 2 or 3",
                "service_pools.csv:7: column 'capacity': '-5' is not a positive number; expected the platform's capacity per month in the service's unit, such as 120000",
                "service_pools.csv:8: column 'site': unknown site 'BERGEN'; expected a site of sites.csv",
                "service_pools.csv:10: column 'key': pool 'P8' has key 'usage' on line 9; expected the rows of one pool to give one key",
                "service_pools.csv:11: column 'capacity': pool 'P8' has capacity 100 on line 9; expected the rows of one pool to give one capacity",
                "service_pools.csv:12: column 'service': pool 'P8' feeds service 'VS' on line 9; expected the rows of one pool to name one service",
                "service_pools.csv:13: column 'pool': pool mapped twice: scope 3, supplier 'S5' is selected by pool 'P9' on this line and by pool 'P8' on line 9; expected each selector in one pool",
                "service_pools.csv:14: column 'pool': pool 'P8' selects scope 3, supplier 'S5' twice: already on line 9; expected each selector once",
                "service_pools.csv:15: column 'scope3_category': '16' is not a Scope 3 category; expected 1 to 15",
                "service_pools.csv:16: column 'service_life_years': '0' is not a service life; expected a whole number of years from 1 to 50 (the hardware's life over which service footprints spread its purchase), or an empty field",
                "service_pools.csv:17: column 'service_life_years': '4.5' is not a service life; expected a whole number of years from 1 to 50 (the hardware's life over which service footprints spread its purchase), or an empty field",
            ]
        )
    }

    @Test func usageChecks() throws {
        let bad = """
            customer,service,month,quantity,unit,revenue,currency
            C9,VS,2024-01,1,vCPU-hour,,
            C1,XX,2024-01,1,vCPU-hour,,
            C1,VS,2024-13,1,vCPU-hour,,
            C1,VS,2024-02,-1,vCPU-hour,,
            C1,VS,2024-03,1,vCPU-hours,,
            C1,VS,2024-04,1,vCPU-hour,100,
            C1,VS,2024-05,1,vCPU-hour,100,nok
            C1,VS,2024-06,1,vCPU-hour,-3,NOK
            C1,VS,2024-07,1,vCPU-hour,,
            C1,VS,2024-07,2,vCPU-hour,,

            """
        var files = Self.all
        files["service_usage.csv"] = bad
        #expect(
            try errors(files) == [
                "service_usage.csv:2: column 'customer': unknown customer 'C9'; expected a customer of customers.csv",
                "service_usage.csv:3: column 'service': unknown service 'XX'; expected a service of services.csv",
                "service_usage.csv:4: column 'month': '2024-13' is not a month; expected YYYY-MM, such as 2024-03",
                "service_usage.csv:5: column 'quantity': '-1' is not a quantity; expected a number of at least 0 in the service's unit, such as 1250.5",
                "service_usage.csv:6: column 'unit': 'vCPU-hours' is not the unit of service 'VS', which services.csv bills in 'vCPU-hour'; expected the quantity in vCPU-hour",
                "service_usage.csv:7: column 'currency': the field is empty, but the row has a revenue; expected the revenue's currency (ISO 4217), such as NOK",
                "service_usage.csv:8: column 'currency': 'nok' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK",
                "service_usage.csv:9: column 'revenue': '-3' is not a revenue; expected a number of at least 0, such as 12500.00",
                "service_usage.csv:11: column 'month': duplicate usage of service 'VS' by customer 'C1' in 2024-07; it is already on line 10 (one row per customer, service and month)",
            ]
        )
    }

    /// Files that name another file's ids need that file; a file with errors is not used to check
    /// the others (its own errors say what is wrong).
    @Test func theFilesOthersName() throws {
        #expect(
            try errors(["service_pools.csv": Self.pools]) == [
                "service_pools.csv:1: service_pools.csv names services, but the data folder has no services.csv; add it beside service_pools.csv"
            ]
        )
        #expect(
            try errors(["service_usage.csv": Self.usage, "services.csv": Self.services]) == [
                "service_usage.csv:1: service_usage.csv names customers, but the data folder has no customers.csv; add it beside service_usage.csv"
            ]
        )
        #expect(
            try errors(["service_usage.csv": Self.usage]) == [
                "service_usage.csv:1: service_usage.csv names customers and services, but the data folder has no customers.csv / services.csv; add them beside service_usage.csv"
            ]
        )
        var files = Self.all
        files["customers.csv"] = Self.customers + "C1,Twice AS,,,,\n"
        #expect(try errors(files) == ["customers.csv:4: column 'customer': duplicate customer 'C1'; it is already on line 2"])
    }

    /// A data folder reads them with its other files (`DataFolder.customers`).
    @Test func theDataFolderReadsThem() throws {
        var files = Self.all
        files["factors.csv"] = Fixture.factors
        let folder = try TempFolder.reading(files, with: ReferenceDataReader.readFolder(directory:))
        #expect(folder.customers == (try read(Self.all)))
        files["service_usage.csv"] = "customer,service,month,quantity,unit\nC9,VS,2024-01,1,vCPU-hour\n"
        #expect(
            try TempFolder.errors(files, with: ReferenceDataReader.readFolder(directory:)) == [
                "service_usage.csv:2: column 'customer': unknown customer 'C9'; expected a customer of customers.csv"
            ]
        )
    }

    /// The example's files: every customer of the ledger, six services, the platform's capacity partly unsold.
    @Test func theExample() throws {
        let folder = packageRoot.appendingPathComponent("examples/nordic-it").path
        let data = try CustomerDataReader.read(directory: folder)
        #expect(data.customers.count == 60 && data.services.count == 6 && data.pools.count == 6)
        #expect(data.pools.reduce(0) { $0 + $1.selectors.count } == 20)
        #expect(data.usage.count == 2625)
        #expect(data.customers.filter { $0.language == .en }.count == 10)
        #expect(data.service(id: "NET")?.unitsPerPACTUnit == 1.0 / 2_592_000)
        let ledger = try String(contentsOfFile: folder + "/purchases.csv", encoding: .utf8)
        let header = ledger.split(separator: "\n")[0].split(separator: ",")
        let column = try #require(header.firstIndex(of: "customer"))
        var named = Set<String>()
        for line in ledger.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count == header.count, !fields[column].isEmpty { named.insert(String(fields[column])) }
        }
        #expect(!named.isEmpty && named.allSatisfy { data.customer(id: $0) != nil })
        for (service, pool) in [("VSRV", "DC-COMPUTE"), ("STOR", "DC-STORAGE")] {
            let capacity = try #require(data.pool(id: pool)?.capacityPerMonth)
            for month in 1...12 {
                let sold = data.usage(service: service).filter { $0.month == month }.reduce(0) { $0 + $1.quantity }
                #expect(sold > 0 && sold < capacity)
            }
        }
    }
}
