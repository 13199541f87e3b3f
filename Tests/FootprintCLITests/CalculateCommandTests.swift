import FootprintTestSupport
import Foundation
import Testing

/// `footprint calculate` as a user runs it: the example, the per-line output, and bad input.
@Suite struct CalculateCommandTests {
    static var example: String { CLIHarness.packageRoot.appendingPathComponent("examples/nordic-it").path }

    @Test func exampleSummaryIsReadable() throws {
        let out = try CLIHarness.footprint("calculate", "--data", Self.example)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("Scope 3 inventory"))
        #expect(out.stdout.contains("By method"))
        #expect(out.stdout.contains("Largest suppliers"))
        #expect(out.stdout.contains("no exchange rate for CHF in 2024"))
    }

    @Test func exampleJSONKeepsTheDocumentedKeys() throws {
        // The example's ledger alone: its categories.csv leaves own energy and travel out (tested below).
        let ledger = try CLIHarness.exampleLedgerCopy()
        defer { try? FileManager.default.removeItem(at: ledger) }
        let out = try CLIHarness.footprint("calculate", "--data", ledger.path, "--json")
        #expect(out.status == 0, "\(out.stderr)")
        let json = try CLIHarness.json(out.stdout)
        for key in ["total_kgco2e", "by_method", "lines_by_method", "by_category", "by_supplier", "unmapped"] {
            #expect(json[key] != nil, "missing key \(key)")
        }
        let unmapped = try #require(json["unmapped"] as? [String: Any])
        for key in ["lines", "spend", "reasons"] { #expect(unmapped[key] != nil, "missing unmapped.\(key)") }
        let total = try #require(json["total_kgco2e"] as? Double)
        let byMethod = try #require(json["by_method"] as? [String: Double])
        let byCategory = try #require(json["by_category"] as? [String: Double])
        #expect(abs(byMethod.values.reduce(0, +) - total) <= 1e-9 * total)
        #expect(abs(byCategory.values.reduce(0, +) - total) <= 1e-9 * total)
        // The example's figure, computed independently by hand-written per-line arithmetic (examples/nordic-it/README.md).
        #expect(abs(total - 3_354_633.42) < 0.01)
        let counts = try #require(json["lines_by_method"] as? [String: Int])
        #expect(counts == ["supplier-specific": 549, "hybrid": 358, "average-data": 201, "spend-based": 2472, "unmapped": 179])
    }

    /// The whole example: its categories.csv excludes own energy and agency-booked travel (counted in Scope 2
    /// and Category 6 from activity data). The ledger's total less the kg of the lines of those categories,
    /// taken from the per-line output of the ledger alone, is the total with the rules.
    @Test func exampleCategoryRulesLeaveOutExactlyTheirLines() throws {
        let ledger = try CLIHarness.exampleLedgerCopy()
        defer { try? FileManager.default.removeItem(at: ledger) }
        let file = ledger.appendingPathComponent("lines.csv").path
        let plain = try CLIHarness.footprint("calculate", "--data", ledger.path, "--json", "--lines-out", file)
        #expect(plain.status == 0, "\(plain.stderr)")
        let excludedCategories: Set = ["221122", "colocation-power", "481111", "482111", "721110", "485310"]
        var excludedKg = 0.0
        var excludedLines = 0
        for row in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst().map({ Self.split(String($0)) })
        where excludedCategories.contains(row[4]) {
            excludedKg += Double(row[13]) ?? 0
            excludedLines += 1
        }
        let ruled = try CLIHarness.footprint("calculate", "--data", Self.example, "--json")
        #expect(ruled.status == 0, "\(ruled.stderr)")
        let before = try CLIHarness.json(plain.stdout)
        let after = try CLIHarness.json(ruled.stdout)
        let total = try #require(after["total_kgco2e"] as? Double)
        #expect(abs(total - (3_354_633.42 - excludedKg)) < 0.02)
        let excluded = try #require(after["excluded"] as? [String: Any])
        #expect(excluded["lines"] as? Int == excludedLines)
        #expect((after["lines"] as? Int) == (before["lines"] as? Int).map { $0 - excludedLines })
        // Without a period, Scope 1 and 2 are unknown (null), not zero.
        #expect(after["scope1_kgco2e"] is NSNull && after["scope2_market_based_kgco2e"] is NSNull)
    }

    @Test func linesOutHasOneRowPerLineThatAddsUpToTheTotal() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lines.csv").path
        let out = try CLIHarness.footprint("calculate", "--data", Self.example, "--json", "--lines-out", file)
        #expect(out.status == 0, "\(out.stderr)")
        let total = try #require(try CLIHarness.json(out.stdout)["total_kgco2e"] as? Double)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let rows = text.split(separator: "\n")
        #expect(rows.count == 3759 + 1)
        #expect(rows[0].hasPrefix("line,id,date,supplier,category,amount,currency"))
        // Sum the kgco2e column with a small CSV split that honours quotes.
        var sum = 0.0
        for row in rows.dropFirst() {
            let fields = Self.split(String(row))
            sum += Double(fields[13]) ?? .nan
        }
        #expect(abs(sum - total) <= 1e-6 * total)
    }

    @Test func badInputExitsNonZeroWithLocatedMessagesAndWritesNothing() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["factors.csv", "rates.csv", "price_index.csv", "suppliers.csv"] {
            try FileManager.default.copyItem(atPath: Self.example + "/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        let purchases = """
            id,date,supplier,category,amount,currency,product,quantity,unit,customer
            A1,2024-01-05,SUP-0001,334111,1000.00,NOK,,,,
            A2,2024-02-30,SUP-0001,334111,12,NOK,,,,
            A3,2024-03-01,SUP-0001,334111,"1,5",NOK,,,,
            A4,2024-03-01,SUP-0001,334111,15,nok,,,,
            A1,2024-03-02,SUP-0001,334111,15,NOK,,,,
            A6,2024-03-02,SUP-0001,334111,15,NOK,,x2,piece,

            """
        try purchases.write(to: dir.appendingPathComponent("purchases.csv"), atomically: true, encoding: .utf8)
        let linesFile = dir.appendingPathComponent("lines.csv").path
        let out = try CLIHarness.footprint("calculate", "--data", dir.path, "--lines-out", linesFile)
        #expect(out.status != 0)
        #expect(out.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: linesFile))
        let expected = [
            "purchases.csv:3: column 'date': '2024-02-30' is not a valid date",
            "purchases.csv:4: column 'amount': '1,5' is not a number",
            "purchases.csv:5: column 'currency': 'nok' is not a currency code",
            "purchases.csv:6: column 'id': duplicate purchase id 'A1'; it is already on line 2",
            "purchases.csv:7: column 'quantity': 'x2' is not a number",
        ]
        for message in expected { #expect(out.stderr.contains(message), "stderr lacks: \(message)\n\(out.stderr)") }
        #expect(out.stderr.contains("5 errors; nothing was computed."))
    }

    @Test func missingColumnIsNamed() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(atPath: Self.example + "/factors.csv", toPath: dir.appendingPathComponent("factors.csv").path)
        try "id,date,supplier,category,currency\nA,2024-01-01,S,C,NOK\n".write(
            to: dir.appendingPathComponent("purchases.csv"),
            atomically: true,
            encoding: .utf8
        )
        let out = try CLIHarness.footprint("calculate", "--data", dir.path, "--json")
        #expect(out.status != 0)
        #expect(out.stdout.isEmpty)
        #expect(out.stderr.contains("purchases.csv:1: missing required column 'amount'"))
    }

    /// The fields of one line of CSV output (`CSVLine.fields`).
    static func split(_ line: String) -> [String] { CSVLine.fields(line) }
}
