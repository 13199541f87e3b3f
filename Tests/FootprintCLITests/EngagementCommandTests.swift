import Foundation
import Testing

/// `footprint suppliers segment` and `footprint engagement kpis` on the example company.
@Suite struct EngagementCommandTests {
    @Test func segmentAndKPIsNameTheirRun() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        let example = CalculateCommandTests.example
        for (kind, name) in WorkspaceCommandTests.files {
            #expect(try CLIHarness.footprint("import", kind, example + "/" + name, "--db", db).status == 0)
        }
        let none = try CLIHarness.footprint("engagement", "kpis", "--db", db)
        #expect(none.status == 1)
        #expect(try CLIHarness.footprint("calculate", "--db", db).status == 0)
        let status = dir.appendingPathComponent("supplier_status.csv").path
        try Data("supplier,fact,value,source,checked_on\nSUP-0002,sbti,targets set,test,2026-01-01\n".utf8).write(to: URL(fileURLWithPath: status))
        #expect(try CLIHarness.footprint("suppliers", "import-status", status, "--db", db).status == 0)

        let segment = try CLIHarness.footprint("suppliers", "segment", "--json", "--db", db)
        #expect(segment.status == 0, "\(segment.stderr)")
        let s = try CLIHarness.json(segment.stdout)
        #expect(s["run"] as? Int == 1 && s["coverage"] as? Double == 80)
        let rows = try #require(s["suppliers"] as? [[String: Any]])
        #expect(rows.first?["rank"] as? Int == 1 && (s["strategic_share"] as? Double ?? 0) >= 0.8)
        let text = try CLIHarness.footprint("suppliers", "segment", "--strategic", "--coverage", "50", "--db", db)
        #expect(text.status == 0 && text.stdout.contains("Run #1: "), "\(text.stdout)")
        #expect(try CLIHarness.footprint("suppliers", "segment", "--coverage", "120", "--db", db).status != 0)

        let kpis = try CLIHarness.footprint("engagement", "kpis", "--json", "--run", "1", "--db", db)
        #expect(kpis.status == 0, "\(kpis.stderr)")
        let k = try CLIHarness.json(kpis.stdout)
        #expect(k["run"] as? Int == 1 && k["sbti_targets_set_suppliers"] as? [String] == ["SUP-0002"])
        let share = try #require(k["sbti_targets_set_emission_share"] as? Double)
        #expect(share > 0 && share < 1)
        let plain = try CLIHarness.footprint("engagement", "kpis", "--db", db)
        #expect(plain.status == 0 && plain.stdout.hasPrefix("Engagement KPIs of run #1"), "\(plain.stdout)")
        #expect(try CLIHarness.footprint("engagement", "kpis", "--run", "9", "--db", db).status == 1)
    }
}
