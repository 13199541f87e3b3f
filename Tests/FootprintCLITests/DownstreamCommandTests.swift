import Foundation
import Testing

/// `footprint import sales|product-use|end-of-life|returns` and `footprint report --corporate` on the
/// example company: Categories 5, 11 and 12 from what it sells and takes back, beside the ledger's.
@Suite struct DownstreamCommandTests {
    static var example: String { CalculateCommandTests.example }

    @Test func theCorporateReportShowsCategories5_11And12() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        try CLIHarness.exampleWorkspace(db)
        for (kind, name) in [
            ("company", "company.json"), ("categories", "categories.csv"), ("grid-factors", "grid_factors.csv"), ("sales", "sales.csv"),
            ("product-use", "product_use.csv"), ("end-of-life", "end_of_life.csv"), ("returns", "returns.csv"),
        ] {
            let out = try CLIHarness.footprint("import", kind, Self.example + "/" + name, "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
        }
        let calc = try CLIHarness.footprint("calculate", "--period", "2024", "--db", db)
        #expect(calc.status == 0, "\(calc.stderr)")
        let text = try CLIHarness.footprint("report", "--corporate", "--db", db)
        #expect(text.status == 0, "\(text.stderr)")
        // 7,983.75 kg and 63.4 kg (tests/DownstreamExampleTests), each all activity data.
        #expect(text.stdout.contains("3.11 Use of sold products                           8.0  activity data 100.0%"))
        #expect(text.stdout.contains("3.12 End-of-life treatment of sold products         0.1  activity data 100.0%"))
        #expect(text.stdout.contains("3.11 Use of sold products: 7,983.8 kg CO2e (4 sales, 905 units"))
        #expect(text.stdout.contains("waste (ESRS E5): 6,960.0 kg; diverted from disposal 6,955.0 kg"))
        let markdown = try CLIHarness.footprint("report", "--corporate", "--format", "markdown", "--db", db)
        #expect(markdown.stdout.contains("|  | 3.11 Use of sold products | 8.0 | activity data 100.0% |"))
        #expect(markdown.stdout.contains("```\nSold products and take-back, 2024\n"))
        let json = try CLIHarness.footprint("report", "--corporate", "--format", "json", "--db", db)
        #expect(json.status == 0, "\(json.stderr)")
        let doc = try CLIHarness.json(json.stdout)
        let byCategory = try #require(doc["by_scope3_category"] as? [String: Double])
        #expect(abs(byCategory["11"]! - 7_983.75) < 1e-6)
        let downstream = try #require(doc["downstream"] as? [String: Any])
        #expect(abs((downstream["category12_kgco2e"] as? Double ?? 0) - 63.3652146734) < 1e-9)
        #expect(abs((downstream["category5_kgco2e"] as? Double ?? 0) - 331.96691964) < 1e-9)
        let lines = try #require(downstream["lines"] as? [[String: Any]])
        #expect(lines.first?["file"] as? String == "sales.csv" && lines.first?["line"] as? Int == 3)
        #expect((lines.first?["factor_source"] as? String)?.hasPrefix("NVE") == true)
        // Category 5: the ledger's waste lines and the own returns' 331.97 kg.
        let categories = try #require((doc["corporate"] as? [String: Any])?["scope3_categories"] as? [[String: Any]])
        let five = try #require(categories.first { $0["category"] as? Int == 5 })
        #expect(abs((five["from_activity_kgco2e"] as? Double ?? 0) - 331.96691964) < 1e-9)
    }
}
