import FootprintCore
import FootprintImport
import Foundation
import Testing

@testable import FootprintStore

/// Parents in the register: imported and edited, checked against the register (unknown parents and
/// cycles refused), and the inherited SBTi status everywhere it shows.
@Suite struct SupplierParentStoreTests {
    @Test func subsidiariesInheritTheirParentsTargetInTheOverviewAndKPIs() throws {
        let t = try EngagementHistoryTests.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        // The register of EngagementHistoryTests (A, B, C) gets a parent group P with targets set, and
        // B and C become its subsidiaries; C has a status of its own ("committed"), which wins.
        _ = try ws.importFile(
            .suppliers,
            t.file(
                "group.csv",
                "id,name,country,lei,parent,company_register\nP,Group ASA,NO,529900T8BM49AURSDO55,,https://w2.brreg.no/enhet/923609016\n"
            )
        )
        for id in ["B", "C"] {
            _ = try ws.suppliers.editSupplier(id: id, reason: "group structure") { r in
                var r = r
                r.parent = "P"
                return r
            }
        }
        _ = try ws.suppliers.importSupplierStatus(
            path: t.file(
                "status.csv",
                "supplier,fact,value,source,checked_on\nP,sbti,targets set,test,2025-01-01\nC,sbti,committed,test,2025-01-01\n"
            ),
            displayName: "status.csv"
        )
        let overviews = Dictionary(uniqueKeysWithValues: try ws.suppliers.supplierOverviews().map { ($0.record.id, $0) })
        #expect(overviews["P"]?.record.companyRegister == "https://w2.brreg.no/enhet/923609016")
        #expect(overviews["B"]?.record.parent == "P" && overviews["B"]?.latest[.sbti]?.inheritedFrom == "P")
        #expect(overviews["B"]?.latest[.sbti]?.summary == "targets set, inherited from parent P" && overviews["B"]?.history.isEmpty == true)
        #expect(overviews["C"]?.latest[.sbti]?.sbtiStatus == .committed && overviews["C"]?.latest[.sbti]?.inheritedFrom == nil)
        #expect(overviews["A"]?.latest[.sbti] == nil)
        // One supplier shown alone reads its parent's facts too.
        #expect(try ws.suppliers.supplierOverviews(id: "B").first?.latest[.sbti]?.inheritedFrom == "P")
        // The KPIs count B's lines as a supplier with targets set, marked inherited: cat 1 1500 kg of 6900.
        let run = try ws.runs.calculate(CalculationOptions())
        let kpis = try ws.suppliers.engagementKPIs().kpis
        #expect(kpis.targetsSetSuppliers == ["B"] && kpis.inheritedTargets == ["B": "P"])
        #expect(kpis.targetsSetCat12NanoKg == 1500 * EngagementHistoryTests.nano)
        // The stored snapshot keeps the mark.
        #expect(try ws.suppliers.kpiSnapshot(run: run).kpis.inheritedTargets == ["B": "P"])
    }

    @Test func unknownParentsAndCyclesAreRefused() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        // A parent that is not in the register: the import is refused at the subsidiary's line.
        #expect {
            try ws.importFile(.suppliers, t.file("bad.csv", "id,name,parent\nA,Alfa,\nB,Beta,Z\n"))
        } throws: { error in
            "\(error)".contains("bad.csv:3: column 'parent': the parent 'Z' of supplier 'B' is not a supplier of the register")
        }
        // A cycle within a file, naming its suppliers.
        #expect {
            try ws.importFile(.suppliers, t.file("cycle.csv", "id,name,parent\nA,Alfa,B\nB,Beta,C\nC,Ceta,A\n"))
        } throws: { error in
            "\(error)".contains("the parents form a cycle: A -> B -> C -> A")
        }
        #expect(try ws.suppliers.supplierRegister().isEmpty, "nothing was imported")
        // A good chain, then an edit that would close a cycle is refused, and the register keeps the chain.
        _ = try ws.importFile(.suppliers, t.file("good.csv", "id,name,parent\nA,Alfa,\nB,Beta,A\nC,Ceta,B\n"))
        #expect {
            try ws.suppliers.editSupplier(id: "A") { r in
                var r = r
                r.parent = "C"
                return r
            }
        } throws: { error in
            "\(error)".contains("the parents form a cycle: A -> C -> B -> A")
        }
        #expect(try ws.suppliers.supplierRegister().map(\.parent) == [nil, "A", "B"])
        #expect(throws: WorkspaceError.self) {
            try ws.suppliers.editSupplier(id: "A") { r in
                var r = r
                r.parent = "A"
                return r
            }
        }
    }
}
