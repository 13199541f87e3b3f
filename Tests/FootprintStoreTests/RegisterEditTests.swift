import FootprintCore
import Foundation
import Testing

@testable import FootprintStore

/// Register edits from the command line: checked, recorded as imports, newest version wins.
@Suite struct RegisterEditTests {
    @Test(arguments: [
        ("5493001KJTIIGC8Y1R12", true), ("HWUPKR0MPOU8FGXBT394", true), ("7LTWFZYICNSX8D621K86", true),
        ("5493001KJTIIGC8Y1R13", false), ("HWUPKR0MPOU8FGXBT39", false), ("HWUPKR0MPOU8FGXBT3-4", false),
    ])
    func leiCheckDigits(lei: String, valid: Bool) {
        #expect((IdentifierCheck.leiProblem(lei) == nil) == valid)
    }

    @Test(arguments: [("923609016", true), ("984 851 006", true), ("923609017", false), ("92360901", false), ("12345678A", false)])
    func norwegianOrgNumbers(number: String, valid: Bool) {
        #expect((IdentifierCheck.norwegianOrgNumberProblem(number) == nil) == valid)
    }

    @Test func editsAreCheckedRecordedAndNewestWins() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let first = try ws.importFile(.suppliers, t.file("suppliers.csv", "id,name,country\nA,Alfa AS,NO\nB,Beta AB,SE\n"))
        let before = try ws.suppliers.supplierRegister()

        let edit = try #require(
            try ws.suppliers.editSupplier(id: "A", reason: "annual review") { r in
                var r = r
                r.identifiers.lei = "HWUPKR0MPOU8FGXBT394"
                r.identifiers.orgNumber = "923609016"
                r.strategic = true
                return r
            }
        )
        #expect(edit.kind == .supplierEdit && edit.reason == "annual review")
        #expect(edit.changes.map(\.field) == ["org_number", "lei", "strategic"] && edit.changes[2].from == "no" && edit.changes[2].to == "yes")
        let register = try ws.suppliers.supplierRegister()
        #expect(register.map(\.id) == ["A", "B"], "an edit keeps the supplier's place")
        #expect(register[0].strategic && register[0].identifiers.lei == "HWUPKR0MPOU8FGXBT394" && register[1] == before[1])
        // The edit is an import with its change as content: an auditor sees who changed what, when.
        let record = try ws.imports.importRecord(id: edit.importID)
        #expect(record.kind == .supplierEdit && record.fileName == "suppliers edit A" && record.rowCount == 1)

        // Bad identifiers are refused with the reason, and nothing is recorded.
        let imports = try ws.count("import")
        #expect(throws: WorkspaceError.self) {
            try ws.suppliers.editSupplier(id: "A") {
                var r = $0
                r.identifiers.lei = "HWUPKR0MPOU8FGXBT395"
                return r
            }
        }
        #expect(throws: WorkspaceError.self) {
            try ws.suppliers.editSupplier(id: "A") {
                var r = $0
                r.identifiers.orgNumber = "923609017"
                return r
            }
        }
        #expect(throws: WorkspaceError.self) { try ws.suppliers.editSupplier(id: "Z") { $0 } }
        #expect(throws: WorkspaceError.self) { try ws.suppliers.addSupplier(SupplierRecord(id: "A", name: "Again")) }
        #expect(try ws.suppliers.editSupplier(id: "A") { $0 } == nil, "no change, no record")
        #expect(try ws.count("import") == imports)

        _ = try ws.suppliers.addSupplier(SupplierRecord(id: "C", name: "Ceta Oy", country: "FI", contactEmail: "anna@ceta.fi"))
        #expect(try ws.suppliers.supplierRegister().map(\.id) == ["A", "B", "C"])

        // A suppliers file imported after the edit replaces it; removing that file brings the edit back.
        let replaced = try ws.importFile(
            .suppliers,
            t.file("suppliers2.csv", "id,name,country\nA,Alfa Nordic AS,NO\nB,Beta AB,SE\n"),
            replacing: first.record.id
        )
        #expect(try ws.suppliers.supplierRegister().first { $0.id == "A" }?.name == "Alfa Nordic AS")
        let history = try ws.suppliers.registerHistory(supplier: "A")
        #expect(history.map(\.kind) == [.supplierEdit, .suppliers], "the superseded file is no longer active; its edit and the new file remain")
        #expect(history.last?.changes.contains { $0.field == "name" && $0.to == "Alfa Nordic AS" } == true)
        _ = replaced
    }
}
