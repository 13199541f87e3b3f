import Foundation
import Testing

/// `footprint import pact` and `footprint pact link|unlink|links` end to end.
@Suite("PACT commands")
struct PACTCommandTests {
    @Test func importLinkAndCalculate() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        func write(_ name: String, _ text: String) throws -> String {
            let path = dir.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let fixtures = CLIHarness.packageRoot.path + "/Tests/FootprintStoreTests/Fixtures/pact"
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        let inputs = [
            ("suppliers", try write("suppliers.csv", "id,name,country,org_number\nBOLT,Nordic Bolts AS,NO,912345678\n")),
            ("factors", try write("factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\nhardware,Hardware,0.5,NOK,,test\n")),
            ("rates", try write("rates.csv", "currency,year,per_usd\nNOK,2024,10\n")),
            (
                "purchases",
                try write(
                    "purchases.csv",
                    """
                    id,date,supplier,category,amount,currency,product,quantity,unit,customer
                    p1,2024-06-01,BOLT,hardware,500,NOK,M8-BOLT,10,kg,
                    p2,2024-06-01,BOLT,hardware,500,NOK,BOLT-8,4,kg,

                    """
                )
            ),
        ]
        for (kind, path) in inputs { #expect(try CLIHarness.footprint("import", kind, path, "--db", db).status == 0) }
        let imported = try CLIHarness.footprint("import", "pact", fixtures + "/bolts-v2.json", "--db", db)
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("1 PACT footprints"))
        #expect(imported.stdout.contains("-> supplier BOLT"))
        let bad = try CLIHarness.footprint("import", "pact", fixtures + "/acme-switch-2024.json", fixtures + "/broken.json", "--db", db)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("broken.json"))
        let link = try CLIHarness.footprint("pact", "link", "BOLT", "urn:pact:bolts.example:m8-bolt", "BOLT-8", "--db", db)
        #expect(link.status == 0)
        #expect(try CLIHarness.footprint("pact", "links", "--db", db).stdout.contains("BOLT,urn:pact:bolts.example:m8-bolt,BOLT-8"))
        #expect(try CLIHarness.footprint("calculate", "--db", db).status == 0)
        let out = dir.appendingPathComponent("lines.csv").path
        #expect(try CLIHarness.footprint("runs", "lines", "1", "--out", out, "--db", db).status == 0)
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        #expect(csv.contains("pact_footprint_id"))
        // 10 kg x 2.5 and 4 kg x 2.5
        #expect(csv.contains(",supplier-specific,25.0,"))
        #expect(csv.contains(",supplier-specific,10.0,"))
        #expect(try CLIHarness.footprint("pact", "unlink", "BOLT", "urn:pact:bolts.example:m8-bolt", "BOLT-8", "--db", db).status == 0)
    }
}
