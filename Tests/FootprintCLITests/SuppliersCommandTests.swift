import FootprintTestSupport
import Foundation
import Testing

/// `footprint suppliers ...` end to end on the example company plus a register with identifiers.
@Suite struct SuppliersCommandTests {
    static let sample = "samples/sbti-companies-sample.xlsx"

    /// Writes `text` to the file `name` of `dir` and returns its path.
    static func write(_ dir: URL, _ name: String, _ text: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A workspace (w.sqlite in `dir`) with the example company, its suppliers with a LEI for SUP-0004
    /// and strategic flags, calculated once; returns its path.
    static func exampleWithRegister(_ dir: URL) throws -> String {
        let db = dir.appendingPathComponent("w.sqlite").path
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        let example = CalculateCommandTests.example
        for (kind, name) in WorkspaceCommandTests.files where kind != "suppliers" {
            #expect(try CLIHarness.footprint("import", kind, example + "/" + name, "--db", db).status == 0)
        }
        // The example's suppliers with a LEI for SUP-0004, strategic flags, and SUP-0001's category (computers:
        // an electronics manufacturer, to which the RBA criterion applies).
        var lines = try String(contentsOfFile: example + "/suppliers.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] += ",lei,strategic,categories"
        for i in 1..<lines.count {
            lines[i] += lines[i].hasPrefix("SUP-0004,") ? ",5493001KJTIIGC8Y1R01,yes," : lines[i].hasPrefix("SUP-0001,") ? ",,yes,334111" : ",,,"
        }
        let suppliers = try write(dir, "suppliers.csv", lines.joined(separator: "\n") + "\n")
        let imported = try CLIHarness.footprint("import", "suppliers", suppliers, "--db", db)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLIHarness.footprint("calculate", "--db", db).status == 0)
        return db
    }

    @Test func registerStatusListShowAssess() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws -> String { try Self.write(dir, name, text) }
        let db = try Self.exampleWithRegister(dir)

        let bad = try write("bad.csv", "supplier,fact,value,source,checked_on\nSUP-0001,rba,member,x,2026-01-01\nSUP-0099,cdp,A,x,2026-01-01\n")
        let refused = try CLIHarness.footprint("suppliers", "import-status", bad, "--db", db)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.csv:3: column 'supplier': 'SUP-0099' is not a supplier of the workspace"), "\(refused.stderr)")
        let status = try write("status.csv", "supplier,fact,value,source,checked_on,level\nSUP-0001,rba,member,RBA list,2026-09-01,Regular\n")
        let ok = try CLIHarness.footprint("suppliers", "import-status", status, "--db", db)
        #expect(ok.status == 0 && ok.stdout.hasPrefix("Imported status.csv as #"), "\(ok.stderr)")

        let list = try CLIHarness.footprint("suppliers", "list", "--json", "--db", db)
        #expect(list.status == 0, "\(list.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(items.count == 45)
        let first = try #require(items.first { $0["id"] as? String == "SUP-0001" })
        #expect(first["strategic"] as? Bool == true && first["rba"] as? String == "member (Regular)")
        #expect((first["emissions_kg"] as? Double ?? 0) > 0 && first["run"] as? Int == 1)

        let show = try CLIHarness.footprint("suppliers", "show", "SUP-0001", "--db", db)
        #expect(
            show.status == 0 && show.stdout.contains("* 2026-09-01  rba: member (Regular)") && show.stdout.contains("rba-member: 15/15"),
            "\(show.stdout)"
        )
        #expect(try CLIHarness.footprint("suppliers", "show", "NOPE", "--db", db).status == 1)

        let criteria = try write(
            "criteria.json",
            #"{"criteria": [{"id": "rba", "kind": "rba-member", "weight": 1}], "tiers": [{"name": "in", "minimum_score": 100}, {"name": "out", "minimum_score": 0}]}"#
        )
        let assess = try CLIHarness.footprint("suppliers", "assess", "--strategic", "--criteria", criteria, "--json", "--db", db)
        #expect(assess.status == 0, "\(assess.stderr)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(assess.stdout.utf8)) as? [[String: Any]])
        #expect(results.map { "\($0["supplier"]!):\($0["tier"]!)" } == ["SUP-0001:in", "SUP-0004:out"])
    }

    @Test(.enabled(if: SharedFolder.isAvailable(sample), "../shared/samples/sbti-companies-sample.xlsx is absent"))
    func sbtiSampleMatchedByLEIAndNameThenApplied() throws {
        let sample = try SharedFolder.file(Self.sample).path
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.exampleWithRegister(dir)
        let report = try CLIHarness.footprint("suppliers", "import-sbti", sample, "--db", db)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(
            report.stdout.contains("SUP-0004 Skarv Nettverk AS -> row 2 'Nordic Network Systems ASA' SBTI-40001: targets set (by lei)"),
            "\(report.stdout)"
        )
        #expect(report.stdout.contains("SUP-0007 Blå Konsult AB -> row 3 'Blå Konsult AB' SBTI-40002: targets set (by name)"))
        #expect(report.stdout.contains("Nothing stored"))
        let applied = try CLIHarness.footprint("suppliers", "import-sbti", sample, "--apply", "--checked-on", "2026-11-01", "--json", "--db", db)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try CLIHarness.json(applied.stdout)["stored"] as? Int == 2)
    }
}
