import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// An incremental run (only the suppliers whose own data changed) is exactly a full run, and
/// `runs diff` tells what moved and why.
@Suite struct IncrementalRunTests {
    @Test func incrementalEqualsFullAndDiffNamesTheSupplier() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let imported = try t.workspace.importFolder(nordicIT)
        let first = try t.workspace.runs.calculate(CalculationOptions())
        #expect(first.kind == .full)
        #expect(first.lineCount == 3759)
        #expect(first.recomputedLines == 3759)

        // Nothing changed: no new run.
        let same = try t.workspace.runs.calculate(CalculationOptions())
        #expect(same.upToDate)
        #expect(same.id == first.id)
        #expect(try t.workspace.runs.list().count == 1)

        // SUP-0008 (280 lines in 2024, spend-based so far) publishes its emissions.
        let lines0008 = try t.workspace.count("purchase_line", where: "supplier = 'SUP-0008'")
        #expect(lines0008 > 0)
        let disclosure = try t.file(
            "supplier_emissions_0008.csv",
            """
            supplier,year,scope1,scope2,scope3_upstream,revenue,currency
            SUP-0008,2023,51.2,18.9,7420,1210000000,NOK
            SUP-0008,2024,49.8,17.5,7810,1302000000,NOK

            """
        )
        let added = try t.workspace.importFile(.supplierEmissions, disclosure)
        let second = try t.workspace.runs.calculate(CalculationOptions())
        #expect(second.kind == .incremental)
        #expect(second.parentID == first.id)
        #expect(second.recomputedLines == lines0008)
        #expect(second.recomputedLines < second.lineCount)
        #expect(second.lineCount == 3759)
        let secondFull = try t.workspace.runs.calculate(CalculationOptions(full: true))
        #expect(secondFull.kind == .full)
        #expect(secondFull.id != second.id)
        #expect(secondFull.aggregate == second.aggregate, "the incremental run differs from a full recalculation")
        #expect(secondFull.summary == second.summary)

        // Why the runs differ, and which lines moved.
        let why = RunInputsDiff(before: first.inputs, after: second.inputs)
        #expect(why.suppliersWithNewData == ["SUP-0008"])
        #expect(why.importsAdded.map(\.importID) == [added.record.id])
        #expect(why.importsRemoved.isEmpty)
        #expect(why.sentences.contains { $0.contains("SUP-0008") })
        #expect(why.sentences.contains { $0.contains("supplier_emissions_0008.csv") })
        let diff = InventoryDiff(before: first.aggregate, after: second.aggregate)
        #expect(!diff.isEmpty)
        let bySupplier = try #require(diff.byDimension.first { $0.0 == .supplier }?.1)
        #expect(bySupplier.map(\.key) == ["SUP-0008"], "only SUP-0008's figures change: \(bySupplier.map(\.key))")
        let change = try #require(bySupplier.first)
        let hybridAfter = second.aggregate.cells(.supplier)["SUP-0008"]?.lines[Int(CalculationMethod.hybrid.rawValue)] ?? 0
        #expect(hybridAfter > 0)
        #expect(change.lineShift["hybrid"] == hybridAfter)
        #expect(change.lineShift.values.reduce(0, +) == 0, "lines move between methods; none appear or vanish")
        #expect(change.shiftText.contains("hybrid +\(hybridAfter)"), "\(change.shiftText)")
        let byMethod = try #require(diff.byDimension.first { $0.0 == .method }?.1)
        #expect(byMethod.first { $0.key == "hybrid" }.map { $0.linesAfter - $0.linesBefore } == hybridAfter)
        let json = diff.json().rendered()
        #expect(json.contains("SUP-0008"))

        // A changed product footprint of SUP-0004, as a corrected file replacing the first.
        let footprints = try String(contentsOfFile: nordicIT + "/product_footprints.csv", encoding: .utf8)
        #expect(footprints.contains("SUP-0004,SK-AP6,68.0,piece"))
        let changed = try t.file(
            "product_footprints.csv",
            footprints.replacingOccurrences(of: "SUP-0004,SK-AP6,68.0,piece", with: "SUP-0004,SK-AP6,71.5,piece")
        )
        let footprintImport = try #require(imported[.productFootprints])
        _ = try t.workspace.importFile(.productFootprints, changed, replacing: footprintImport.record.id)
        let third = try t.workspace.runs.calculate(CalculationOptions())
        #expect(third.kind == .incremental)
        #expect(third.parentID == secondFull.id)
        // Only the lines with the product whose footprint changed are recomputed.
        #expect(third.recomputedLines == (try t.workspace.count("purchase_line", where: "supplier = 'SUP-0004' AND product = 'SK-AP6'")))
        #expect(third.recomputedLines > 0)
        #expect(third.recomputedLines < third.lineCount)
        #expect(RunInputsDiff(before: secondFull.inputs, after: third.inputs).suppliersWithNewData == ["SUP-0004"])
        let thirdFull = try t.workspace.runs.calculate(CalculationOptions(full: true))
        #expect(thirdFull.aggregate == third.aggregate)
        #expect(third.aggregate != secondFull.aggregate, "the changed footprint must change the inventory")
        let footprintDiff = InventoryDiff(before: secondFull.aggregate, after: third.aggregate)
        #expect(footprintDiff.byDimension.first { $0.0 == .supplier }?.1.map(\.key) == ["SUP-0004"])
    }

    /// Two incremental runs in a row (each from the previous incremental run) still equal a full run.
    @Test func chainedIncrementalRunsEqualAFullRun() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(nordicIT)
        let first = try t.workspace.runs.calculate(CalculationOptions())
        _ = try t.workspace.importFile(
            .supplierEmissions,
            try t.file("e1.csv", "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nSUP-0011,2024,10,20,3000,500000000,NOK\n")
        )
        let second = try t.workspace.runs.calculate(CalculationOptions())
        #expect(second.kind == .incremental && second.parentID == first.id)
        let e2 = try t.workspace.importFile(
            .supplierEmissions,
            try t.file("e2.csv", "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nSUP-0030,2024,5,5,900,80000000,SEK\n")
        )
        let third = try t.workspace.runs.calculate(CalculationOptions())
        #expect(third.kind == .incremental && third.parentID == second.id)
        // Taking SUP-0030's disclosure out again: back to spend-based for its lines.
        _ = try t.workspace.imports.removeImport(id: e2.record.id)
        let fourth = try t.workspace.runs.calculate(CalculationOptions())
        #expect(fourth.kind == .incremental && fourth.parentID == third.id)
        #expect(fourth.aggregate == second.aggregate)
        let full = try t.workspace.runs.calculate(CalculationOptions(full: true))
        #expect(full.aggregate == fourth.aggregate)
    }

    /// New data of several suppliers at once: their packs are shared out to the threads (each reads on
    /// its own connection), and the run is still exactly a full one, line by line, on 1, 2 or 4 threads.
    @Test(arguments: [1, 2, 4])
    func incrementalOnSeveralThreadsEqualsFull(threads: Int) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(nordicIT)
        let first = try t.workspace.runs.calculate(CalculationOptions(threads: threads))
        let disclosures = try t.file(
            "e.csv",
            """
            supplier,year,scope1,scope2,scope3_upstream,revenue,currency
            SUP-0008,2024,49.8,17.5,7810,1302000000,NOK
            SUP-0011,2024,10,20,3000,500000000,NOK
            SUP-0030,2024,5,5,900,80000000,SEK

            """
        )
        _ = try t.workspace.importFile(.supplierEmissions, disclosures)
        let second = try t.workspace.runs.calculate(CalculationOptions(threads: threads))
        #expect(second.kind == .incremental && second.parentID == first.id)
        let changed = try t.workspace.count("purchase_line", where: "supplier IN ('SUP-0008', 'SUP-0011', 'SUP-0030')")
        #expect(
            second.recomputedLines > 0 && second.recomputedLines <= changed,
            "only the three suppliers' lines (not those computed from product footprints)"
        )
        let packs = try t.workspace.count("purchase_pack p JOIN term s ON s.id = p.supplier", where: "s.text IN ('SUP-0008', 'SUP-0011', 'SUP-0030')")
        #expect(packs >= 3, "three suppliers' packs to share out")
        // Every line's stored result is what the engine gives, and the sums are the stored inventory.
        _ = try t.workspace.runs.verifyRun(id: second.id)
        let full = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: threads))
        #expect(full.aggregate == second.aggregate)
    }
}
