import FootprintTestSupport
import Foundation
import Testing

/// `footprint calculate --data DIR --period`: the corporate inventory's keys, the ledger's reconciliation,
/// and clear errors for a period without lines and bad options or rules.
@Suite struct CalculatePeriodCommandTests {
    static var example: String { CalculateCommandTests.example }

    /// The example's ledger (without its own rules and activity data) with `categories.csv` excluding its bank fees.
    static func exampleWithRules(_ categories: String) throws -> URL {
        let dir = try CLIHarness.exampleLedgerCopy()
        try categories.write(to: dir.appendingPathComponent("categories.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    static let bankFees = "bank fees: financial items, no goods or services bought"

    /// Category 2 by the example's asset class: every 2024 line of its five hardware categories is in
    /// Category 2 exactly when one item costs NOK 30,000 or more, worked out here from purchases.csv and
    /// rates.csv (cost per item = amount / quantity in pieces, converted to NOK at the year's rates).
    @Test func exampleHardwareIsCapitalisedByNorwaysThreshold() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let linesFile = dir.appendingPathComponent("lines.csv").path
        let out = try CLIHarness.footprint("calculate", "--data", Self.example, "--period", "2024", "--json", "--lines-out", linesFile)
        #expect(out.status == 0, "\(out.stderr)")
        var perUSD: [String: Double] = [:]
        for row in try String(contentsOfFile: Self.example + "/rates.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = row.split(separator: ",").map(String.init)
            if f[1] == "2024" { perUSD[f[0]] = Double(f[2]) }
        }
        let hardware: Set = ["334111", "334112", "334118", "334210", "334220"]
        var checked = 0
        var capitalised = 0
        let rows = try String(contentsOfFile: linesFile, encoding: .utf8).split(separator: "\n").dropFirst()
        for row in rows.map({ CalculateCommandTests.split(String($0)) }) where hardware.contains(row[4]) && row[2].hasPrefix("2024") {
            let amount = try #require(Double(row[5]))
            let quantity = row[9] == "piece" ? try #require(Double(row[8])) : 1
            let nok = abs(amount / quantity) / (perUSD[row[6]] ?? .nan) * (perUSD["NOK"] ?? .nan)
            let expected = nok >= 30_000 ? "2" : "1"
            #expect(row[11] == expected, "line \(row[0]): \(row[5]) \(row[6]) for \(row[8]) \(row[9]) = NOK \(nok) per item")
            checked += 1
            if expected == "2" { capitalised += 1 }
        }
        #expect(checked > 600 && capitalised > 50 && capitalised < checked / 2, "\(capitalised) of \(checked)")
        let corporate = try #require(try CLIHarness.json(out.stdout)["corporate"] as? [String: Any])
        let policy = try #require(corporate["capitalisation"] as? [[String: Any]])
        #expect(policy.count == 1 && policy[0]["asset_class"] as? String == "office machines and IT equipment")
        #expect(policy[0]["threshold_per_item"] as? Double == 30_000 && policy[0]["currency"] as? String == "NOK")
        #expect((policy[0]["categories"] as? [String]) == hardware.sorted())
    }

    /// A disclosure without upstream Scope 3 is listed as not used for the hybrid method, and changes
    /// no figure: SUP-0004 (no disclosure in the example) reports 2024 Scopes 1 and 2 only.
    @Test func aDisclosureWithoutUpstreamScope3ChangesNothingAndIsListed() throws {
        let dir = try CLIHarness.exampleLedgerCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try CLIHarness.json(try CLIHarness.footprint("calculate", "--data", dir.path, "--json").stdout)
        let disclosures = dir.appendingPathComponent("supplier_emissions.csv")
        let text = try String(contentsOf: disclosures, encoding: .utf8)
        try (text + "SUP-0004,2024,120,80,0,500000000,NOK,,,,\n").write(to: disclosures, atomically: true, encoding: .utf8)
        let out = try CLIHarness.footprint("calculate", "--data", dir.path, "--json")
        #expect(out.status == 0, "\(out.stderr)")
        let after = try CLIHarness.json(out.stdout)
        #expect(after["total_kgco2e"] as? Double == before["total_kgco2e"] as? Double)
        #expect(after["lines_by_method"] as? [String: Int] == before["lines_by_method"] as? [String: Int])
        let corporate = try #require(after["corporate"] as? [String: Any])
        let listed = try #require(corporate["disclosures_not_used_for_hybrid"] as? [[String: Any]])
        // The example's own incomplete disclosure (SUP-0040, Scopes 1 and 2 only) is listed too.
        #expect(Set(listed.compactMap { $0["supplier"] as? String }) == ["SUP-0004", "SUP-0040"] && listed.count == 2)
        #expect(listed.allSatisfy { $0["year"] as? Int == 2024 })
        let printed = try CLIHarness.footprint("calculate", "--data", dir.path)
        #expect(printed.stdout.contains("Disclosures not used for the hybrid method, as they report no upstream Scope 3"))
    }

    @Test func periodJSONHasTheNewKeysAndReconciles() throws {
        let dir = try Self.exampleWithRules("category,scope3_category,excluded\nBANK-FEES,,\"\(Self.bankFees)\"\n481111,6,\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let linesFile = dir.appendingPathComponent("lines.csv").path
        let out = try CLIHarness.footprint("calculate", "--data", dir.path, "--period", "FY2024", "--json", "--lines-out", linesFile)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try CLIHarness.json(out.stdout)
        let period = try #require(json["period"] as? [String: Any])
        #expect(period["start"] as? String == "2024-01-01" && period["end"] as? String == "2024-12-31")
        let total = try #require(json["total_kgco2e"] as? Double)
        #expect(json["scope3_kgco2e"] as? Double == total)
        let byScope3 = try #require(json["by_scope3_category"] as? [String: Double])
        #expect(byScope3.count == 15)
        #expect(abs(byScope3.values.reduce(0, +) - total) <= 1e-9 * total)
        #expect((byScope3["6"] ?? 0) > 0)
        // The example has 145 lines dated 2023, and 20 bank-fee lines in 2024.
        let outside = try #require(json["outside_period"] as? [String: Any])
        #expect(outside["lines"] as? Int == 145)
        let excluded = try #require(json["excluded"] as? [String: Any])
        #expect(excluded["lines"] as? Int == 20)
        #expect((excluded["reasons"] as? [String: Int]) == [Self.bankFees: 20])
        let ledger = try #require(json["ledger"] as? [String: Any])
        #expect(ledger["lines"] as? Int == 3759)
        let included = try #require(ledger["included"] as? [String: Any])
        #expect(included["lines"] as? Int == 3759 - 145 - 20)
        let counts = try #require(json["lines_by_method"] as? [String: Int])
        #expect(counts.values.reduce(0, +) == 3759 - 145 - 20)
        // Per currency: included + excluded + outside = the ledger (exact in the summary; to the cent in JSON).
        let ledgerSpend = try #require(ledger["spend"] as? [String: Double])
        let parts = [included["spend"], excluded["spend"], outside["spend"]].compactMap { $0 as? [String: Double] }
        for (currency, amount) in ledgerSpend {
            let sum = parts.reduce(0) { $0 + ($1[currency] ?? 0) }
            #expect(abs(sum - amount) < 0.005, "\(currency)")
        }
        // Every line is in the per-line output, the left-out ones with their status and reason.
        let rows = try String(contentsOfFile: linesFile, encoding: .utf8).split(separator: "\n").dropFirst().map {
            CalculateCommandTests.split(String($0))
        }
        #expect(rows.count == 3759)
        #expect(rows.filter { $0[12] == "outside-period" }.count == 145)
        #expect(rows.filter { $0[12] == "excluded" }.allSatisfy { $0[22] == Self.bankFees && $0[13] == "0" })
        #expect(rows.filter { $0[12] == "excluded" }.count == 20)
        let kg = rows.reduce(0.0) { $0 + (Double($1[13]) ?? .nan) }
        #expect(abs(kg - total) <= 1e-6 * total)
    }

    @Test func textShowsThePeriodAndTheReconciliation() throws {
        let dir = try CLIHarness.exampleLedgerCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIHarness.footprint("calculate", "--data", dir.path, "--period", "2025", "--fiscal-year-start", "7")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("Reporting period: FY2025 (2024-07-01 to 2025-06-30)\n"))
        #expect(out.stdout.contains("Ledger reconciliation"))
        #expect(out.stdout.contains("dated outside 2024-07-01 to 2025-06-30"))
    }

    @Test func withoutAPeriodTheSummaryIsAsBefore() throws {
        let out = try CLIHarness.footprint("calculate", "--data", Self.example, "--json")
        #expect(out.status == 0, "\(out.stderr)")
        let json = try CLIHarness.json(out.stdout)
        #expect(json["period"] is NSNull)
        #expect((json["outside_period"] as? [String: Any])?["lines"] as? Int == 0)
        #expect((json["ledger"] as? [String: Any])?["lines"] as? Int == 3759)
    }

    @Test func aPeriodWithoutLinesIsAnError() throws {
        let out = try CLIHarness.footprint("calculate", "--data", Self.example, "--period", "2022", "--json")
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty)
        #expect(
            out.stderr.contains(
                "no purchase line is dated in the reporting period 2022 (2022-01-01 to 2022-12-31): its 3759 lines are dated 2023-11-01 to 2024-12-31; choose a period that has lines (2023 to 2024)"
            ),
            "\(out.stderr)"
        )
    }

    @Test(
        arguments: [
            (["--period", "24"], "--period '24' is not a fiscal year; expected the year the fiscal year ends in, such as 2024 or FY2024"),
            (["--period", "FY20x4"], "--period 'FY20x4' is not a fiscal year"),
            (["--period", "2024", "--fiscal-year-start", "0"], "--fiscal-year-start 0 is not a month; expected 1 (January) to 12 (December)"),
            (["--period", "2024", "--fiscal-year-start", "13"], "--fiscal-year-start 13 is not a month"),
            (["--fiscal-year-start", "7"], "--fiscal-year-start applies with --period"),
        ]
    )
    func badOptionsAreNamed(arguments: [String], message: String) throws {
        let out = try CLIHarness.run(CLIHarness.executable, ["calculate", "--data", Self.example] + arguments)
        #expect(out.status != 0)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains(message), "\(out.stderr)")
    }

    @Test func badCategoriesCSVIsReported() throws {
        let dir = try Self.exampleWithRules("category,scope3_category,excluded\nBANK-FEES,16,\nBANK-FEES,,x\n334111,2,y\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIHarness.footprint("calculate", "--data", dir.path, "--period", "2024")
        #expect(out.status == 1)
        #expect(out.stdout.isEmpty)
        for message in [
            "categories.csv:2: column 'scope3_category': '16' is not a Scope 3 category; expected 1 to 15, or empty",
            "categories.csv:3: column 'category': category 'BANK-FEES' already has a rule on line 2; one rule per category",
            "categories.csv:4: column 'excluded': the category is both excluded and placed in Scope 3 category 2",
        ] {
            #expect(out.stderr.contains(message), "stderr lacks: \(message)\n\(out.stderr)")
        }
    }
}
