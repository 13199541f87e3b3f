import Foundation
import Testing

/// `footprint periods close|reopen|list` and the restatement `report --period` shows, end to end, on a
/// ledger computed by hand (the store's `PeriodCloseTests`: 170 kg CO2e published, 181 restated).
@Suite struct PeriodCommandTests {
    static let factors = """
        category,name,kgco2e_per_unit,unit,price_year,source,scope3_category
        steel,Steel,2,kg,,test,
        laptops,Laptop,100,piece,,test,
        freight,Road freight,0.5,kg,,test,4

        """
    static let purchases = """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category
        P1,2024-02-01,S1,steel,100,NOK,,10,kg,,
        P2,2024-03-01,S2,laptops,7000,NOK,,1,piece,,
        P3,2024-07-01,S3,freight,50,NOK,,100,kg,,

        """
    /// S1's lines raised: P1 12.5 kg (+5 kg CO2e) and P5 3 kg (+6).
    static let corrected = """
        id,date,supplier,category,amount,currency,product,quantity,unit,customer,scope3_category
        P1,2024-02-01,S1,steel,100,NOK,,12.5,kg,,
        P2,2024-03-01,S2,laptops,7000,NOK,,1,piece,,
        P3,2024-07-01,S3,freight,50,NOK,,100,kg,,
        P5,2024-08-01,S1,steel,40,NOK,,3,kg,,

        """

    @Test func closeCorrectRecalculateReportReopen() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        func file(_ name: String, _ text: String) throws -> String {
            let url = dir.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
        func footprint(_ arguments: String...) throws -> CLIHarness.Output {
            try CLIHarness.run(CLIHarness.executable, arguments + ["--db", db])
        }
        #expect(try footprint("init").status == 0)
        #expect(try footprint("import", "factors", try file("factors.csv", Self.factors)).status == 0)
        #expect(try footprint("import", "purchases", try file("purchases.csv", Self.purchases)).status == 0)  // #3

        let none = try footprint("periods", "close", "2024")
        #expect(none.status == 1 && none.stderr.contains("2024 has no calculation run"), "\(none.stderr)")
        #expect(try footprint("calculate", "--period", "2024").status == 0)  // run #1
        let close = try footprint("periods", "close", "FY2024", "--by", "alice")
        #expect(close.status == 0, "\(close.stderr)")
        #expect(
            close.stdout.contains("Closed 2024 (2024-01-01 to 2024-12-31) on run #1") && close.stdout.contains("(170 kg), by alice"),
            "\(close.stdout)"
        )

        // The correction: imported, then calculated. The second calculation says it restates the period.
        #expect(try footprint("import", "purchases", try file("corrected.csv", Self.corrected), "--replace", "3").status == 0)
        let before = try footprint("report", "--period", "2024", "--by", "method")
        #expect(before.stdout.contains("The workspace's inputs have changed since run #1, the period's latest run"), "\(before.stdout)")
        #expect(!before.stdout.contains("Restatement of"))
        let pending = try CLIHarness.json(try footprint("report", "--period", "2024", "--format", "json").stdout)
        #expect(pending["restatement_pending"] as? Bool == true && pending["restatement"] is NSNull)
        let recalculated = try footprint("calculate", "--period", "2024")
        #expect(recalculated.status == 0, "\(recalculated.stderr)")
        #expect(
            recalculated.stdout.contains("2024 is closed: its published figure stays run #1; this run is a restatement"),
            "\(recalculated.stdout)"
        )

        let table = try footprint("report", "--period", "2024", "--by", "supplier")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Run #1 for 2024"), "the published run is the period's figure")
        #expect(table.stdout.contains("its published figure is run #1 (closed"))
        #expect(table.stdout.contains("Restatement of 2024: run #2"))
        let lines = table.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(lines.contains(["published", "#1", "0.2", "170"]))
        #expect(lines.contains(["restated", "#2", "0.2", "181"]))
        #expect(lines.contains { $0.first == "difference" && $0.last == "+11" })
        #expect(lines.contains(["3.1", "0.1", "0.1", "+0.0", "+11"]))
        #expect(table.stdout.contains("import #4 added: purchases corrected.csv") && table.stdout.contains("import #3 no longer in force"))
        #expect(table.stdout.contains("The published figure stands."))

        let markdown = try footprint("report", "--period", "2024", "--format", "markdown", "--by", "method").stdout
        #expect(markdown.contains("### Restatement of 2024") && markdown.contains("170 -> 181 kg CO2e (+11 kg)"), "\(markdown)")
        #expect(markdown.contains("| S1 | +11 | +11 | +0 | +0 |"))

        let json = try CLIHarness.json(try footprint("report", "--period", "2024", "--format", "json").stdout)
        #expect(json["total_kgco2e"] as? Double == 170)
        #expect(json["restatement_pending"] as? Bool == false)
        #expect((json["run"] as? [String: Any])?["id"] as? Int == 1)
        #expect((json["period_close"] as? [String: Any])?["closed_by"] as? String == "alice")
        let restatement = try #require(json["restatement"] as? [String: Any])
        #expect(restatement["published_run"] as? Int == 1 && restatement["restated_run"] as? Int == 2)
        #expect(restatement["published_kgco2e"] as? Double == 170 && restatement["restated_kgco2e"] as? Double == 181)
        #expect(restatement["delta_kgco2e"] as? Double == 11)
        let categories = try #require(restatement["by_scope3_category"] as? [[String: Any]])
        #expect(categories.count == 1 && categories[0]["key"] as? String == "3.1" && categories[0]["delta_kgco2e"] as? Double == 11)
        let suppliers = try #require((restatement["attribution"] as? [String: Any])?["suppliers"] as? [[String: Any]])
        #expect(suppliers.count == 1 && suppliers[0]["key"] as? String == "S1")
        #expect(suppliers[0]["activity_kgco2e"] as? Double == 11 && suppliers[0]["figures_kgco2e"] as? Double == 0)
        #expect((restatement["imports_added"] as? [[String: Any]])?.first?["id"] as? Int == 4)

        let show = try footprint("runs", "show", "1").stdout
        #expect(show.contains("Published figure of 2024: closed on it") && show.contains("by alice"), "\(show)")
        #expect(try footprint("runs", "show", "2").stdout.contains("2024 is closed on run #1: this run is a restatement of it"))

        // The latest run, reported without --period, says it is not the published figure.
        let latest = try footprint("report", "--by", "method")
        #expect(latest.stdout.contains("Run #2, reported here, is a restatement of it, not the published figure"), "\(latest.stdout)")
        #expect(try footprint("report", "--run", "1", "--period", "2024").status == 64)

        // Reopening needs a reason, and is recorded; closing again keeps both closings.
        #expect(try footprint("periods", "reopen", "2024").status == 64)
        #expect(try footprint("periods", "reopen", "2024", "--reason", " ").status == 64)
        let reopen = try footprint("periods", "reopen", "2024", "--reason", "S1 corrected its quantities", "--by", "bob")
        #expect(reopen.status == 0 && reopen.stdout.contains("reopened by bob: S1 corrected its quantities"), "\(reopen.stderr)")
        let open = try CLIHarness.json(try footprint("report", "--period", "2024", "--format", "json").stdout)
        #expect(open["total_kgco2e"] as? Double == 181 && open["period_close"] is NSNull && open["restatement"] is NSNull)
        #expect(open["restatement_pending"] is NSNull)
        // A stale run is refused: another correction, not yet calculated.
        #expect(
            try footprint(
                "import",
                "purchases",
                try file("again.csv", Self.purchases.replacingOccurrences(of: "10,kg", with: "10.0,kg")),
                "--replace",
                "4"
            ).status == 0
        )
        let stale = try footprint("periods", "close", "2024")
        #expect(stale.status == 1 && stale.stderr.contains("run #2 is not up to date"), "\(stale.stderr)")
        #expect(try footprint("calculate", "--period", "2024").status == 0)  // run #3: 170 again
        #expect(try footprint("periods", "close", "2024", "--by", "carol").status == 0)
        let list = try footprint("periods", "list", "--json")
        let history = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(history.map { $0["status"] as? String } == ["reopened", "closed"])
        #expect(history.map { $0["run"] as? Int } == [1, 3])
        #expect(history[0]["reopen_reason"] as? String == "S1 corrected its quantities" && history[0]["reopened_by"] as? String == "bob")
        let text = try footprint("periods")
        #expect(text.stdout.contains("reopened") && text.stdout.contains("S1 corrected its quantities"), "\(text.stdout)")
    }
}
