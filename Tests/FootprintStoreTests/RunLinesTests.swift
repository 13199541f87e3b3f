import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// `RunStore.runLines` / `verifyRun`: every figure of a stored run followed back to its lines.
@Suite("Run lines (audit export)")
struct RunLinesTests {
    static let example = packageRoot + "/examples/nordic-it"

    /// The example company imported into a fresh workspace: kind and file of each import, in order.
    static let files: [(ImportKind, String)] = [
        (.suppliers, "suppliers.csv"), (.rates, "rates.csv"), (.priceIndex, "price_index.csv"),
        (.supplierEmissions, "supplier_emissions.csv"), (.productFootprints, "product_footprints.csv"), (.factors, "factors.csv"),
        (.manufacturers, "manufacturers.csv"), (.supplierAllocations, "supplier_allocations.csv"),
        (.purchases, "purchases.csv"),
    ]

    /// Imports the example; returns the import id of each file name.
    static func importExample(_ ws: Workspace) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for (kind, name) in files {
            let path = example + "/" + name
            let outcome =
                kind == .purchases
                ? try ws.imports.importPurchases(path: path, displayName: name, replacing: nil, mapping: nil)
                : try ws.imports.importReference(kind: kind, path: path, displayName: name, replacing: nil)
            ids[name] = outcome.record.id
        }
        return ids
    }

    static func lines(_ ws: Workspace, _ run: Int64, _ filter: RunLineFilter = RunLineFilter()) throws -> ([RunLine], RunVerification) {
        var lines: [RunLine] = []
        let verification = try ws.runs.runLines(id: run, filter: filter) { lines.append($0) }
        return (lines, verification)
    }

    static func relativeDifference(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(a), abs(b), 1e-300) }

    @Test func oneRowPerLineSummingToTheRun() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try Self.importExample(t.workspace)
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        let (lines, verification) = try Self.lines(t.workspace, run.id)
        #expect(lines.count == 3759)
        #expect(lines.count == run.lineCount)
        #expect(verification.lines == run.lineCount && verification.written == lines.count && verification.inheritedLines == 0)
        var sum = CompensatedSum()
        for l in lines { sum.add(l.kg) }
        #expect(Self.relativeDifference(sum.value, run.aggregate.total.kg) < 1e-9)
        #expect(Self.relativeDifference(verification.kg, run.aggregate.total.kg) < 1e-9)
        for m in 0..<5 {
            let name = m < 4 ? CalculationMethod(rawValue: UInt8(m))!.name : CalculationMethod.unmappedName
            #expect(lines.filter { $0.methodName == name }.count == run.aggregate.total.lines[m], "method \(name)")
            #expect(verification.linesByMethod[m] == run.aggregate.total.lines[m])
        }
        // Import id, then source line order.
        #expect(zip(lines, lines.dropFirst()).allSatisfy { ($0.importID, $0.sourceLine) < ($1.importID, $1.sourceLine) })
        // The CSV has a header and one record per line.
        let csv = RunLinesCSV.header + lines.map(RunLinesCSV.row).joined()
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: Data(csv.utf8), file: "lines.csv", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(table.header == RunLinesCSV.columns && table.rows.count == lines.count)
        // Factor provenance names the library and the import that installed it.
        let spend = try #require(lines.first { $0.method == .spendBased })
        #expect(spend.provenance.source?.kind == .factor && spend.provenance.source?.file.hasPrefix("factors@") == true)
        #expect(spend.provenance.source?.libraryID != nil && spend.provenance.source?.importID != nil)
        let hybrid = try #require(lines.first { $0.method == .hybrid })
        #expect(hybrid.provenance.source?.file == "supplier_emissions.csv" && hybrid.provenance.source?.line ?? 0 > 1)
    }

    @Test func filters() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try Self.importExample(t.workspace)
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        let (all, _) = try Self.lines(t.workspace, run.id)
        let supplier = all[0].supplier
        let (bySupplier, _) = try Self.lines(t.workspace, run.id, RunLineFilter(supplier: supplier))
        #expect(bySupplier.map(\.purchaseID) == all.filter { $0.supplier == supplier }.map(\.purchaseID))
        let (hybrid, _) = try Self.lines(t.workspace, run.id, RunLineFilter(method: "hybrid", limit: 5))
        #expect(hybrid.map(\.purchaseID) == Array(all.filter { $0.method == .hybrid }.prefix(5)).map(\.purchaseID))
        let category = all[0].category
        let (byCategory, _) = try Self.lines(t.workspace, run.id, RunLineFilter(category: category, method: "unmapped"))
        #expect(byCategory.map(\.purchaseID) == all.filter { $0.category == category && $0.method == nil }.map(\.purchaseID))
        let (none, _) = try Self.lines(t.workspace, run.id, RunLineFilter(supplier: "NO-SUCH-SUPPLIER"))
        #expect(none.isEmpty)
        #expect(throws: WorkspaceError.self) { try Self.lines(t.workspace, run.id, RunLineFilter(method: "magic")) }
    }

    /// The stateless `calculate --data DIR --lines-out` rows of the example, keyed by line.
    static func statelessLines() throws -> [String: [String: String]] {
        let reference = try ReferenceDataReader.read(directory: example)
        let scanner = LedgerScanner(engine: InventoryEngine(reference: reference), options: .init(threads: 2))
        var bytes: [UInt8] = []
        _ = try scanner.scan(path: example + "/purchases.csv", displayName: "purchases.csv") { bytes.append(contentsOf: $0) }
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: Data(bytes), file: "lines.csv", diagnostics: &diagnostics)
        var rows: [String: [String: String]] = [:]
        for row in table.rows { rows[row.fields[0]] = Dictionary(uniqueKeysWithValues: zip(table.header, row.fields)) }
        return rows
    }

    @Test func sameProvenanceAsTheStatelessLinesOut() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try Self.importExample(t.workspace)
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        let (lines, _) = try Self.lines(t.workspace, run.id)
        let stateless = try Self.statelessLines()
        #expect(stateless.count == lines.count)
        let compared = [
            "method", "kgco2e", "factor_kgco2e_per_unit", "factor_unit", "source", "unit_conversion", "fx_line_per_usd", "fx_target_per_usd",
            "price_index_ratio", "activity", "unmapped_reason",
        ]
        var perMethod: [String: Int] = [:]
        for line in lines {
            let row = Dictionary(uniqueKeysWithValues: zip(RunLinesCSV.columns, RunLinesCSV.fields(line)))
            let expected = try #require(stateless[String(line.sourceLine)])
            #expect(expected["id"] == line.purchaseID)
            for column in compared {
                var value = row[column]!
                // A factor file imported into a workspace becomes a library named key@version, read at the same line.
                if column == "source", line.provenance.source?.kind == .factor, let file = line.provenance.source?.file {
                    value = value.replacingOccurrences(of: "(\(file):", with: "(factors.csv:")
                }
                #expect(value == expected[column], "\(column) of line \(line.sourceLine) (\(line.methodName))")
            }
            perMethod[line.methodName, default: 0] += 1
        }
        // Every method and unmapped (lines left out of the inventory need a period or an exclusion: InventoryPeriodTests).
        #expect(Set(perMethod.keys) == Set(RunLineFilter.methodNames).subtracting([LineOutcome.outsidePeriodName, LineOutcome.excludedName]))
    }

    @Test func anOldRunStillExportsItsFiguresAfterItsLedgerIsReplaced() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ids = try Self.importExample(t.workspace)
        let old = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        let (before, _) = try Self.lines(t.workspace, old.id)
        // A corrected export: the first line's amount changes, the last line goes.
        let text = try String(contentsOfFile: Self.example + "/purchases.csv", encoding: .utf8)
        let firstAmount = before[0].amount
        var rows = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(rows[1].contains("," + firstAmount + ","))
        rows[1] = rows[1].replacingOccurrences(of: "," + firstAmount + ",", with: "," + firstAmount + "1,")
        rows.removeLast()
        let corrected = try t.file("purchases.csv", rows.joined(separator: "\n") + "\n")
        let outcome = try t.workspace.imports.importPurchases(
            path: corrected,
            displayName: "purchases.csv",
            replacing: ids["purchases.csv"],
            mapping: nil
        )
        #expect(outcome.superseded == ids["purchases.csv"])
        let new = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        #expect(new.id != old.id && new.kind == .full)
        let (after, _) = try Self.lines(t.workspace, old.id)
        #expect(after.map(RunLinesCSV.row) == before.map(RunLinesCSV.row))
        #expect(after.allSatisfy { $0.importID == ids["purchases.csv"] })
        let (newer, verification) = try Self.lines(t.workspace, new.id)
        #expect(newer.count == before.count - 1 && verification.lines == new.lineCount)
        #expect(newer.allSatisfy { $0.importID == outcome.record.id })
        #expect(newer[0].amount == firstAmount + "1" && newer[0].kg != before[0].kg)
        #expect(zip(newer.dropFirst(), before.dropFirst()).allSatisfy { $0.kg.bitPattern == $1.kg.bitPattern && $0.methodName == $1.methodName })
        var sum = CompensatedSum()
        for l in newer { sum.add(l.kg) }
        #expect(Self.relativeDifference(sum.value, new.aggregate.total.kg) < 1e-9)
    }

    /// `addYear` false: the supplier's figures change in value only, so its lines keep their stored results
    /// (activity and figure) and only their kg changes; true: a disclosure for a new year changes their
    /// shape, so its lines are evaluated again and stored by the new run.
    @Test(arguments: [false, true])
    func anIncrementalRunCombinesItsParentsResultsAndItsOwn(addYear: Bool) throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let ids = try Self.importExample(t.workspace)
        let parent = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        let (parentLines, _) = try Self.lines(t.workspace, parent.id)
        // One supplier's disclosures change: its revenue doubles in every year.
        let hybridSupplier = try #require(parentLines.first { $0.method == .hybrid }).supplier
        let text = try String(contentsOfFile: Self.example + "/supplier_emissions.csv", encoding: .utf8)
        var changed = false
        var edited =
            text.split(separator: "\n").map { row -> String in
                var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                if fields[0] == hybridSupplier, let revenue = Double(fields[5]) {
                    fields[5] = String(format: "%.0f", revenue * 2)
                    changed = true
                }
                return fields.joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        #expect(changed)
        if addYear {
            let row = try #require(edited.split(separator: "\n").first { $0.hasPrefix(hybridSupplier + ",") })
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[1] = "2015"
            edited += fields.joined(separator: ",") + "\n"
        }
        let path = try t.file("supplier_emissions.csv", edited)
        _ = try t.workspace.imports.importReference(
            kind: .supplierEmissions,
            path: path,
            displayName: "supplier_emissions.csv",
            replacing: ids["supplier_emissions.csv"]
        )
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        #expect(run.kind == .incremental && run.parentID == parent.id)
        #expect(run.recomputedLines > 0 && run.recomputedLines < run.lineCount)
        let (lines, verification) = try Self.lines(t.workspace, run.id)
        #expect(lines.count == run.lineCount && verification.lines == run.lineCount)
        #expect(verification.inheritedLines == (addYear ? run.lineCount - run.recomputedLines : run.lineCount))
        var sum = CompensatedSum()
        for l in lines { sum.add(l.kg) }
        #expect(Self.relativeDifference(sum.value, run.aggregate.total.kg) < 1e-9)
        // The supplier's lines are the run's own; every other line is its parent's, unchanged.
        let mine = zip(lines, parentLines).filter { $0.0.supplier == hybridSupplier }
        #expect(mine.count == run.recomputedLines)
        #expect(mine.contains { $0.0.kg != $0.1.kg })
        #expect(zip(lines, parentLines).filter { $0.0.supplier != hybridSupplier }.allSatisfy { $0.0.kg.bitPattern == $0.1.kg.bitPattern })
        // The same lines as a full recalculation of the same inputs.
        let full = try t.workspace.runs.calculate(CalculationOptions(full: true, threads: 2))
        let (fullLines, _) = try Self.lines(t.workspace, full.id)
        #expect(zip(fullLines, lines).allSatisfy { RunLinesCSV.fields($0).dropFirst() == RunLinesCSV.fields($1).dropFirst() })
        // And the parent still exports its own figures.
        let (parentAgain, _) = try Self.lines(t.workspace, parent.id)
        #expect(parentAgain.map(RunLinesCSV.row) == parentLines.map(RunLinesCSV.row))
    }

    @Test func aStoredFigureThatDoesNotFollowFromItsInputsIsAnError() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try Self.importExample(t.workspace)
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        // Change one line's stored activity (so its kg) by one unit in the last place.
        try t.workspace.transaction { db in
            let row = try Row.fetchOne(db, sql: "SELECT pack_id, data FROM run_result WHERE run_id = ? LIMIT 1", arguments: [run.id])!
            let data: Data = row[1]
            var bytes = [UInt8](data)
            let changed: [UInt8]? = bytes.withUnsafeBytes { raw in
                let view = LineResultPack.View(raw)!
                guard let i = (0..<view.count).first(where: { !view.outcome($0).isUnmapped }) else { return nil }
                let writer = LineResultPack.Writer(copying: view)
                writer.set(i, outcome: view.outcome(i), activity: view.value(i).nextUp, source: view.source(i))
                return writer.bytes
            }
            bytes = try #require(changed)
            try db.execute(sql: "UPDATE run_result SET data = ? WHERE run_id = ? AND pack_id = ?", arguments: [Data(bytes), run.id, row[0] as Int64])
        }
        do {
            _ = try t.workspace.runs.verifyRun(id: run.id)
            Issue.record("expected a line mismatch")
        } catch {
            guard case .lineMismatch(let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(message.contains("purchases.csv:") && message.contains("run #\(run.id) stored"))
        }
        #expect(throws: WorkspaceError.self) { try Self.lines(t.workspace, run.id) }
    }

    /// The sums by pool source, which the customer allocation reads instead of the lines, are verified
    /// too: one nano-kg moved from one cell to another (the total unchanged) is found.
    @Test func storedPoolSourcesThatDoNotFollowFromTheLinesAreAnError() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try Self.importExample(t.workspace)
        let run = try t.workspace.runs.calculate(CalculationOptions(threads: 2))
        #expect(try t.workspace.runs.verifyRun(id: run.id).lines == run.lineCount)
        var changed = run.aggregate
        let keys = changed.poolSources.keys.sorted().filter { changed.poolSources[$0]!.lines[0] > 0 }
        try #require(keys.count >= 2 && run.aggregate.hasPoolSources)
        changed.poolSources[keys[0]]!.nanoKg[0] -= 1
        changed.poolSources[keys[1]]!.nanoKg[0] += 1
        #expect(changed.total == run.aggregate.total)
        try t.workspace.transaction { db in
            try db.execute(sql: "UPDATE run SET aggregate = ? WHERE id = ?", arguments: [Data(changed.binary()), run.id])
        }
        do {
            _ = try t.workspace.runs.verifyRun(id: run.id)
            Issue.record("expected a line mismatch")
        } catch {
            guard case .lineMismatch(let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(message.contains("by pool source") && message.contains("2 of them different"))
        }
    }
}
