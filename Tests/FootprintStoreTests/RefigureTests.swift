import FootprintCore
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// A supplier's new figures of the same shape (its disclosures' values, its footprints' values) leave its
/// lines' stored results valid: an incremental run adds only the change in their kg, writes no result,
/// and is still exactly a full run, line by line.
@Suite struct RefigureTests {
    static let header = "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\n"
    static let suppliers = "('SUP-0008', 'SUP-0011', 'SUP-0030')"

    static func disclosures(revenueFactor: Double) -> String {
        Self.header
            + [
                ("SUP-0008", 2023, "51.2,18.9,7420", 1_210_000_000.0, "NOK"), ("SUP-0008", 2024, "49.8,17.5,7810", 1_302_000_000, "NOK"),
                ("SUP-0011", 2024, "10,20,3000", 500_000_000, "NOK"), ("SUP-0030", 2024, "5,5,900", 80_000_000, "SEK"),
            ].map { "\($0.0),\($0.1),\($0.2),\(String(format: "%.0f", $0.3 * revenueFactor)),\($0.4)\n" }.joined()
    }

    @Test(arguments: [1, 2])
    func valueOnlyChangesStoreNoResultsAndEqualAFullRun(threads: Int) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(nordicIT)
        let first = try t.workspace.importFile(.supplierEmissions, try t.file("e.csv", Self.disclosures(revenueFactor: 1)))
        let parent = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: threads))
        _ = try t.workspace.importFile(.supplierEmissions, try t.file("e2.csv", Self.disclosures(revenueFactor: 1.1)), replacing: first.record.id)
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: threads))
        #expect(run.kind == .incremental && run.parentID == parent.id)
        let hybrid = try t.workspace.count(
            "run_result",
            where: "run_id = \(run.id)"
        )
        #expect(hybrid == 0, "no result is stored for lines whose figures changed in value only")
        let changed = try t.workspace.count("purchase_line", where: "supplier IN \(Self.suppliers)")
        #expect(run.recomputedLines > 0 && run.recomputedLines <= changed)
        #expect(run.aggregate != parent.aggregate)
        // Every line's result (the parent's activity and figure, this run's kg) is what the engine gives.
        let verification = try t.workspace.runs.verifyRun(id: run.id)
        #expect(verification.inheritedLines == run.lineCount)
        let full = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: threads))
        #expect(full.aggregate == run.aggregate)
        var mine: [Double] = []
        var fullKg: [Double] = []
        _ = try t.workspace.runs.runLines(id: run.id) { mine.append($0.kg) }
        _ = try t.workspace.runs.runLines(id: full.id) { fullKg.append($0.kg) }
        #expect(mine.count == run.lineCount && mine.map(\.bitPattern) == fullKg.map(\.bitPattern))
    }

    /// One process calculating again and again (as `calculate --watch` does) reuses what it kept: parsed
    /// imports, factors, terms, the latest run, and the packs' grouping columns and stored results. Each run
    /// still equals a full recalculation, and one made by a fresh workspace object on the same file.
    @Test func repeatedRefiguresInOneProcessEqualAFullRun() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(nordicIT)
        t.workspace.calculatesRepeatedly = true
        // Its commits leave the write-ahead log to the checkpoint between runs.
        #expect(try t.workspace.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 0)
        var current = try t.workspace.importFile(.supplierEmissions, try t.file("e0.csv", Self.disclosures(revenueFactor: 1)))
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true))
        for (step, factor) in [1.1, 0.9, 1.25, 0.8].enumerated() {
            current = try t.workspace.importFile(
                .supplierEmissions,
                try t.file("e\(step + 1).csv", Self.disclosures(revenueFactor: factor)),
                replacing: current.record.id
            )
            let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
            #expect(run.kind == .incremental && run.recomputedLines > 0)
            #expect(try t.workspace.count("run_result", where: "run_id = \(run.id)") == 0)
            let fresh = try Workspace(path: t.workspace.path)
            #expect(try fresh.runs.run(id: run.id).aggregate == run.aggregate)
            _ = try fresh.runs.verifyRun(id: run.id)
            let full = try fresh.runs.calculate(CalculationOptions(full: true))
            #expect(full.aggregate == run.aggregate, "step \(step)")
            // The next incremental run of the first process starts from that full run.
        }
    }

    /// A watching process keeps each pack's refigure plan (`CalculationCache`) and uses it again for every
    /// run that refigures from the same stored results: each such run is verified line by line, and the
    /// last equals a full run.
    @Test func refigurePlansKeptByOneProcessGiveVerifiedRuns() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(nordicIT)
        t.workspace.calculatesRepeatedly = true
        // Its commits leave the write-ahead log to the checkpoint between runs.
        #expect(try t.workspace.pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") } == 0)
        var current = try t.workspace.importFile(.supplierEmissions, try t.file("e0.csv", Self.disclosures(revenueFactor: 1)))
        let first = try t.workspace.runs.calculate(CalculationOptions(full: true))
        var last = first
        for (step, factor) in [1.1, 0.9, 1.25, 0.8, 1.0].enumerated() {
            current = try t.workspace.importFile(
                .supplierEmissions,
                try t.file("e\(step + 1).csv", Self.disclosures(revenueFactor: factor)),
                replacing: current.record.id
            )
            last = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
            #expect(last.kind == .incremental && last.recomputedLines > 0)
            #expect(try t.workspace.count("run_result", where: "run_id = \(last.id)") == 0, "step \(step): refigured, not evaluated again")
            try t.workspace.runs.checkpointBetweenRuns()
            _ = try Workspace(path: t.workspace.path).runs.verifyRun(id: last.id)
            // Written by patching the earlier run's bytes: the bytes of writing it anew.
            #expect(t.workspace.cache.patchedInventories == step + 1)
            let stored = try t.workspace.read { db in try Data.fetchOne(db, sql: "SELECT aggregate FROM run WHERE id = ?", arguments: [last.id]) }
            #expect(stored.map { [UInt8]($0) } == last.aggregate.binary())
        }
        // Back at the first figures: the same inventory as the first run, and as a full run now.
        #expect(last.aggregate == first.aggregate)
        #expect(try Workspace(path: t.workspace.path).runs.calculate(CalculationOptions(full: true)).aggregate == last.aggregate)
    }

    /// Runs stored by earlier versions keep kg per line (not activity): they are read as they are, and an
    /// incremental run from one evaluates the changed supplier's packs again and stores them as activity results.
    @Test func kgResultsOfEarlierVersionsAreReadAndReplaced() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        try t.workspace.importFolder(nordicIT)
        let first = try t.workspace.importFile(.supplierEmissions, try t.file("e.csv", Self.disclosures(revenueFactor: 1)))
        let parent = try t.workspace.runs.calculate(CalculationOptions(full: true))
        // Rewrite the parent's results as an earlier version stored them: kg per line, header without the flag.
        let context = try RunLinesContext(workspace: t.workspace, runID: parent.id)
        try t.workspace.transaction { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT r.pack_id, r.data, p.data, p.import_id FROM run_result r JOIN purchase_pack p ON p.id = r.pack_id WHERE r.run_id = ?",
                arguments: [parent.id]
            )
            for row in rows {
                var bytes = [UInt8](row[1] as Data)
                let packData: Data = row[2]
                let stored = try #require(context.stored[row[3] as Int64])
                let kgs: [Double] = try packData.withUnsafeBytes { raw in
                    let pack = try #require(PackView(raw))
                    return try (0..<pack.count).map { i in stored.kg[try #require(stored.index(pack.row(i)))] }
                }
                let n = UInt32(kgs.count)
                withUnsafeBytes(of: n.littleEndian) { for i in 0..<4 { bytes[i] = $0[i] } }
                for (i, kg) in kgs.enumerated() {
                    withUnsafeBytes(of: kg.bitPattern.littleEndian) { for b in 0..<8 { bytes[4 + 8 * i + b] = $0[b] } }
                }
                try db.execute(
                    sql: "UPDATE run_result SET data = ? WHERE run_id = ? AND pack_id = ?",
                    arguments: [Data(bytes), parent.id, row[0] as Int64]
                )
            }
        }
        let kgRows = try t.workspace.read { db in try Data.fetchAll(db, sql: "SELECT data FROM run_result WHERE run_id = ?", arguments: [parent.id]) }
        #expect(!kgRows.isEmpty && kgRows.allSatisfy { $0.withUnsafeBytes { LineResultPack.View($0).map { !$0.isActivity } ?? false } })
        _ = try t.workspace.importFile(.supplierEmissions, try t.file("e2.csv", Self.disclosures(revenueFactor: 0.9)), replacing: first.record.id)
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        #expect(run.kind == .incremental && run.parentID == parent.id)
        let packs = try t.workspace.count("purchase_pack p JOIN term s ON s.id = p.supplier", where: "s.text IN \(Self.suppliers)")
        #expect(try t.workspace.count("run_result", where: "run_id = \(run.id)") == packs, "the changed suppliers' packs, evaluated again")
        let own = try t.workspace.read { db in try Data.fetchAll(db, sql: "SELECT data FROM run_result WHERE run_id = ?", arguments: [run.id]) }
        #expect(own.allSatisfy { $0.withUnsafeBytes { LineResultPack.View($0)?.isActivity ?? false } })
        _ = try t.workspace.runs.verifyRun(id: run.id)
        let full = try t.workspace.runs.calculate(CalculationOptions(full: true))
        #expect(full.aggregate == run.aggregate)
    }
}
