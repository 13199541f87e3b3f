import Foundation
import GRDB
import Testing

/// The workspace commands end to end, as a user runs them: init, import, calculate, report, runs.
@Suite struct WorkspaceCommandTests {
    static var example: String { CalculateCommandTests.example }
    static let files: [(String, String)] = [
        ("suppliers", "suppliers.csv"), ("factors", "factors.csv"), ("rates", "rates.csv"), ("price-index", "price_index.csv"),
        ("supplier-emissions", "supplier_emissions.csv"), ("product-footprints", "product_footprints.csv"),
        ("manufacturers", "manufacturers.csv"), ("supplier-allocations", "supplier_allocations.csv"),
        ("purchases", "purchases.csv"),
    ]

    @Test func initImportCalculateReportRunsDiff() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path

        let initOut = try CLIHarness.footprint("init", "--db", db)
        #expect(initOut.status == 0, "\(initOut.stderr)")
        #expect(FileManager.default.fileExists(atPath: db))
        for (kind, name) in Self.files {
            let out = try CLIHarness.footprint("import", kind, Self.example + "/" + name, "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
            #expect(out.stdout.hasPrefix("Imported \(name) as #"), "\(out.stdout)")
        }
        let again = try CLIHarness.footprint("import", "purchases", Self.example + "/purchases.csv", "--db", db)
        #expect(again.status == 0)
        #expect(again.stdout.contains("already imported"), "\(again.stdout)")

        let imports = try CLIHarness.footprint("imports", "--db", db, "--json")
        #expect(imports.status == 0, "\(imports.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(imports.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == Self.files.count + 1, "the built-in library and the seven files")

        // Every line, as the stateless calculate without --period.
        let calculate = try CLIHarness.footprint("calculate", "--db", db, "--json", "--period", "all")
        #expect(calculate.status == 0, "\(calculate.stderr)")
        let calculated = try CLIHarness.json(calculate.stdout)
        #expect(calculated["run"] != nil)
        let ledger = try CLIHarness.exampleLedgerCopy()
        defer { try? FileManager.default.removeItem(at: ledger) }
        let stateless = try CLIHarness.json(try CLIHarness.footprint("calculate", "--data", ledger.path, "--json").stdout)
        #expect(calculated["lines_by_method"] as? [String: Int] == stateless["lines_by_method"] as? [String: Int])
        // Each Scope 3 category's figure and method mix, the same on both paths.
        func scope3Rows(_ json: [String: Any]) -> [[String: Double]] {
            let rows = ((json["corporate"] as? [String: Any])?["scope3_categories"] as? [[String: Any]]) ?? []
            return rows.map { row in
                var figures = (row["by_method_kgco2e"] as? [String: Double]) ?? [:]
                figures["kgco2e"] = row["kgco2e"] as? Double
                return figures
            }
        }
        let workspaceRows = scope3Rows(calculated)
        let statelessRows = scope3Rows(stateless)
        #expect(workspaceRows.count == 15 && statelessRows.count == 15)
        for (w, s) in zip(workspaceRows, statelessRows) {
            for (key, value) in s { #expect(abs((w[key] ?? .nan) - value) <= 1e-6 * max(1, abs(value)), "\(key)") }
        }
        let total = try #require(calculated["total_kgco2e"] as? Double)
        #expect(abs(total - 3_354_633.42) < 0.01)

        // report --format json: the keys of calculate --json, plus run and groupings.
        let report = try CLIHarness.footprint("report", "--db", db, "--format", "json")
        #expect(report.status == 0, "\(report.stderr)")
        let reported = try CLIHarness.json(report.stdout)
        let missing = Set(stateless.keys).union(calculated.keys).subtracting(reported.keys)
        #expect(missing.isEmpty, "report --format json lacks \(missing.sorted())")
        let groupings = try #require(reported["groupings"] as? [String: Any])
        #expect(!groupings.isEmpty)
        #expect(groupings["supplier"] != nil && groupings["method"] != nil)
        #expect(reported["total_kgco2e"] as? Double == total)

        // CSV: a header and rows of the same width; every grouping present.
        let csv = try CLIHarness.footprint("report", "--db", db, "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n").map { CalculateCommandTests.split(String($0)) }
        let header = try #require(rows.first)
        #expect(rows.count > 10)
        #expect(rows.allSatisfy { $0.count == header.count }, "ragged CSV")
        for grouping in groupings.keys { #expect(rows.dropFirst().contains { $0.first == grouping }, "CSV lacks grouping \(grouping)") }

        // Markdown: a title and tables whose rows have the width of their header.
        let markdown = try CLIHarness.footprint("report", "--db", db, "--format", "markdown", "--by", "method", "supplier")
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.hasPrefix("## Scope 3 inventory, run #"))
        var width: Int?
        var tables = 0
        for line in markdown.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                width = nil
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).count
            if let width {
                #expect(cells == width, "markdown row width: \(line)")
            } else {
                width = cells
                tables += 1
            }
        }
        #expect(tables == 3, "the corporate inventory and the two groupings")
        #expect(try CLIHarness.footprint("report", "--db", db).status == 0)

        // A supplier publishes its emissions; runs lists both runs; runs diff names it.
        let disclosure = dir.appendingPathComponent("supplier_emissions_0008.csv")
        try "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nSUP-0008,2024,49.8,17.5,7810,1302000000,NOK\n"
            .write(to: disclosure, atomically: true, encoding: .utf8)
        #expect(try CLIHarness.footprint("import", "supplier-emissions", disclosure.path, "--db", db).status == 0)
        let second = try CLIHarness.footprint("calculate", "--db", db, "--period", "all")
        #expect(second.status == 0, "\(second.stderr)")
        let runs = try CLIHarness.footprint("runs", "--db", db)
        #expect(runs.status == 0)
        #expect(runs.stdout.contains("#1") && runs.stdout.contains("#2"), "\(runs.stdout)")
        #expect(runs.stdout.contains("incremental of #1"), "\(runs.stdout)")
        let diff = try CLIHarness.footprint("runs", "diff", "1", "2", "--db", db)
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("Run #1 -> #2"), "\(diff.stdout)")
        #expect(diff.stdout.contains("SUP-0008"))
        #expect(diff.stdout.contains("supplier_emissions_0008.csv"))
        #expect(diff.stdout.contains("hybrid +"), "\(diff.stdout)")
        let diffJSON = try CLIHarness.json(try CLIHarness.footprint("runs", "diff", "1", "2", "--db", db, "--json").stdout)
        #expect(diffJSON["before"] as? Int == 1 && diffJSON["after"] as? Int == 2)
        // SUP-0008's fall is its lines' switch from spend-based to hybrid, labelled so, not a reduction.
        #expect(diff.stdout.contains("Of which: activity +0.0 t, method switch -"), "\(diff.stdout)")
        #expect(diff.stdout.contains("Mostly a method switch:\n  - SUP-0008: -"), "\(diff.stdout)")
        #expect(diff.stdout.contains("spend-based -280 (mostly a method switch)"), "the By supplier row says so too: \(diff.stdout)")
        let attribution = try #require(diffJSON["attribution"] as? [String: Any])
        let supplier = try #require((attribution["suppliers"] as? [[String: Any]])?.first)
        #expect(supplier["key"] as? String == "SUP-0008" && supplier["mostly_method_switch"] as? Bool == true)
        #expect(supplier["activity_kgco2e"] as? Double == 0 && supplier["figures_kgco2e"] as? Double == 0)
        #expect(supplier["method_switch_kgco2e"] as? Double == supplier["delta_kgco2e"] as? Double)
        let moves = try #require(supplier["method_switches"] as? [[String: Any]])
        #expect(moves.count == 1 && moves[0]["from"] as? String == "spend-based" && moves[0]["to"] as? String == "hybrid")
        let attributed = try #require(attribution["total"] as? [String: Any])
        #expect(abs((attributed["delta_kgco2e"] as? Double ?? .nan) - (diffJSON["delta_kgco2e"] as? Double ?? 0)) < 1e-6)
        let inventoriesOnly = try CLIHarness.footprint("runs", "diff", "1", "2", "--db", db, "--no-split")
        #expect(inventoriesOnly.status == 0 && !inventoriesOnly.stdout.contains("Of which") && inventoriesOnly.stdout.contains("hybrid +"))
        // The report of run 2 since run 1 says so too.
        let since = try CLIHarness.footprint("report", "--db", db, "--run", "2", "--since", "1", "--by", "method")
        #expect(since.status == 0, "\(since.stderr)")
        #expect(since.stdout.contains("Change since run #1") && since.stdout.contains("  - SUP-0008: -"), "\(since.stdout)")
        let sinceMarkdown = try CLIHarness.footprint("report", "--db", db, "--run", "2", "--since", "1", "--format", "markdown")
        #expect(sinceMarkdown.stdout.contains("### Change since run #1") && sinceMarkdown.stdout.contains("- SUP-0008: -"))
        let sinceJSON = try CLIHarness.json(try CLIHarness.footprint("report", "--db", db, "--run", "2", "--since", "1", "--format", "json").stdout)
        let change = try #require(sinceJSON["change_since"] as? [String: Any])
        #expect(change["run"] as? Int == 1 && (change["notes"] as? [String])?.count == 1)
        #expect(try CLIHarness.footprint("report", "--db", db, "--since", "1", "--format", "csv").status != 0)
        #expect(try CLIHarness.footprint("runs", "diff", "1", "9", "--db", db).status == 1)

        // Without --period: the latest fiscal year with data (2024: the example's 145 lines of 2023 are outside it).
        let latest = try CLIHarness.json(try CLIHarness.footprint("calculate", "--db", db, "--json").stdout)
        #expect((latest["period"] as? [String: Any])?["start"] as? String == "2024-01-01")
        #expect((latest["outside_period"] as? [String: Any])?["lines"] as? Int == 145)
        #expect(((latest["run"] as? [String: Any])?["period"] as? [String: Any])?["fiscal_year"] as? Int == 2024)
        let listed = try CLIHarness.footprint("runs", "--db", db)
        #expect(listed.stdout.contains("  all  ") && listed.stdout.contains("  2024  "), "\(listed.stdout)")
        let reconciled = try CLIHarness.footprint("report", "--db", db, "--by", "scope3")
        #expect(reconciled.stdout.contains("Ledger reconciliation") && reconciled.stdout.contains("dated outside 2024-01-01 to 2024-12-31"))
        let empty = try CLIHarness.footprint("calculate", "--db", db, "--period", "2019")
        #expect(empty.status == 1 && empty.stderr.contains("2019") && empty.stderr.contains("2023-11-01 to 2024-12-31"), "\(empty.stderr)")
    }

    /// The ERP's goods for resale (account 4300 -> `hardware-for-resale`, flagged `resale` and computed with
    /// the `computers` factors by the example's categories.csv): Category 1, shown apart, the same kg as
    /// the lines' own sum in `runs lines`.
    @Test func goodsForResaleFromTheERPExport() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        for (kind, name) in [("rates", "rates.csv"), ("price-index", "price_index.csv"), ("categories", "categories.csv")] {
            let out = try CLIHarness.footprint("import", kind, Self.example + "/" + name, "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
        }
        let erp = CLIHarness.packageRoot.appendingPathComponent("examples/erp/nordic").path
        let imported = try CLIHarness.footprint(
            "import",
            "purchases",
            erp + "/hovedbok_2024_varekjop.csv",
            "--mapping",
            erp + "/mapping.json",
            "--db",
            db
        )
        #expect(imported.status == 0, "\(imported.stderr)")
        let calculate = try CLIHarness.footprint("calculate", "--db", db, "--period", "2024", "--json")
        #expect(calculate.status == 0, "\(calculate.stderr)")
        let json = try CLIHarness.json(calculate.stdout)
        let corporate = try #require(json["corporate"] as? [String: Any])
        let resale = try #require(corporate["goods_for_resale"] as? [String: Any])
        #expect(resale["categories"] as? [String] == ["hardware-for-resale"])
        let kg = try #require(resale["kgco2e"] as? Double)
        let byScope3 = try #require(json["by_scope3_category"] as? [String: Double])
        #expect(kg > 0 && abs((byScope3["1"] ?? 0) - kg) <= 1e-9 * kg && byScope3["2"] == 0)
        let linesFile = dir.appendingPathComponent("lines.csv").path
        let lines = try CLIHarness.footprint("runs", "lines", "1", "--db", db, "--out", linesFile)
        #expect(lines.status == 0, "\(lines.stderr)")
        let rows = try String(contentsOfFile: linesFile, encoding: .utf8).split(separator: "\n").map { CalculateCommandTests.split(String($0)) }
        let header = try #require(rows.first)
        let method = try #require(header.firstIndex(of: "method"))
        let kgColumn = try #require(header.firstIndex(of: "kgco2e"))
        let source = try #require(header.firstIndex(of: "source"))
        #expect(rows.count == 11 && rows.dropFirst().allSatisfy { $0[method] == "spend-based" && $0[source].contains("computers") })
        #expect(abs(rows.dropFirst().reduce(0.0) { $0 + (Double($1[kgColumn]) ?? .nan) } - kg) <= 1e-9 * kg)
    }

    @Test func badInputExitsOneWithLocatedMessagesAndNothingOnStdout() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        let bad = dir.appendingPathComponent("bad.csv")
        try """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer
        A1,2024-01-05,SUP-0001,334111,1000.00,NOK,,,,
        A2,2024-02-30,SUP-0001,334111,12,NOK,,,,
        A3,2024-03-01,SUP-0001,334111,"1,5",NOK,,,,

        """.write(to: bad, atomically: true, encoding: .utf8)
        let out = try CLIHarness.footprint("import", "purchases", bad.path, "--db", db)
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty, "stdout: \(out.stdout)")
        #expect(out.stderr.contains("bad.csv:3: column 'date': '2024-02-30' is not a valid date"), "\(out.stderr)")
        #expect(out.stderr.contains("bad.csv:4: column 'amount': '1,5' is not a number"), "\(out.stderr)")
        let imports = try CLIHarness.footprint("imports", "--db", db)
        #expect(imports.status == 0)
        #expect(!imports.stdout.contains("bad.csv"))
        // Other mistakes: an unknown import, a missing workspace, nothing to calculate.
        let remove = try CLIHarness.footprint("imports", "remove", "99", "--db", db)
        #expect(remove.status == 1 && remove.stdout.isEmpty && remove.stderr.contains("no import #99"))
        let calculate = try CLIHarness.footprint("calculate", "--db", db)
        #expect(calculate.status == 1 && calculate.stdout.isEmpty && calculate.stderr.contains("no purchases"))
        let missing = try CLIHarness.footprint("imports", "--db", dir.appendingPathComponent("none.sqlite").path)
        #expect(missing.status == 1 && missing.stdout.isEmpty && missing.stderr.contains("footprint init"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
    }

    @Test func footprintDBAndDashDashDBBothChooseTheWorkspace() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.sqlite").path
        let b = dir.appendingPathComponent("b.sqlite").path
        #expect(try CLIHarness.footprint(environment: ["FOOTPRINT_DB": a], "init").status == 0)
        #expect(FileManager.default.fileExists(atPath: a))
        #expect(try CLIHarness.footprint("init", "--db", b).status == 0)
        let rates = Self.example + "/rates.csv"
        #expect(try CLIHarness.footprint(environment: ["FOOTPRINT_DB": a], "import", "rates", rates).status == 0)
        let inA = try CLIHarness.footprint(environment: ["FOOTPRINT_DB": a], "imports")
        let inB = try CLIHarness.footprint("imports", "--db", b)
        #expect(inA.stdout.contains("rates.csv"))
        #expect(!inB.stdout.contains("rates.csv"))
        // --db wins over FOOTPRINT_DB.
        let both = try CLIHarness.footprint(environment: ["FOOTPRINT_DB": a], "imports", "--db", b)
        #expect(both.status == 0)
        #expect(!both.stdout.contains("rates.csv"))
    }
}
