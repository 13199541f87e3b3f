import FootprintCore
import Foundation
import Testing

@testable import FootprintImport

@Suite("ERP examples")
struct ERPExampleTests {
    static func convert(_ folder: String, _ export: String) throws -> (ConvertedLedger, [String]) {
        let dir = packageRoot.appendingPathComponent("examples/erp/\(folder)")
        let mapping = try ERPMapping.load(path: dir.appendingPathComponent("mapping.json").path)
        let ledger = try ERPExportConverter.convert(path: dir.appendingPathComponent(export).path, mapping: mapping)
        let lines = String(decoding: ledger.csv, as: UTF8.self).split(separator: "\n").map(String.init)
        return (ledger, lines)
    }

    @Test func nordic() throws {
        let (ledger, lines) = try Self.convert("nordic", "hovedbok_2024.csv")
        #expect(ledger.rowCount == 257)
        #expect(lines.count == 258)
        // Line 2 of the export: 24009;1;19.09.2024;Telia Norge AS;6900;Telefon;Faktura;;5 953,68;NOK
        #expect(lines[1] == "24009-1,2024-09-19,Telia Norge AS,telecom-services,5953.68,NOK,,,,,,6900,2")
        #expect(ledger.unmapped.map(\.value) == ["6300", "7790"])
        #expect(lines.contains { $0.contains(",Kjøkkenhjelpa Østlandet AS,it-consulting,") })
        #expect(lines.filter { $0.contains(",air-travel,") }.allSatisfy { $0.contains(",6,7140,") })
        // Hand-checked against the export (Windows-1252 decoded): a credit note, capex, a SEK hotel night.
        // Account 6540 (small IT equipment, expensed): category 1 by its rule, not the capital-goods default of `computers`.
        #expect(lines[5] == "24025-1,2024-04-02,Kontorkjøp Bærum AS,computers,-6827.97,NOK,,,,K-1002,1,6540,6")
        #expect(lines[12] == "24044-1,2024-08-03,Dustin Norge AS,storage,323113.15,NOK,,,,K-1002,2,1220,13")
        #expect(lines[49] == "24156-1,2024-09-02,Clarion Hotel Østersjø,hotels,7715.87,SEK,,,,,6,7130,50")
        // The report in docs/erp-mappings.md, checked by hand (Python's Decimal over the export).
        #expect(
            ledger.unmappedReport(maxLinesListed: 10) == """
                6300  7 lines  NOK 587029.75  (lines 15, 18, 41, 95, 215, 216, 222)
                7790  4 lines  NOK 27904.53  (lines 80, 120, 134, 234)
                """
        )
    }

    /// The second export: the ledger's accounts that are not purchases, mapped onto the categories the
    /// built-in rules exclude (payroll, depreciation, intra-group, taxes, financial items) and the office
    /// electricity (own energy, counted in Scope 2 through its kWh).
    @Test func nordicOtherAccounts() throws {
        let (ledger, lines) = try Self.convert("nordic", "hovedbok_2024_ovrige.csv")
        #expect(ledger.rowCount == 52)
        #expect(ledger.unmapped.isEmpty)
        var categories: [String: Int] = [:]
        for line in lines.dropFirst() { categories[line.split(separator: ",")[3].description, default: 0] += 1 }
        #expect(
            categories == [
                "payroll": 18, "depreciation": 12, "own-energy": 12, "intra-group": 4, "taxes-and-duties": 2, "financial-items": 4,
            ]
        )
        #expect(Set(categories.keys).allSatisfy { CategoryRules.builtIn.exclusion(for: $0) != nil })
    }

    /// The third export: goods bought for resale (account 4300), mapped onto `hardware-for-resale`, which
    /// the example's categories.csv flags as resale and computes with the `computers` factors.
    @Test func nordicGoodsForResale() throws {
        let (ledger, lines) = try Self.convert("nordic", "hovedbok_2024_varekjop.csv")
        #expect(ledger.rowCount == 10)
        #expect(ledger.unmapped.isEmpty)
        #expect(lines[1] == "28001-1,2024-01-17,Atea AS,hardware-for-resale,226639.76,NOK,,,,K-1040,,4300,2")
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",")[3] == "hardware-for-resale" })
    }

    @Test func sap() throws {
        let (ledger, lines) = try Self.convert("sap", "me2n_2024.csv")
        #expect(ledger.rowCount == 180)
        // Line 2: 4500010031,00010,03/24/2024,100640,"NetApp, Inc.",IT-HW-ST,MSA-2060,...,35,EA,"646,945.80",USD
        #expect(lines[1] == "4500010031-00010,2024-03-24,100640,storage,646945.80,USD,MSA-2060,35,EA,,2,IT-HW-ST,2")
        #expect(ledger.unmapped.map(\.value) == ["FAC-CLN"])
        // A credit with SAP's trailing minus: "1,451.23-".
        #expect(lines[103] == "4500011107-00010,2024-09-28,101302,air-travel,-1451.23,USD,,,,,6,TRV-AIR,104")
    }

    @Test(arguments: [("nordic", "hovedbok_2024.csv", 257), ("sap", "me2n_2024.csv", 180)])
    func canonicalReaderAcceptsTheConversion(_ folder: String, _ export: String, _ rows: Int) throws {
        let (ledger, _) = try Self.convert(folder, export)
        let summary = try scanLedger(String(decoding: ledger.csv, as: UTF8.self))
        #expect(summary.lines == rows)
    }
}
