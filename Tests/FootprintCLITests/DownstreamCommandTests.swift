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

    /// Category 13 and the avoided emissions in the corporate report (text and JSON) and `calculate --json`,
    /// and each customer's kWh on its statement as its own Scope 2 energy, apart from its share.
    @Test func category13AndAvoidedEmissions() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CustomersAllocateCommandTests.workspace(dir)
        for (kind, name) in [("leased-equipment", "leased_equipment.csv"), ("avoided-emissions", "avoided_emissions.csv")] {
            let out = try CLIHarness.footprint("import", kind, Self.example + "/" + name, "--db", db)
            #expect(out.status == 0, "\(name): \(out.stderr)")
        }
        let calc = try CLIHarness.footprint("calculate", "--period", "2024", "--json", "--db", db)
        #expect(calc.status == 0, "\(calc.stderr)")
        let calculated = try CLIHarness.json(calc.stdout)
        let avoidedInCalculate = try #require(calculated["avoided_emissions"] as? [String: Any])
        #expect(abs((avoidedInCalculate["kgco2e"] as? Double ?? 0) - 116_028) < 1e-6 && avoidedInCalculate["netted"] as? Bool == false)
        let text = try CLIHarness.footprint("report", "--corporate", "--db", db)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("0.2  activity data 100.0%; customers' electricity (their Scope 2), not in our Scope 2"))
        #expect(text.stdout.contains("3.13 Downstream leased assets: 203.3 kg CO2e (4 lines, 11,469.3 kWh at 3 customers' sites"))
        #expect(text.stdout.contains("  CUST-001: 8,390.9 kWh in NO (EQ-1001, EQ-1002)"))
        #expect(text.stdout.contains("Avoided emissions, 2024 (reported apart: not subtracted from any scope, category or total)"))
        #expect(!text.stdout.contains("Not yet computed"))
        let json = try CLIHarness.json(try CLIHarness.footprint("report", "--corporate", "--format", "json", "--db", db).stdout)
        let byCategory = try #require(json["by_scope3_category"] as? [String: Double])
        #expect(abs(byCategory["13"]! - 203.3483) < 1e-9)
        let leased = try #require((json["downstream"] as? [String: Any])?["leased_assets"] as? [String: Any])
        #expect(leased["in_our_scope2"] as? Bool == false && abs((leased["kwh"] as? Double ?? 0) - 11_469.3) < 1e-9)
        let avoided = try #require(json["avoided_emissions"] as? [String: Any])
        #expect(abs((avoided["replacement_kgco2e"] as? Double ?? 0) - 2_628) < 1e-9 && (avoided["lines"] as? [Any])?.count == 2)
        // The statement: CUST-001's kWh as its own Scope 2 energy, in every format but cdp; none for CUST-002.
        let statement = try CLIHarness.footprint("customers", "statement", "CUST-001", "--period", "2024", "--db", db)
        #expect(statement.status == 0, "\(statement.stderr)")
        #expect(statement.stdout.contains("Your Scope 2 energy: 8,390.9 kWh in NO used by our equipment at your sites (EQ-1001, EQ-1002)"))
        #expect(statement.stdout.contains("not a share of our emissions and not in the total above"))
        let statementJSON = try CLIHarness.json(
            try CLIHarness.footprint("customers", "statement", "CUST-001", "--period", "2024", "--format", "json", "--db", db).stdout
        )
        let energy = try #require(statementJSON["your_scope2_energy"] as? [String: Any])
        #expect(abs((energy["kwh"] as? Double ?? 0) - 8_390.9) < 1e-9 && energy["in_total"] as? Bool == false)
        let csv = try CLIHarness.footprint("customers", "statement", "CUST-001", "--period", "2024", "--format", "csv", "--db", db).stdout
        #expect(
            csv.contains(
                "CUST-001,2024,,Electricity of our equipment at your sites in NO (your Scope 2),,your-scope2-energy,8390.9,kWh,,,leased-equipment,\n"
            )
        )
        let html = try CLIHarness.footprint("customers", "statement", "CUST-001", "--period", "2024", "--format", "html", "--db", db).stdout
        #expect(html.contains("<h2>Strøm til vårt utstyr hos dere (deres scope 2)</h2>") && html.contains("8\u{202F}390,9"))
        let other = try CLIHarness.json(
            try CLIHarness.footprint("customers", "statement", "CUST-002", "--period", "2024", "--format", "json", "--db", db).stdout
        )
        #expect(other["your_scope2_energy"] is NSNull)
        // Equipment at the site of a customer customers.csv does not know: the allocation says its kWh reach no statement.
        let list = try CLIHarness.footprint("imports", "list", "--json", "--db", db)
        let imports = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let leasedID = try #require(
            imports.first { $0["kind"] as? String == "leased-equipment" && $0["status"] as? String == "active" }?["id"] as? Int
        )
        let unknown = dir.appendingPathComponent("leased_equipment.csv")
        try "equipment,customer,country,start,end,kwh,source\nEQ-9,CUST-999,NO,2024-01-01,2024-12-31,500,meter\n".write(
            to: unknown,
            atomically: true,
            encoding: .utf8
        )
        let replaced = try CLIHarness.footprint("import", "leased-equipment", unknown.path, "--replace", String(leasedID), "--db", db)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try CLIHarness.footprint("calculate", "--period", "2024", "--db", db).status == 0)
        let allocation = try CLIHarness.footprint("customers", "allocate", "--period", "2024", "--db", db)
        #expect(
            allocation.stdout.contains(
                "note: leased_equipment.csv names customer 'CUST-999', not in customers.csv: its 500 kWh (its own Scope 2 energy) are on no statement"
            ),
            "\(allocation.stdout)"
        )
    }
}
