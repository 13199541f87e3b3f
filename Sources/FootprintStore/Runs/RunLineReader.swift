import FootprintCore
import FootprintImport
import Foundation
import GRDB

extension RunStore {
    /// A reader of one run's lines that evaluates only the lines asked for: one supplier's
    /// (`supplierLines`), then any of them with their provenance (`lines`). Loading it reads the
    /// run's reference data and terms once, but no line; a stored run never changes, so a process
    /// may keep it.
    public func lineReader(id: Int64) throws(WorkspaceError) -> RunLineReader {
        RunLineReader(context: try RunLinesContext(workspace: workspace, runID: id, verify: false))
    }
}

/// One supplier's lines in a run, found through its packs alone (`purchase_pack_by_supplier`), each
/// checked as `runs lines` checks every line: its pack evaluated again with the run's inputs gives
/// the stored method and kg bit for bit, and the supplier's sums by Scope 3 category are the run's
/// stored ones (`InventoryAggregate.supplierScope3`).
public struct RunSupplierLines: Sendable {
    public let run: Int64
    public let supplier: String
    /// The lines in the inventory (not outside the period, not of an excluded category), by Scope 3
    /// category, in the order of `runs lines` (import, then source line).
    public let inventory: [Scope3Category: [Line]]
    /// Lines left out of the inventory.
    public let leftOut: Int

    /// A line: where it is and what the run stored for it.
    public struct Line: Sendable {
        let importID: Int64
        let row: Int64
        let outcome: LineOutcome
        let kg: Double
    }

    /// The supplier's lines in `category`, their count and the sum of their kg as the inventory
    /// keeps it (each line to the nearest nano-kilogram, summed exactly).
    public func figures(_ category: Scope3Category) -> (lines: Int, nanoKg: Int128) {
        let lines = inventory[category] ?? []
        return (lines.count, lines.reduce(Int128(0)) { $0 + ($1.outcome.status.methodSlot < 4 ? AggregateAccumulator.nanoKg($1.kg) : 0) })
    }
}

/// See `RunStore.lineReader`. Safe to share: it only reads the workspace and its own constants.
public final class RunLineReader: @unchecked Sendable {
    let context: RunLinesContext
    private let lock = NSLock()
    /// By import: whether any of its rows has a source line of its own (a converted ERP export).
    private var sourceLines: [Int64: Bool] = [:]

    init(context: RunLinesContext) { self.context = context }

    public var run: CalculationRun { context.run }

    /// `supplier`'s lines in the run (exactly as in the ledger); none for a supplier the run does not have.
    public func supplierLines(_ supplier: String) throws(WorkspaceError) -> RunSupplierLines {
        let c = context
        let inputs = Dictionary(uniqueKeysWithValues: c.reference.purchaseImports.enumerated().map { ($0.element.importID, $0.offset) })
        guard let term = try c.term(supplier) else { return RunSupplierLines(run: c.run.id, supplier: supplier, inventory: [:], leftOut: 0) }
        var byImport = [[RunSupplierLines.Line]](repeating: [], count: inputs.count)
        var scope3ByImport = [[UInt8]](repeating: [], count: inputs.count)
        var leftOut = 0
        var accumulator = c.evaluator.makeAccumulator()
        try c.workspace.read { db in
            let packs = try Row.fetchAll(db, sql: "SELECT id, import_id FROM purchase_pack WHERE supplier = ? ORDER BY id", arguments: [term])
            let select = try db.makeStatement(sql: "SELECT data FROM purchase_pack WHERE id = ?")
            let result = try db.makeStatement(sql: "SELECT run_id, data FROM run_result WHERE run_id = ? AND pack_id = ?")
            for pack in packs {
                let importID: Int64 = pack[1]
                guard let at = inputs[importID] else { continue }
                let input = c.reference.purchaseImports[at]
                _ = try c.checkPack(
                    db: db,
                    packID: pack[0],
                    supplier: term,
                    input: input,
                    select: select,
                    result: result,
                    accumulator: &accumulator
                ) { i, view, outcome, kg, _ in
                    guard outcome.status.isInInventory else {
                        leftOut += 1
                        return
                    }
                    let category = Int(view.category(i))
                    let scope3 = c.evaluator.scope3(flag: Int(view.scope3(i)), category: category, unit: Int(view.unit(i))) {
                        c.evaluator.ledgerLine(view, i, c.evaluator.supplierKey(Int(term)))
                    }
                    byImport[at].append(RunSupplierLines.Line(importID: importID, row: view.row(i), outcome: outcome, kg: kg))
                    scope3ByImport[at].append(UInt8(truncatingIfNeeded: scope3))
                }
            }
        }
        // The supplier's sums, evaluated again, are the ones the run stored.
        let stored = c.run.aggregate
        if stored.hasSupplierScope3 {
            let again = c.evaluator.aggregate(accumulator).cells(.supplierScope3)
            for n in 1...15 {
                let key = InventoryAggregate.supplierScope3Key(supplier: supplier, scope3: n)
                let a = again[key] ?? InventoryAggregate.Cell()
                let s = stored.cells(.supplierScope3)[key] ?? InventoryAggregate.Cell()
                guard a.lines == s.lines, a.nanoKg == s.nanoKg else {
                    throw .lineMismatch(
                        "the lines of supplier '\(supplier)' in run #\(c.run.id), evaluated again, sum in Scope 3 category \(n) to "
                            + "\(a.totalLines) lines \(a.totalNanoKg) nkg, but the run stored \(s.totalLines) lines \(s.totalNanoKg) nkg"
                    )
                }
            }
        }
        var inventory: [Scope3Category: [RunSupplierLines.Line]] = [:]
        for (at, lines) in byImport.enumerated() where !lines.isEmpty {
            let order = try fileOrder(lines, importID: c.reference.purchaseImports[at].importID)
            for i in order {
                let category = Scope3Category(rawValue: Int(scope3ByImport[at][i])) ?? .purchasedGoodsAndServices
                inventory[category, default: []].append(lines[i])
            }
        }
        return RunSupplierLines(run: c.run.id, supplier: supplier, inventory: inventory, leftOut: leftOut)
    }

    /// The indices of `lines` (of one import, in row order as their packs hold them) in the order of
    /// `runs lines`: source line, line, row. Rows are stored in the order of the file's lines, so
    /// that is row order unless the import has source lines of its own; then they are read.
    private func fileOrder(_ lines: [RunSupplierLines.Line], importID: Int64) throws(WorkspaceError) -> [Int] {
        var order = Array(lines.indices)
        let known = lock.withLock { sourceLines[importID] }
        let has: Bool
        if let known {
            has = known
        } else {
            has = try context.workspace.read { db in
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM purchase WHERE import_id = ? AND source_line IS NOT NULL)",
                    arguments: [importID]
                ) ?? false
            }
            lock.withLock { sourceLines[importID] = has }
        }
        order.sort { lines[$0].row < lines[$1].row }
        guard has else { return order }
        let keys: [(Int64, Int64)] = try context.workspace.read { db in
            let statement = try db.makeStatement(sql: "SELECT coalesce(source_line, line), line FROM purchase WHERE rowid = ?")
            return try lines.map { line in
                guard let row = try Row.fetchOne(statement, arguments: [line.row]) else {
                    throw WorkspaceError.database("purchase row \(line.row) of import #\(importID) is missing")
                }
                return (row[0], row[1])
            }
        }
        order.sort { a, b in keys[a] != keys[b] ? keys[a] < keys[b] : lines[a].row < lines[b].row }
        return order
    }

    /// The lines `lines` with their full provenance, as `runs lines` gives them: each evaluated again
    /// from its stored row (the texts as imported) and checked against the run's result.
    public func lines(_ lines: some Collection<RunSupplierLines.Line>) throws(WorkspaceError) -> [RunLine] {
        let c = context
        let inputs = Dictionary(uniqueKeysWithValues: c.reference.purchaseImports.map { ($0.importID, $0) })
        return try c.workspace.read { db in
            let statement = try db.makeStatement(
                sql: """
                    SELECT rowid, line, coalesce(source_line, line) AS source_line, purchase_id, date, supplier, category, amount, currency, product, quantity, unit, customer, scope3
                    FROM purchase WHERE rowid = ?
                    """
            )
            return try lines.map { line in
                guard let input = inputs[line.importID], let row = try Row.fetchOne(statement, arguments: [line.row]) else {
                    throw WorkspaceError.database("purchase row \(line.row) of import #\(line.importID) is missing")
                }
                var results = RunLinesContext.StoredResults()
                results.sparse = [line.row: 0]
                results.outcome = [line.outcome]
                results.kg = [line.kg]
                return try c.line(row, input: input, results: results)
            }
        }
    }
}
