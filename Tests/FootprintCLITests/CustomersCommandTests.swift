import Foundation
import Testing

/// `footprint import customers|services|service-pools|service-usage`, `footprint customers list` and
/// `footprint services list` (docs/customers.md).
@Suite struct CustomersCommandTests {
    static var example: String { CalculateCommandTests.example }

    @Test func importAndList() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)

        let early = try CLIHarness.footprint("import", "service-usage", Self.example + "/service_usage.csv", "--db", db)
        #expect(early.status == 1 && early.stdout.isEmpty)
        #expect(
            early.stderr.contains(
                "error: service_usage.csv:1: service_usage.csv names customers and services, but no customers.csv / services.csv is in force"
            )
        )

        for (kind, name, rows) in [
            ("customers", "customers.csv", 60), ("services", "services.csv", 6), ("sites", "sites.csv", 5),
            ("service-pools", "service_pools.csv", 20), ("service-usage", "service_usage.csv", 2625),
        ] {
            let out = try CLIHarness.footprint("import", kind, Self.example + "/" + name, "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
            #expect(out.stdout.hasPrefix("Imported \(name) as #") && out.stdout.contains(": \(rows) \(kind) rows,"), "\(out.stdout)")
        }

        let customers = try CLIHarness.footprint("customers", "list", "--db", db, "--json")
        #expect(customers.status == 0, "\(customers.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(customers.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 60)
        #expect(list.first?["customer"] as? String == "CUST-001" && list.first?["language"] as? String == "nb")
        let text = try CLIHarness.footprint("customers", "--db", db)
        #expect(text.status == 0 && text.stdout.contains("CUST-060"))

        let services = try CLIHarness.footprint("services", "list", "--db", db, "--json")
        #expect(services.status == 0, "\(services.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(services.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["service"] as? String } == ["VSRV", "STOR", "NET", "WORK", "SOC", "LIC"])
        let net = entries[2]
        #expect(net["pactUnit"] as? String == "megabit second" && net["unitsPerPactUnit"] as? String == "1/2592000")
        #expect((net["months"] as? [[String: Any]])?.count == 12)
        let vsrv = entries[0]
        let pools = try #require(vsrv["pools"] as? [[String: Any]])
        #expect(pools.first?["pool"] as? String == "DC-COMPUTE" && pools.first?["capacityPerMonth"] as? String == "800000")
        let table = try CLIHarness.footprint("services", "--db", db)
        #expect(table.status == 0 && table.stdout.contains("DC-COMPUTE (capacity 800000/month)"), "\(table.stdout)")
    }
}
