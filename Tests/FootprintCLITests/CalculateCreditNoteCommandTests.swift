import FootprintTestSupport
import Foundation
import Testing

/// `footprint calculate --data` with credit notes that name their invoice (column `invoice`): the
/// summary, the JSON and the per-line output, and a reference on an invoice refused.
@Suite struct CalculateCreditNoteCommandTests {
    static let files = [
        "factors.csv": "category,name,kgco2e_per_unit,unit,price_year,source\noffice,Office supplies,0.3,EUR,2022,test\n",
        "rates.csv": "currency,year,per_usd\nNOK,2024,10.5\nNOK,2025,11\nEUR,2024,0.9\nEUR,2025,0.8\nUSD,2024,1\nUSD,2025,1\n",
        "price_index.csv": "year,index\n2022,100\n2024,110\n2025,120\n",
        "product_footprints.csv": "supplier,product,kgco2e_per_unit,unit\nS1,P1,2.5,kg\n",
        // INV-1: 10500 NOK / 10.5 x 0.9 = 900 EUR x 100/110 x 0.3 = 2700/11; CN-1 in 2024's figures: -540/11;
        // INV-3: 40 kg x 2.5 = 100; CN-3 a price-only rebate: 0; CN-4's invoice is missing: its own date,
        // -1100 / 11 x 0.8 = -80 EUR x 100/120 x 0.3 = -20.
        "purchases.csv": """
        id,date,supplier,category,amount,currency,product,quantity,unit,invoice
        CN-1,2025-01-10,S3,office,-2100,NOK,,,,INV-1
        INV-1,2024-12-20,S3,office,10500,NOK,,,,
        INV-3,2024-03-01,S1,hardware,1000,NOK,P1,40,kg,
        CN-3,2025-02-01,S1,hardware,-200,NOK,,,,INV-3
        CN-4,2025-02-02,S3,office,-1100,NOK,,,,INV-404

        """,
    ]

    static func folder(_ files: [String: String]) throws -> URL {
        let dir = try CLIHarness.temporaryDirectory()
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func creditNotesFollowTheirInvoices() throws {
        let dir = try Self.folder(Self.files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let linesFile = dir.appendingPathComponent("lines.csv").path
        let out = try CLIHarness.footprint("calculate", "--data", dir.path, "--json", "--lines-out", linesFile)
        #expect(out.status == 0, "\(out.stderr)")
        let json = try CLIHarness.json(out.stdout)
        let total = try #require(json["total_kgco2e"] as? Double)
        #expect(abs(total - (2160.0 / 11 + 100 - 20)) < 1e-9)
        #expect(
            json["lines_by_method"] as? [String: Int] == ["supplier-specific": 2, "hybrid": 0, "average-data": 0, "spend-based": 3, "unmapped": 0]
        )
        let fallThrough = try #require(json["fall_through"] as? [String: Any])
        let details = try #require(fallThrough["details"] as? [[String: Any]])
        #expect(details.map { "\($0["reason"]!) \($0["subject"]!) \($0["lines"]!)" } == ["invoice-not-in-ledger S3 1", "price-only-rebate S1 1"])
        let rows = try String(contentsOfFile: linesFile, encoding: .utf8).split(separator: "\n").map { CSVLine.fields(String($0)) }
        let header = try #require(rows.first)
        let kg = try #require(header.firstIndex(of: "kgco2e"))
        let note = try #require(header.firstIndex(of: "fall_through"))
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[1], $0) })
        #expect(abs(Double(byID["CN-1"]![kg])! + 540.0 / 11) < 1e-9)
        #expect(Double(byID["CN-3"]![kg]) == 0)
        #expect(byID["CN-3"]![note] == "price-only-rebate")
        #expect(byID["CN-4"]![note] == "invoice-not-in-ledger")

        let text = try CLIHarness.footprint("calculate", "--data", dir.path)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Credit notes computed with a note: 2"))
        #expect(text.stdout.contains("price-only-rebate: credit notes of supplier 'S1' without a quantity"))
    }

    @Test func anInvoiceReferenceOnAnInvoiceIsRefused() throws {
        var files = Self.files
        files["purchases.csv"] = "id,date,supplier,category,amount,currency,invoice\nINV-1,2024-12-20,S3,office,10500,NOK,INV-0\n"
        let dir = try Self.folder(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try CLIHarness.footprint("calculate", "--data", dir.path)
        #expect(out.status != 0)
        #expect(out.stdout.isEmpty)
        #expect(
            out.stderr.contains(
                "purchases.csv:2: column 'invoice': 'INV-0' names an invoice, but the amount 10500 is not negative; expected the id of the invoice only on a credit note"
            ),
            "\(out.stderr)"
        )
    }
}
