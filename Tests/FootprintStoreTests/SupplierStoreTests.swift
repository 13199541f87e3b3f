import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

@Suite struct SupplierStoreTests {
    static let suppliers = """
        id,name,country,lei,isin,strategic,categories,contact_email
        S1,Skarv Nettverk AS,NO,5493001KJTIIGC8Y1R01,,yes,network,ola@skarv.no
        S2,Fjord Cloud Hosting AS,NO,,FI0000000008,yes,,
        S3,Bla Konsult AB,SE,,,no,,
        S4,Global Chips,US,5493001KJTIIGC8Y1R04,US0000000005,,,
        S5,Bla Konsult Holding Group,SE,,,,,
        S6,Nowhere Trading AS,NO,,,,,

        """

    @Test func registerColumnsAreStoredAndRead() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try t.workspace.importFile(.suppliers, t.file("suppliers.csv", Self.suppliers))
        let register = try t.workspace.suppliers.supplierRegister()
        #expect(register.map(\.id) == ["S1", "S2", "S3", "S4", "S5", "S6"])
        #expect(register[0].identifiers.lei == "5493001KJTIIGC8Y1R01" && register[0].strategic && register[0].categories == ["network"])
        #expect(register[0].contactEmail == "ola@skarv.no" && register[1].identifiers.isin == "FI0000000008" && !register[2].strategic)
        #expect(try t.workspace.count("supplier_register") == 6)
    }

    @Test func statusHistoryNewestWinsAndNothingIsUpdated() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        _ = try ws.importFile(.suppliers, t.file("suppliers.csv", Self.suppliers))
        let header = "supplier,fact,value,source,checked_on,classification,level\n"
        let first = try ws.suppliers.importSupplierStatus(
            path: t.file("status-2025.csv", header + "S1,sbti,committed,e-mail,2025-05-01,,\nS1,rba,member,RBA list,2025-05-01,,Regular\n"),
            displayName: "status-2025.csv"
        )
        let second = try ws.suppliers.importSupplierStatus(
            path: t.file("status-2026.csv", header + "S1,sbti,targets set,SBTi dashboard,2026-10-01,1.5°C,\nS2,cdp,B,CDP,2026-01-15,,\n"),
            displayName: "status-2026.csv"
        )
        #expect(first.record.kind == .supplierStatus && first.record.rowCount == 2 && second.record.rowCount == 2)
        // An older fact imported later does not win over a newer one.
        _ = try ws.suppliers.importSupplierStatus(path: t.file("late.csv", header + "S1,sbti,none,old memo,2024-01-01,,\n"), displayName: "late.csv")
        let history = try ws.suppliers.statusFacts(supplier: "S1")
        #expect(history.map(\.checkedOn) == ["2024-01-01", "2025-05-01", "2025-05-01", "2026-10-01"])
        let latest = history.latestByKind()
        #expect(latest[.sbti]?.sbtiStatus == .targetsSet && latest[.sbti]?.source == "SBTi dashboard")
        #expect(latest[.rba]?.level == "Regular")
        // The same file again changes nothing.
        #expect(try ws.suppliers.importSupplierStatus(path: t.folder + "/status-2026.csv", displayName: "status-2026.csv").alreadyImported)
        #expect(try ws.count("supplier_status") == 5)
        // Facts are history: SQLite refuses to change or delete one.
        #expect(throws: (any Error).self) { try ws.pool.write { db in try db.execute(sql: "UPDATE supplier_status SET value = '{}'") } }
        #expect(throws: (any Error).self) { try ws.pool.write { db in try db.execute(sql: "DELETE FROM supplier_status") } }
        // Removing an import takes its facts out of the history.
        _ = try ws.imports.removeImport(id: second.record.id)
        #expect(try ws.suppliers.statusFacts(supplier: "S1").latestByKind()[.sbti]?.sbtiStatus == .committed)
        // Status imports are not calculation inputs.
        #expect(try ws.imports.list().filter { $0.kind == .supplierStatus }.count == 3)
    }

    @Test func badStatusFileImportsNothingAndNamesEveryRow() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try t.workspace.importFile(.suppliers, t.file("suppliers.csv", Self.suppliers))
        let before = try t.workspace.tableCounts()
        let path = try t.file(
            "supplier_status.csv",
            "supplier,fact,value,source,checked_on\nS1,sbti,committed,x,2026-01-01\nS9,rba,member,x,2026-01-01\nS2,cdp,Z,x,2026-01-01\n"
        )
        let error = inputError { () throws(WorkspaceError) in
            _ = try t.workspace.suppliers.importSupplierStatus(path: path, displayName: "supplier_status.csv")
        }
        #expect(
            error?.diagnostics.map(\.description) == [
                "supplier_status.csv:3: column 'supplier': 'S9' is not a supplier of the workspace; expected an id from an imported suppliers.csv",
                "supplier_status.csv:4: column 'value': 'Z' is not a CDP score; expected one of A, A-, B, B-, C, C-, D, D-, F",
            ]
        )
        #expect(try t.workspace.tableCounts() == before)
        #expect(try t.workspace.count("supplier_status") == 0)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.sbtiSample), "../shared/samples/sbti-companies-sample.xlsx is absent"))
    func sbtiSampleMatchesByLEIThenISINThenNameAndReportsMisses() throws {
        let sample = try SharedFolder.file(SharedFolder.sbtiSample).path
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        _ = try ws.importFile(.suppliers, t.file("suppliers.csv", Self.suppliers))
        let plan = try ws.suppliers.planSBTiImport(path: sample, displayName: "sbti-companies-sample.xlsx")
        #expect(plan.companyCount == 10 && plan.missingColumns.isEmpty)
        var outcomes: [String: SBTiMatcher.Outcome] = [:]
        for m in plan.matches { outcomes[m.supplier.id] = m.outcome }
        func matched(_ id: String) -> (Int, SBTiMatcher.Key)? {
            if case .matched(let c, let key) = outcomes[id] { return (c.row, key) }
            return nil
        }
        // S1's LEI is Nordic Network Systems ASA's (row 2), whatever its name.
        #expect(matched("S1").map { $0 == (2, .lei) } == true)
        // S2's ISIN is Suomen Palvelin Oy's (row 9).
        #expect(matched("S2").map { $0 == (9, .isin) } == true)
        // S3 "Bla Konsult AB" is "Blå Konsult AB" (row 3), not "Bla Konsult Holding AB".
        #expect(matched("S3").map { $0 == (3, .name) } == true)
        #expect(plan.matches[2].alsoNear.map(\.row) == [4], "Bla Konsult Holding AB is shown for the user to check")
        // S4: the LEI (Datasenter Øst AS, row 5) decides before the ISIN and name (Global Chips Inc., row 6).
        #expect(matched("S4").map { $0 == (5, .lei) } == true)
        // S5: no company of that name; the two Bla Konsult companies are near.
        guard case .unmatched(let near) = outcomes["S5"] else {
            Issue.record("S5 matched")
            return
        }
        #expect(near.map(\.row) == [3, 4])
        #expect(outcomes["S6"] == .unmatched(near: []))
        // Nothing is stored until applied.
        #expect(try ws.count("supplier_status") == 0)
        #expect(try ws.imports.list().allSatisfy { $0.kind != .sbtiWorkbook })

        let outcome = try ws.suppliers.applySBTiImport(plan, checkedOn: "2026-11-01")
        let hash = try systemSHA256(sample)
        #expect(outcome.record.kind == .sbtiWorkbook && outcome.record.rowCount == 4 && outcome.record.sha256 == hash)
        // The workbook itself is never stored.
        #expect(try ws.count("import", where: "kind = 'sbti-workbook' AND content IS NULL") == 1)
        let s1 = try ws.suppliers.statusFacts(supplier: "S1")
        #expect(s1.count == 1 && s1[0].sbtiStatus == .targetsSet && s1[0].netZeroYear == 2050 && s1[0].checkedOn == "2026-11-01")
        #expect(s1[0].source == "SBTi companies workbook sbti-companies-sample.xlsx sha256 \(outcome.record.sha256)")
        #expect(try ws.suppliers.statusFacts(supplier: "S4")[0].classification == .wellBelowTwo)
        #expect(try ws.suppliers.applySBTiImport(plan, checkedOn: "2026-11-02").alreadyImported)
    }

    @Test func suppliersImportedBeforeV2GetTheirRegister() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try t.workspace.importFile(.suppliers, t.file("suppliers.csv", Self.suppliers))
        // Undo v2 (and v8, which adds register columns) as a workspace of the previous version would be, then open it again.
        try t.workspace.pool.write { db in
            try db.execute(
                sql: """
                    DROP TRIGGER supplier_status_is_history_update; DROP TRIGGER supplier_status_is_history_delete;
                    DROP TABLE supplier_status; DROP TABLE supplier_register;
                    DELETE FROM grdb_migrations WHERE identifier LIKE 'v2%' OR identifier LIKE 'v8:%'
                    """
            )
        }
        let reopened = try Workspace(path: t.path)
        #expect(try reopened.suppliers.supplierRegister().map(\.id) == ["S1", "S2", "S3", "S4", "S5", "S6"])
        #expect(try reopened.suppliers.supplierRegister()[0].identifiers.lei == "5493001KJTIIGC8Y1R01")
    }
}

extension SupplierStoreTests {
    @Test func badRegisterColumnsImportNothing() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let before = try t.workspace.tableCounts()
        let path = try t.file("suppliers.csv", "id,name,lei,strategic\nS1,A,5493001KJTIIGC8Y1R01,yes\nS2,B,not-a-lei,maybe\n")
        let error = inputError { () throws(WorkspaceError) in _ = try t.workspace.importFile(.suppliers, path) }
        #expect(
            error?.diagnostics.map(\.description) == [
                "suppliers.csv:3: column 'lei': 'not-a-lei' is not an LEI; expected 20 letters and digits (ISO 17442), such as 5493001KJTIIGC8Y1R12",
                "suppliers.csv:3: column 'strategic': 'maybe' is not yes or no; expected yes, no, true, false, 1 or 0",
            ]
        )
        #expect(try t.workspace.tableCounts() == before)
        #expect(try t.workspace.count("supplier_register") == 0)
    }
}
