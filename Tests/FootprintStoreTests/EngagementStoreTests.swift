import FootprintCore
import Foundation
import Testing

@testable import FootprintStore

/// Segmentation and KPIs end to end: nordic-it imported and calculated, one supplier with targets set.
@Suite struct EngagementStoreTests {
    @Test func nordicITSegmentationAndKPIs() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        for (kind, file) in canonicalFiles { _ = try ws.importFile(kind, nordicIT + "/" + file) }
        #expect(throws: WorkspaceError.self) { try ws.suppliers.engagementKPIs() }
        let run = try ws.runs.calculate(CalculationOptions())
        _ = try ws.suppliers.importSupplierStatus(
            path: t.file("supplier_status.csv", "supplier,fact,value,source,checked_on\nSUP-0002,sbti,targets set,test,2026-01-01\n"),
            displayName: "supplier_status.csv"
        )

        let (segRun, s) = try ws.suppliers.supplierSegmentation()
        #expect(segRun == run.id)
        let cells = run.aggregate.cells(.supplier)
        #expect(s.entries.count == cells.count)
        #expect(zip(s.entries, s.entries.dropFirst()).allSatisfy { $0.totalNanoKg >= $1.totalNanoKg })
        // The strategic set is the smallest prefix reaching 80%: without its last member it falls short.
        let set = s.strategicSet
        let covered = set.map(\.totalNanoKg).reduce(0, +)
        #expect(covered * 100 >= s.totalNanoKg * 80 && (covered - set.last!.totalNanoKg) * 100 < s.totalNanoKg * 80)
        #expect(set.map(\.supplier) == Array(s.entries.prefix(set.count).map(\.supplier)))
        let hosting = try #require(s.entries.first { $0.supplier == "SUP-0002" })
        #expect(hosting.nanoKg == cells["SUP-0002"]!.nanoKg && hosting.name == "Fjord Cloud Hosting AS")

        let (kpiRun, k) = try ws.suppliers.engagementKPIs(runID: run.id)
        #expect(kpiRun == run.id)
        #expect(k.targetsSetSuppliers == ["SUP-0002"])
        #expect(k.targetsSetNanoKg == cells["SUP-0002"]!.totalNanoKg && k.targetsSetLines == cells["SUP-0002"]!.totalLines)
        #expect(k.totalNanoKg == run.aggregate.total.totalNanoKg && k.totalLines == run.lineCount)
        #expect(k.primaryNanoKg == run.aggregate.total.nanoKg[0] + run.aggregate.total.nanoKg[1])
        #expect(k.suppliersPerTier.values.reduce(0, +) == (try ws.suppliers.supplierRegister()).count)
        #expect(Set(set.map(\.supplier)).isSubset(of: Set(k.strategic)))
        #expect(k.strategicAssessed == (k.strategic.contains("SUP-0002") ? ["SUP-0002"] : []))
        #expect(k.oldestCheck == (k.strategicAssessed.isEmpty ? nil : "2026-01-01"))
        #expect(throws: WorkspaceError.self) { try ws.suppliers.supplierSegmentation(runID: run.id + 100) }
    }
}
