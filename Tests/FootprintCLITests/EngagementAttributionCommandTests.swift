import Foundation
import Testing

/// `engagement kpis --attribute` and `engagement target --attribute` on the example company, whose
/// manufacturers.csv names SUP-0001 (SBTi targets set) as the maker of a laptop other suppliers sell.
@Suite struct EngagementAttributionCommandTests {
    @Test func theAttributionIsChosenStoredAndStated() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        try CLIHarness.exampleWorkspace(db)
        #expect(try CLIHarness.footprint("calculate", "--db", db).status == 0)
        let status = dir.appendingPathComponent("supplier_status.csv").path
        try Data("supplier,fact,value,source,checked_on\nSUP-0001,sbti,targets set,test,2026-01-01\n".utf8).write(to: URL(fileURLWithPath: status))
        #expect(try CLIHarness.footprint("suppliers", "import-status", status, "--db", db).status == 0)

        let bySupplier = try CLIHarness.json(try CLIHarness.footprint("engagement", "kpis", "--json", "--db", db).stdout)
        let byMaker = try CLIHarness.json(try CLIHarness.footprint("engagement", "kpis", "--json", "--attribute", "manufacturer", "--db", db).stdout)
        #expect(bySupplier["attribution"] as? String == "supplier" && byMaker["attribution"] as? String == "manufacturer")
        #expect((byMaker["attribution_rule"] as? String)?.contains("manufacturers.csv") == true)
        #expect(bySupplier["moved_to_manufacturers_kg"] == nil && (byMaker["moved_to_manufacturers_kg"] as? Double ?? 0) > 0)
        // The denominators are the inventory's under either attribution; the manufacturer's credit grows.
        #expect(
            bySupplier["cat12_kg"] as? Double == byMaker["cat12_kg"] as? Double && bySupplier["total_kg"] as? Double == byMaker["total_kg"] as? Double
        )
        let s = try #require(bySupplier["boundaries"] as? [String: [String: Any]])
        let m = try #require(byMaker["boundaries"] as? [String: [String: Any]])
        for boundary in ["category-1", "categories-1-2", "upstream"] { #expect(s[boundary]?["kg"] as? Double == m[boundary]?["kg"] as? Double) }
        #expect((byMaker["sbti_targets_set_kg"] as? Double ?? 0) > (bySupplier["sbti_targets_set_kg"] as? Double ?? 0))

        let text = try CLIHarness.footprint("engagement", "kpis", "--attribute", "manufacturer", "--db", db)
        #expect(text.status == 0 && text.stdout.contains("  attribution: manufacturer (a line whose product has a manufacturer"), "\(text.stdout)")
        #expect(try CLIHarness.footprint("engagement", "kpis", "--db", db).stdout.contains("  attribution: supplier (each line counts toward"))
        #expect(try CLIHarness.footprint("engagement", "kpis", "--attribute", "maker", "--db", db).status != 0)
        #expect(try CLIHarness.footprint("engagement", "kpis", "--history", "--attribute", "supplier", "--db", db).status != 0)

        // Stored with the target: the next run's KPIs and kpis without --attribute use it.
        let set = try CLIHarness.footprint(
            "engagement",
            "target",
            "--share",
            "67",
            "--by",
            "2027-12-31",
            "--attribute",
            "manufacturer",
            "--json",
            "--db",
            db
        )
        #expect(set.status == 0, "\(set.stderr)")
        #expect((try CLIHarness.json(set.stdout)["target"] as? [String: Any])?["attribution"] as? String == "manufacturer")
        #expect(try CLIHarness.footprint("calculate", "--full", "--db", db).status == 0)
        let plain = try CLIHarness.json(try CLIHarness.footprint("engagement", "kpis", "--json", "--db", db).stdout)
        #expect(plain["attribution"] as? String == "manufacturer")
        let history = try CLIHarness.json(try CLIHarness.footprint("engagement", "kpis", "--history", "--json", "--db", db).stdout)
        let runs = try #require(history["runs"] as? [[String: Any]])
        #expect(runs.map { $0["attribution"] as? String } == ["supplier", "manufacturer"])
        #expect((runs.last?["attribution_rule"] as? String)?.hasPrefix("a line whose product has a manufacturer") == true)
    }
}
