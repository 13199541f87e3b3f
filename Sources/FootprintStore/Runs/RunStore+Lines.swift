import FootprintCore
import FootprintImport
import Foundation
import GRDB

extension RunStore {
    /// Checks a run line by line: loads the reference data exactly as the run read it (its recorded
    /// imports and factor libraries, not the ones active now), evaluates every line of its purchase
    /// packs again and compares method, status and kg, bit for bit, with the results the run stored
    /// (resolved through its parent chain); then compares the sums with the run's stored inventory.
    /// Any difference is a `WorkspaceError.lineMismatch` naming the line.
    public func verifyRun(id: Int64) throws(WorkspaceError) -> RunVerification {
        try verifyRun(id: id, progress: nil)
    }

    /// `verifyRun`, with the lines verified reported to `progress` (one phase, `verifying run #N`).
    public func verifyRun(id: Int64, progress: ProgressPart?) throws(WorkspaceError) -> RunVerification {
        let context = try RunLinesContext(workspace: workspace, runID: id, progress: progress.map { ($0, 1) })
        return try context.verification(written: 0)
    }

    /// Every line of a run (or those `filter` selects), in import id, then source line order, with
    /// its full provenance, handed to `body` one at a time. The whole run is verified first, as
    /// `verifyRun` does; each line handed out is also evaluated again from its stored row (the
    /// texts as imported), and must give the stored method and kg bit for bit.
    public func runLines(id: Int64, filter: RunLineFilter = RunLineFilter(), _ body: (RunLine) -> Void) throws(WorkspaceError) -> RunVerification {
        try runLines(id: id, filter: filter, progress: nil, body)
    }

    /// `runLines`, with its two passes reported to `progress`: `verifying run #N` (the run's lines
    /// evaluated from its packs, the first `verifyShare` of the part) and `reading run #N` (its rows
    /// read and evaluated one by one, the rest).
    public func runLines(
        id: Int64,
        filter: RunLineFilter = RunLineFilter(),
        progress: ProgressPart?,
        _ body: (RunLine) -> Void
    ) throws(WorkspaceError) -> RunVerification {
        if let method = filter.method, !RunLineFilter.methodNames.contains(method) {
            throw .conflict("unknown method '\(method)'; expected one of \(RunLineFilter.methodNames.joined(separator: ", "))")
        }
        let context = try RunLinesContext(workspace: workspace, runID: id, progress: progress.map { ($0, RunLinesContext.verifyShare) })
        let written = try context.lines(filter: filter, body)
        return try context.verification(written: written)
    }
}

/// The state of one `verifyRun` / `runLines` call: the run, its engine, and the stored results of
/// every line, by purchase row.
final class RunLinesContext {
    let workspace: Workspace
    let run: CalculationRun
    let reference: RunReference
    let evaluator: PackEvaluator
    let labels: ProvenanceLabels
    let chain: [Int64]
    /// Stored results of each purchase import's lines, by row.
    var stored: [Int64: StoredResults] = [:]
    private(set) var linesByMethod = [Int](repeating: 0, count: 5)
    /// Lines left out of the inventory: outside the period, excluded.
    private(set) var outsidePeriod = 0
    private(set) var excluded = 0
    private(set) var kg = CompensatedSum()
    private(set) var inherited = 0
    private(set) var lineCount = 0
    private(set) var biogenic = CompensatedSum()
    /// Where the lines verified, then read, are reported, and the share of it the verification ends at.
    let progress: (part: ProgressPart, verifyShare: Double)?
    /// The share of a `runLines` call's time that goes to verifying the run's packs (the rest reads
    /// and evaluates its rows one by one), as measured on the generated 1,000,000-line ledger.
    static let verifyShare = 0.35

    var engine: InventoryEngine { evaluator.engine }
    var texts: [String?] { evaluator.texts }

    /// `verify`: evaluate every pack of the run again first (`verifyPacks`), as `runLines` and
    /// `verifyRun` do; without it, only the packs a caller checks (`supplierLines`). `progress` hears
    /// the lines verified, then read, and the share of it the verification ends at.
    init(
        workspace: Workspace,
        runID: Int64,
        verify: Bool = true,
        progress: (part: ProgressPart, verifyShare: Double)? = nil
    ) throws(WorkspaceError) {
        self.workspace = workspace
        self.progress = progress
        run = try workspace.runs.run(id: runID)
        progress?.part.begin("reading the reference data", upTo: 0)
        let run = self.run
        reference = try workspace.read { db in try RunReference.load(db: db, run: run) }
        let texts: [String?] = try workspace.read { db in try TermTable.texts(db: db) }
        var evaluator = PackEvaluator(
            engine: reference.engine,
            texts: texts,
            boundary: InventoryBoundary(period: run.period, rules: reference.categoryRules, scope3Defaults: reference.scope3Defaults)
        )
        let imports = reference.purchaseImports.map(\.importID)
        let links = evaluator
        evaluator.credits = try workspace.read { db in try CreditNoteLinks.load(db: db, importIDs: imports, evaluator: links) }
        self.evaluator = evaluator
        labels = ProvenanceLabels(engine: evaluator.engine)
        chain = try workspace.runs.runChain(runID)
        if verify { try verifyPacks() }
    }

    /// The results a run stored for the lines of one import, addressed by purchase row id.
    struct StoredResults {
        /// Dense storage from `firstRow`, when the import's row ids are (nearly) contiguous, as they are when written in one transaction.
        var firstRow: Int64 = 0
        var outcome: [LineOutcome?] = []
        var kg: [Double] = []
        /// Otherwise: row id to index in `outcome` / `kg`.
        var sparse: [Int64: Int]?

        func index(_ row: Int64) -> Int? {
            if let sparse { return sparse[row] }
            let i = Int(row - firstRow)
            return i >= 0 && i < outcome.count && outcome[i] != nil ? i : nil
        }
    }

    /// Evaluates every pack of the run again and compares it with the stored results; keeps those results by row.
    private func verifyPacks() throws(WorkspaceError) {
        progress?.part.begin("verifying run #\(run.id)", total: Int64(run.lineCount), unit: .lines, upTo: progress?.verifyShare ?? 1)
        var accumulator = evaluator.makeAccumulator()
        for input in reference.purchaseImports {
            try workspace.read { db in
                let refs = try Row.fetchAll(
                    db,
                    sql: "SELECT id, supplier, line_count FROM purchase_pack WHERE import_id = ? ORDER BY id",
                    arguments: [input.importID]
                )
                let select = try db.makeStatement(sql: "SELECT data FROM purchase_pack WHERE id = ?")
                // A pack's results are in the newest run of the chain that stored them: one key lookup per run.
                let result = try db.makeStatement(sql: "SELECT run_id, data FROM run_result WHERE run_id = ? AND pack_id = ?")
                let range = try Row.fetchOne(
                    db,
                    sql: "SELECT min(rowid), max(rowid), count(*) FROM purchase WHERE import_id = ?",
                    arguments: [input.importID]
                )!
                var results = StoredResults()
                let rowCount: Int = range[2]
                let firstRow: Int64? = range[0]
                let lastRow: Int64? = range[1]
                if let first = firstRow, let last = lastRow {
                    let span = Int(last - first + 1)
                    if span <= 2 * rowCount + 1024 {
                        results.firstRow = first
                        results.outcome = [LineOutcome?](repeating: nil, count: span)
                        results.kg = [Double](repeating: 0, count: span)
                    } else {
                        results.sparse = [:]
                        results.sparse!.reserveCapacity(rowCount)
                    }
                }
                var packLines = 0
                for ref in refs {
                    let packID: Int64 = ref[0]
                    let supplier: Int64 = ref[1]
                    let count = try checkPack(
                        db: db,
                        packID: packID,
                        supplier: supplier,
                        input: input,
                        select: select,
                        result: result,
                        accumulator: &accumulator
                    ) { i, pack, outcome, kg, own in
                        switch outcome.status {
                        case .outsidePeriod: outsidePeriod += 1
                        case .excluded: excluded += 1
                        default: linesByMethod[outcome.status.methodSlot] += 1
                        }
                        if !outcome.isUnmapped { self.kg.add(kg) }
                        if !own { inherited += 1 }
                        let rowID = pack.row(i)
                        if let sparse = results.sparse {
                            guard sparse[rowID] == nil else { throw WorkspaceError.database("purchase row \(rowID) is in two packs") }
                            results.sparse![rowID] = results.outcome.count
                            results.outcome.append(outcome)
                            results.kg.append(kg)
                        } else {
                            let at = Int(rowID - results.firstRow)
                            guard at >= 0, at < results.outcome.count, results.outcome[at] == nil else {
                                throw WorkspaceError.database(
                                    "purchase row \(rowID) of pack \(packID) is not a row of import #\(input.importID), or is in two packs"
                                )
                            }
                            results.outcome[at] = outcome
                            results.kg[at] = kg
                        }
                    }
                    packLines += count
                    progress?.part.advance(by: Int64(count))
                }
                guard packLines == rowCount else {
                    throw WorkspaceError.database("import #\(input.importID) has \(rowCount) purchase rows but its packs hold \(packLines) lines")
                }
                lineCount += packLines
                stored[input.importID] = results
            }
        }
        guard lineCount == run.lineCount else {
            throw .lineMismatch("run #\(run.id) counted \(run.lineCount) lines, but its purchase imports hold \(lineCount)")
        }
        let evaluated = evaluator.aggregate(accumulator)
        let total = evaluated.total
        let saved = run.aggregate.total
        guard total.lines == saved.lines, total.nanoKg == saved.nanoKg, total.spend.filter({ $0.value != 0 }) == saved.spend.filter({ $0.value != 0 })
        else {
            func describe(_ c: InventoryAggregate.Cell) -> String {
                (0..<5).map { m in
                    "\(m < 4 ? CalculationMethod(rawValue: UInt8(m))!.name : CalculationMethod.unmappedName) \(c.lines[m]) lines \(c.nanoKg[m]) nkg"
                }
                .joined(separator: ", ")
            }
            throw .lineMismatch("the lines of run #\(run.id), evaluated again, sum to [\(describe(total))], but the run stored [\(describe(saved))]")
        }
        // The sums the customer allocation reads (by customer; by supplier, category and Scope 3 category).
        if run.aggregate.hasPoolSources && evaluated.poolSources != run.aggregate.poolSources {
            let keys = Set(evaluated.poolSources.keys).union(run.aggregate.poolSources.keys)
            let differing = keys.filter { evaluated.poolSources[$0] != run.aggregate.poolSources[$0] }.sorted()
            let first = differing.first.map { key in
                key.customer.map { "customer \($0)" } ?? "supplier \(key.supplier ?? "?"), category \(key.category ?? "?")"
            }
            throw .lineMismatch(
                "the lines of run #\(run.id), evaluated again, sum by pool source to \(evaluated.poolSources.count) cells, but the run stored \(run.aggregate.poolSources.count), \(differing.count) of them different (first: \(first ?? "?")); 'customers allocate' reads these sums: recalculate the period with 'footprint calculate --period P --full'"
            )
        }
    }

    /// Evaluates pack `packID` (of supplier term `supplier`, from `input`) again into `accumulator`
    /// and compares every line, bit for bit, with the results the run stored for it (in the newest run
    /// of the chain that stored the pack's results); hands each line to `each` (its index in the pack,
    /// the pack, the stored outcome and kg, whether this run stored it). Returns the pack's line count.
    func checkPack(
        db: Database,
        packID: Int64,
        supplier: Int64,
        input: RunInputs.Input,
        select: Statement,
        result: Statement,
        accumulator: inout AggregateAccumulator,
        each: (Int, PackView, LineOutcome, Double, Bool) throws -> Void
    ) throws -> Int {
        var found: Row?
        for runID in chain {
            if let row = try Row.fetchOne(result, arguments: [runID, packID]) {
                found = row
                break
            }
        }
        guard let row = found else {
            throw WorkspaceError.database("run #\(run.id) has no stored results for pack \(packID) of import #\(input.importID)")
        }
        let resultRun: Int64 = row[0]
        let data: Data = row[1]
        let own = resultRun == run.id
        let count: Int? =
            try RunStore.blob(select, packID) { packBytes -> Int? in
                guard let pack = PackView(packBytes) else { return nil }
                return try data.withUnsafeBytes { savedBytes -> Int? in
                    guard let saved = LineResultPack.View(savedBytes), saved.count == pack.count else {
                        throw WorkspaceError.database("the stored results of pack \(packID) in run #\(resultRun) are damaged")
                    }
                    let againBytes = evaluator.evaluate(pack, supplier: Int(supplier), into: &accumulator)
                    let supplierKey = evaluator.supplierKey(Int(supplier))
                    try againBytes.withUnsafeBytes { raw in
                        let again = LineResultPack.View(raw)!
                        for i in 0..<pack.count {
                            let outcome = saved.outcome(i)
                            let kg = evaluator.kg(saved, i, pack, supplierEngineKey: supplierKey)
                            let againKg = evaluator.kg(again, i, pack, supplierEngineKey: supplierKey)
                            // Activity results name their figure by its rank among the supplier's (or by factor),
                            // which means the same in every run of a chain: compared always, as is the activity.
                            // Kg results (stored by earlier versions) point into the reference data of the run
                            // that computed the line: compared for full runs and for unmapped lines (a currency
                            // code or a year). Method and kg are compared bit for bit always.
                            let sourceComparable = saved.isActivity || run.kind == .full || outcome.isUnmapped
                            if again.outcome(i) != outcome || againKg.bitPattern != kg.bitPattern
                                || (saved.isActivity && again.value(i).bitPattern != saved.value(i).bitPattern)
                                || (sourceComparable && again.source(i) != saved.source(i))
                            {
                                throw try mismatch(
                                    db: db,
                                    row: pack.row(i),
                                    input: input,
                                    stored: (outcome, kg, saved.source(i)),
                                    again: (again.outcome(i), againKg, again.source(i)),
                                    storedBy: resultRun
                                )
                            }
                            try each(i, pack, outcome, kg, own)
                        }
                    }
                    return pack.count
                }
            } ?? nil
        guard let count else { throw WorkspaceError.database("pack \(packID) is damaged") }
        return count
    }

    private func mismatch(
        db: Database,
        row: Int64,
        input: RunInputs.Input,
        stored: (LineOutcome, Double, Int32),
        again: (LineOutcome, Double, Int32),
        storedBy: Int64
    ) throws -> WorkspaceError {
        let place = try Row.fetchOne(db, sql: "SELECT coalesce(source_line, line), purchase_id FROM purchase WHERE rowid = ?", arguments: [row])
        let line: Int = place?[0] ?? 0
        let id: String = place?[1] ?? "?"
        func describe(_ r: (LineOutcome, Double, Int32)) -> String {
            "\(r.0) \(r.1) kg (bits \(String(r.1.bitPattern, radix: 16)), source \(r.2))"
        }
        return .lineMismatch(
            "\(input.file):\(line) (import #\(input.importID), purchase id '\(id)'): run #\(run.id) stored \(describe(stored))"
                + (storedBy == run.id ? "" : " (from run #\(storedBy))")
                + ", but evaluating the line again with the run's inputs gives \(describe(again))"
        )
    }

    /// YYYYMMDD as YYYY-MM-DD.
    static func isoDate(_ date: Int) -> String {
        var bytes = [UInt8](repeating: 45, count: 10)
        var v = date
        for i in [9, 8, 6, 5, 3, 2, 1, 0] {
            bytes[i] = UInt8(48 + v % 10)
            v /= 10
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func verification(written: Int) throws(WorkspaceError) -> RunVerification {
        RunVerification(
            run: run,
            lines: lineCount,
            linesByMethod: linesByMethod,
            outsidePeriodLines: outsidePeriod,
            excludedLines: excluded,
            kg: kg.value,
            inheritedLines: inherited,
            written: written,
            biogenicUptakeKg: biogenic.value
        )
    }

    // MARK: lines

    /// Hands the selected lines to `body`, in import id, then source line order; returns how many.
    func lines(filter: RunLineFilter, _ body: (RunLine) -> Void) throws(WorkspaceError) -> Int {
        let limit = filter.limit ?? Int.max
        guard limit > 0 else { return 0 }
        let wantedMethod = filter.method
        var written = 0
        // Every row is read unless a filter selects some (then how many is not known beforehand).
        let unfiltered = filter.supplier == nil && filter.category == nil && filter.method == nil && filter.limit == nil
        progress?.part.begin("reading run #\(run.id)", total: unfiltered ? Int64(lineCount) : nil, unit: .lines, upTo: 1)
        var read: Int64 = 0
        var conditions = ""
        var values: [Int64] = []
        for (column, wanted) in [("supplier", filter.supplier), ("category", filter.category)] {
            guard let wanted else { continue }
            // A filter on a text no line has selects nothing.
            guard let id = try term(wanted) else { return 0 }
            conditions += " AND \(column) = ?"
            values.append(id)
        }
        for input in reference.purchaseImports {
            guard let results = stored[input.importID] else { continue }
            let sql = """
                SELECT rowid, line, coalesce(source_line, line) AS source_line, purchase_id, date, supplier, category, amount, currency, product, quantity, unit, customer, scope3
                FROM purchase WHERE import_id = ?\(conditions) ORDER BY coalesce(source_line, line), line, rowid
                """
            let arguments = StatementArguments([input.importID] + values)
            let done: Bool = try workspace.read { db in
                let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try cursor.next() {
                    let line = try self.line(row, input: input, results: results)
                    read += 1
                    if read & 1023 == 0 { progress?.part.advance(by: 1024) }
                    if let wantedMethod, line.methodName != wantedMethod { continue }
                    body(line)
                    if let uptake = line.provenance.biogenicUptakeKg { biogenic.add(uptake) }
                    written += 1
                    if written >= limit { return true }
                }
                return false
            }
            if done { break }
        }
        progress?.part.advance(by: read & 1023)
        return written
    }

    func term(_ text: String) throws(WorkspaceError) -> Int64? {
        try workspace.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM term WHERE text = ?", arguments: [text]) }
    }

    private func text(_ id: Int64?) -> String? {
        guard let id, id >= 0, Int(id) < texts.count else { return nil }
        return texts[Int(id)]
    }

    /// One purchase row, evaluated again from its stored texts and checked against the run's result.
    func line(_ row: Row, input: RunInputs.Input, results: StoredResults) throws -> RunLine {
        let rowID: Int64 = row[0]
        let sourceLine: Int = row[2]
        let purchaseID: String = row[3]
        let date: Int = row[4]
        let supplier: Int64 = row[5]
        let category: Int64 = row[6]
        let currency: Int64 = row[8]
        let product: Int64? = row[9]
        let unit: Int64? = row[11]
        let customer: Int64? = row[12]
        let amountText: String = row[7]
        let quantityText: String? = row[10]
        let scope3Flag: Int? = row[13]
        guard let index = results.index(rowID) else {
            throw WorkspaceError.lineMismatch(
                "\(input.file):\(sourceLine) (import #\(input.importID), purchase id '\(purchaseID)'): run #\(run.id) stored no result for it"
            )
        }
        guard let amount = FieldParser.decimal(amountText) else {
            throw WorkspaceError.database("\(input.file):\(sourceLine): the stored amount '\(amountText)' is not a number")
        }
        var quantity = Double.nan
        if let quantityText {
            guard let q = FieldParser.decimal(quantityText) else {
                throw WorkspaceError.database("\(input.file):\(sourceLine): the stored quantity '\(quantityText)' is not a number")
            }
            quantity = q.value
        }
        let e = evaluator
        let s = Int(supplier)
        let c = Int(category)
        let cu = Int(currency)
        let ledgerLine = LedgerLine(
            supplier: e.supplierKey(s),
            category: e.categoryKey[c],
            product: product.map { e.productKey[Int($0)] } ?? .none,
            unit: unit.map { e.unitKey[Int($0)] } ?? .none,
            currencyKey: e.currencyKey[cu],
            currency: e.currencyCode[cu],
            year: Int32(date / 10000),
            date: Int32(date),
            amount: amount.value,
            quantity: quantity
        )
        let outcome: LineOutcome
        var provenance: LineProvenance
        let r = e.evaluate(ledgerLine, row: rowID)
        if let status = e.leftOut(date: Int32(date), category: c) {
            // Left out of the inventory: counted, not evaluated.
            outcome = LineOutcome(status)
            provenance = LineProvenance()
            provenance.exclusion = e.leftOutReason(status, category: c)
        } else {
            outcome = r.outcome
            provenance = LineProvenance(
                r,
                engine: engine,
                labels: labels,
                category: text(category) ?? "?",
                supplier: text(supplier) ?? "#\(supplier)"
            )
        }
        let kg = provenance.kg
        guard outcome == results.outcome[index], kg.bitPattern == results.kg[index].bitPattern else {
            throw WorkspaceError.lineMismatch(
                "\(input.file):\(sourceLine) (import #\(input.importID), purchase id '\(purchaseID)'): run #\(run.id) stored "
                    + "\(results.outcome[index].map(String.init(describing:)) ?? "nothing") \(results.kg[index]) kg, but the line as stored in the workspace, "
                    + "evaluated again with the run's inputs, gives \(outcome) \(kg) kg"
            )
        }
        // Where the figure came from in this workspace: the import of a footprint or disclosure, the library of a factor.
        if provenance.exclusion == nil, let method = r.method, var source = provenance.source {
            let i = Int(r.sourceIndex)
            switch method {
            case .supplierSpecific:
                source.importID = i < reference.footprintImport.count && reference.footprintImport[i] > 0 ? reference.footprintImport[i] : nil
            case .hybrid:
                source.importID = i < reference.disclosureImport.count ? reference.disclosureImport[i] : nil
            case .averageData, .spendBased:
                let library = engine.factors[i].location.flatMap { reference.libraries[$0.file] }
                source.importID = library?.importID
                source.libraryID = library?.id
            }
            provenance.source = source
        }
        let scope3 =
            Scope3Category(rawValue: e.scope3(flag: scope3Flag ?? 0, category: c, unit: unit.map { Int($0) } ?? -1) { ledgerLine })
            ?? .purchasedGoodsAndServices
        return RunLine(
            run: run.id,
            importID: input.importID,
            file: input.file,
            line: row[1],
            sourceLine: sourceLine,
            purchaseID: purchaseID,
            date: Self.isoDate(date),
            supplier: text(supplier) ?? "#\(supplier)",
            category: text(category) ?? "#\(category)",
            scope3: scope3,
            amount: amountText,
            currency: text(currency) ?? "#\(currency)",
            product: text(product),
            quantity: quantityText,
            unit: text(unit),
            customer: text(customer),
            provenance: provenance
        )
    }
}
