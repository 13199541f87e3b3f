import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// `footprint import purchases EXPORT --mapping M`: both ERP examples into a workspace.
@Suite struct ERPWorkspaceTests {
    static let erp = packageRoot + "/examples/erp"

    @Test func nordicExportInWindows1252() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let export = Self.erp + "/nordic/hovedbok_2024.csv"
        // The export really is Windows-1252: it is not valid UTF-8.
        #expect(String(data: try Data(contentsOf: URL(fileURLWithPath: export)), encoding: .utf8) == nil)
        let outcome = try t.workspace.imports.importPurchases(path: export, mapping: Self.erp + "/nordic/mapping.json", replacing: nil)
        let r = outcome.record
        #expect(r.fileName == "hovedbok_2024.csv")
        #expect(r.sha256 == (try systemSHA256(export)), "the record names the export's own bytes")
        #expect(r.byteCount == (try FileManager.default.attributesOfItem(atPath: export)[.size] as? Int))
        #expect(r.mapping?.hasPrefix("mapping.json sha256 \(try systemSHA256(Self.erp + "/nordic/mapping.json"))") == true, "\(r.mapping ?? "nil")")
        #expect(r.rowCount == 257)
        #expect(try t.workspace.count("purchase") == 257)

        // Export line 2: 24009;1;19.09.2024;Telia Norge AS;6900;Telefon;Faktura;;5 953,68;NOK
        let telia = try t.workspace.purchaseLine(id: "24009-1")
        #expect(telia["amount"] == "5953.68")
        #expect(telia["date"] == "2024-09-19")
        #expect(telia["supplier"] == "Telia Norge AS")
        #expect(telia["category"] == "telecom-services")
        #expect(telia["erp_category"] == "6900")
        #expect(telia["currency"] == "NOK")
        #expect(telia["source_line"] == "2")
        #expect(telia["scope3_category"] == nil)
        // Capex (account 1220, a capital account): Scope 3 category 2.
        let storage = try t.workspace.purchaseLine(id: "24044-1")
        #expect(storage["amount"] == "323113.15")
        #expect(storage["category"] == "storage")
        #expect(storage["customer"] == "K-1002")
        #expect(storage["scope3_category"] == "2")
        #expect(storage["source_line"] == "13")
        // Travel (account 7130) in SEK, with a supplier name that needs Windows-1252: category 6.
        let hotel = try t.workspace.purchaseLine(id: "24156-1")
        #expect(hotel["supplier"] == "Clarion Hotel Østersjø")
        #expect(hotel["category"] == "hotels")
        #expect(hotel["amount"] == "7715.87")
        #expect(hotel["currency"] == "SEK")
        #expect(hotel["scope3_category"] == "6")
        #expect(hotel["erp_category"] == "7130")
        // A credit note keeps its sign and exact text.
        #expect(try t.workspace.purchaseLine(id: "24025-1")["amount"] == "-6827.97")
        // Unmapped accounts stay under their raw value and are reported.
        #expect(try t.workspace.count("purchase_line", where: "category = '6300'") == 7)
        #expect(try t.workspace.count("purchase_line", where: "category = '7790'") == 4)
        let notes = outcome.notes.joined(separator: "\n")
        #expect(notes.contains("6300  7 lines  NOK 587029.75  (lines 15, 18, 41, 95, 215, 216, 222)"), "\(notes)")
        #expect(notes.contains("7790  4 lines  NOK 27904.53  (lines 80, 120, 134, 234)"), "\(notes)")

        // The same export again changes nothing.
        let counts = try t.workspace.tableCounts()
        let again = try t.workspace.imports.importPurchases(path: export, mapping: Self.erp + "/nordic/mapping.json", replacing: nil)
        #expect(again.alreadyImported)
        #expect(try t.workspace.tableCounts() == counts)
    }

    @Test func sapExport() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let export = Self.erp + "/sap/me2n_2024.csv"
        let outcome = try t.workspace.imports.importPurchases(path: export, mapping: Self.erp + "/sap/mapping.json", replacing: nil)
        #expect(outcome.record.rowCount == 180)
        #expect(outcome.record.fileName == "me2n_2024.csv")
        #expect(outcome.record.sha256 == (try systemSHA256(export)))
        #expect(try t.workspace.count("purchase") == 180)
        // Line 2: 4500010031,00010,03/24/2024,100640,"NetApp, Inc.",IT-HW-ST,MSA-2060,...,35,EA,"646,945.80",USD
        let netapp = try t.workspace.purchaseLine(id: "4500010031-00010")
        #expect(netapp["amount"] == "646945.80")
        #expect(netapp["date"] == "2024-03-24")
        #expect(netapp["supplier"] == "100640")
        #expect(netapp["category"] == "storage")
        #expect(netapp["product"] == "MSA-2060")
        #expect(netapp["quantity"] == "35")
        #expect(netapp["unit"] == "EA")
        #expect(netapp["currency"] == "USD")
        #expect(netapp["erp_category"] == "IT-HW-ST")
        #expect(netapp["scope3_category"] == "2", "IT-HW-ST is a capital account")
        // A credit with SAP's trailing minus, on a travel material group.
        let air = try t.workspace.purchaseLine(id: "4500011107-00010")
        #expect(air["amount"] == "-1451.23")
        #expect(air["category"] == "air-travel")
        #expect(air["scope3_category"] == "6")
        #expect(air["source_line"] == "104")
        let notes = outcome.notes.joined(separator: "\n")
        #expect(notes.contains("FAC-CLN"), "\(notes)")
        #expect(!notes.contains("IT-HW-ST"))
    }

    @Test func aBadMappingOrExportImportsNothing() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let before = try t.workspace.tableCounts()
        let export = try t.file(
            "export.csv",
            """
            Document Number,Item,Posting Date,Vendor,Vendor Name,Material Group,Material,Short Text,Quantity,Base Unit of Measure,Amount in Doc. Curr.,Document Currency
            4500010031,00010,03/24/2024,100640,"NetApp, Inc.",IT-HW-ST,MSA-2060,Storage,35,EA,"646,945.80",USD
            4500010031,00020,13/24/2024,101002,Verizon Business,TEL,,Telecom services,,,"6,469.75",USD

            """
        )
        let mappingPath = Self.erp + "/sap/mapping.json"
        do {
            _ = try t.workspace.imports.importPurchases(path: export, mapping: mappingPath, replacing: nil)
            Issue.record("imported an export with an invalid date")
        } catch {
            guard case .input(let e) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(e.diagnostics.map(\.description).contains { $0.hasPrefix("export.csv:3: column 'Posting Date':") }, "\(e.diagnostics)")
        }
        #expect(try t.workspace.tableCounts() == before)
    }
}
