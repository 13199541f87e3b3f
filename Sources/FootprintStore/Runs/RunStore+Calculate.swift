import Dispatch
import FootprintCore
import Foundation
import GRDB
import GRDBSQLite

extension RunStore {
    /// Computes the inventory of the workspace and stores it as an immutable run.
    ///
    /// When the previous run read the same purchases, factors, rates and price index, and only some
    /// suppliers' disclosures or footprints changed, only those suppliers' lines are recomputed: the
    /// new inventory is the previous one minus their old results plus their new ones (exact integer
    /// sums, so the same as a full recalculation). `options.full` forces a full recalculation.
    ///
    /// A new run's engagement KPIs are stored with it (`kpiSnapshot`); should that fail, the run
    /// stands and its KPIs are computed the first time they are asked for.
    public func calculate(_ options: CalculationOptions) throws(WorkspaceError) -> CalculationRun {
        // The KPI snapshot: what it reads besides the run (the register, status facts imported until
        // now, disclosures, footprints) is read, and the KPIs computed from the inventory, on another
        // thread while the run is written; they are stored after it. Not read while the run is computed:
        // there the two cores refigure or evaluate its lines, and a reader beside them slowed a watcher's
        // refigure of 625,780 lines by a millisecond or two (the run is what a user waits for).
        let factsAsOf = Workspace.timestamp()
        let kpis = KPIJob(factsAsOf: factsAsOf) { aggregate in
            Background { () throws(WorkspaceError) -> String in
                let read = try workspace.suppliers.supplierOverviews(factsAsOf: factsAsOf, withRun: false)
                let attribution = try workspace.suppliers.engagementTarget()?.attribution ?? .supplier
                return try SupplierStore.encodeKPIs(
                    workspace.suppliers.computeKPIs(
                        aggregate: aggregate,
                        overviews: read,
                        criteria: .standard,
                        coverage: 80,
                        attributed: SupplierStore.snapshotCells(aggregate, attribution)
                    )
                )
            }
        }
        let run = try calculateRun(options, kpis: kpis)
        options.progress?.finish(run.upToDate ? "up to date" : "stored")
        return run
    }

    /// The KPI snapshot a new run is stored with: `start` begins computing it (JSON) from the run's
    /// inventory while the run is written; it is stored right after the run's commit. Should that fail,
    /// the run stands, and its KPIs are computed the first time they are asked for.
    struct KPIJob {
        let factsAsOf: String
        let start: (InventoryAggregate) -> Background<String, WorkspaceError>
    }

    /// The period `selection` names with the workspace's fiscal year; nil for every line. A fiscal
    /// year in which no purchase can be dated (outside the purchases' first and last date) is an error.
    func period(_ selection: PeriodSelection) throws(WorkspaceError) -> ReportingPeriod? {
        let (startMonth, range) = try workspace.read { db in
            (try workspace.fiscalYearStartMonth(db: db), try Workspace.purchaseDateRange(db: db))
        }
        switch selection {
        case .all:
            return nil
        case .latest:
            guard let range else { throw .nothingToCalculate }
            return ReportingPeriod.containing(range.last, startMonth: startMonth)
        case .fiscalYear(let year):
            guard let period = ReportingPeriod(fiscalYear: year, startMonth: startMonth) else {
                throw .conflict("\(year) is not a fiscal year; expected a year such as 2024 (the year the fiscal year ends)")
            }
            if let range, range.last < period.start || range.first > period.end { throw emptyPeriod(period, range) }
            return period
        }
    }

    private func emptyPeriod(_ period: ReportingPeriod, _ range: (first: Int32, last: Int32)?) -> WorkspaceError {
        .emptyPeriod(
            period: period.startMonth == 1 ? "\(period.year) (\(period.startText) to \(period.endText))" : period.description,
            first: range.map { RunLinesContext.isoDate(Int($0.first)) } ?? "?",
            last: range.map { RunLinesContext.isoDate(Int($0.last)) } ?? "?"
        )
    }

    private func calculateRun(_ options: CalculationOptions, kpis: KPIJob?) throws(WorkspaceError) -> CalculationRun {
        let started = Date()
        workspace.logger.phase("start")
        let progress = options.progress
        progress?.begin("reading the reference data", upTo: 0.05)
        let period = try period(options.period)
        // The latest run of the same period (inputs and inventory: when only some suppliers' data changed,
        // the new run starts from it) is read on another connection while the reference data is loaded.
        let latestRun =
            options.full
            ? nil
            : Background { () throws(WorkspaceError) -> CalculationRun? in
                let found = try workspace.read { db in
                    try Int64.fetchOne(
                        db,
                        sql: "SELECT max(id) FROM run WHERE period_year IS ? AND period_start_month IS ?",
                        arguments: [period?.year, period?.startMonth]
                    )
                }
                guard let id = found else { return nil }
                // Taken from the cache, so that an incremental run from it changes its inventory in place
                // (kept again below when it is up to date; a new run is kept by `save`).
                if let kept = workspace.cache.takeRun(id: id) { return kept }
                return try self.run(id: id)
            }
        // The reference data and the terms in one read transaction: one state of the workspace.
        let (snapshot, texts): (ReferenceSnapshot, [String?]) = try workspace.read { db in
            let snapshot = try ReferenceSnapshot.load(db: db, cache: workspace.cache, logger: workspace.logger)
            workspace.logger.phase("reference snapshot")
            return (snapshot, try workspace.cache.texts(db: db))
        }
        workspace.logger.phase("terms")
        guard !snapshot.purchaseImports.isEmpty else { throw .nothingToCalculate }
        let inputs = EncodedRunInputs(snapshot.inputs)
        let engine = InventoryEngine(reference: snapshot.reference)
        let boundary = InventoryBoundary(period: period, rules: snapshot.categoryRules, scope3Defaults: snapshot.scope3Defaults)
        let tables = workspace.cache.termTables(.init(terms: texts.count, engine: engine, boundary: boundary)) {
            .init(engine: engine, texts: texts, boundary: boundary)
        }
        var evaluator = PackEvaluator(engine: engine, texts: texts, boundary: boundary, tables: tables)
        workspace.logger.phase("reference data, terms and engine")
        let linking = evaluator
        evaluator.credits = try workspace.read { db in
            try CreditNoteLinks.load(db: db, importIDs: snapshot.purchaseImports, evaluator: linking)
        }
        workspace.logger.phase("credit notes and their invoices")
        var latest = try latestRun?.take()
        workspace.logger.phase("latest run")
        // The only copy of the latest run from here on (`take`, twice): an incremental run adds to its inventory in place.
        if let parent = latest.take(), parent.inputs.globalDigest == snapshot.inputs.globalDigest {
            let before = parent.inputs.supplierDigests
            let after = snapshot.inputs.supplierDigests
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }
            if changed.isEmpty {
                workspace.cache.keep(parent)
                var same = parent
                same.upToDate = true
                return same
            }
            // A run stored before the supplier x Scope 3 category grouping has none to update, and a
            // manufacturer's figures reach other suppliers' lines (manufacturers.csv): compute in full.
            // A credit note follows its invoice (docs/methods.md#credit-notes), which may be another
            // supplier's: a change of a supplier with such lines is computed in full.
            let linked = Set(evaluator.credits.suppliers.compactMap { texts.indices.contains(Int($0)) ? texts[Int($0)] : nil })
            if parent.aggregate.hasSupplierScope3 && !Self.manufacturerFiguresChanged(changed, parent.inputs, snapshot)
                && linked.isDisjoint(with: changed)
            {
                return try incremental(
                    from: parent,
                    suppliers: changed,
                    snapshot: snapshot,
                    inputs: inputs,
                    evaluator: evaluator,
                    threads: options.threads,
                    started: started,
                    kpis: kpis,
                    progress: progress
                )
            }
        }
        return try full(
            snapshot: snapshot,
            inputs: inputs,
            evaluator: evaluator,
            threads: options.threads,
            started: started,
            kpis: kpis,
            progress: progress
        )
    }

    /// Whether a changed supplier's figures reach other suppliers' lines as a manufacturer
    /// (manufacturers.csv): its disclosures changed, or its footprints of a product that a
    /// manufacturers.csv row names as its own. Such a change is computed in full; a manufacturer's other
    /// products change only its own lines.
    static func manufacturerFiguresChanged(_ changed: Set<String>, _ before: RunInputs, _ snapshot: ReferenceSnapshot) -> Bool {
        let manufacturers = snapshot.reference.manufacturers
        guard !manufacturers.isEmpty else { return false }
        let after = snapshot.inputs
        let split = !before.disclosureDigests.isEmpty || !before.footprintDigests.isEmpty
        for supplier in changed {
            let made = Set(manufacturers.filter { $0.manufacturer == supplier }.map(\.makersProduct))
            guard !made.isEmpty else { continue }
            if !split || before.disclosureDigests[supplier] != after.disclosureDigests[supplier] { return true }
            let a = before.footprintDigests[supplier] ?? [:]
            let b = after.footprintDigests[supplier] ?? [:]
            for product in made where a[product] != b[product] { return true }
        }
        return false
    }

    struct PackRef: Sendable {
        var id: Int64
        var supplier: Int64
        var lines: Int
    }

    func packs(importIDs: [Int64], suppliers: [Int64]? = nil) throws(WorkspaceError) -> [PackRef] {
        try workspace.read { db in
            var sql = "SELECT id, supplier, line_count FROM purchase_pack WHERE import_id IN (\(importIDs.map(String.init).joined(separator: ",")))"
            if let suppliers { sql += " AND supplier IN (\(suppliers.map(String.init).joined(separator: ",")))" }
            return try Row.fetchAll(db, sql: sql + " ORDER BY line_count DESC, id").map { PackRef(id: $0[0], supplier: $0[1], lines: $0[2]) }
        }
    }

    /// Every line of every pack, on `threads` threads reading packs in place; their results are
    /// inserted by the writing thread as they come, in the run's transaction.
    private func full(
        snapshot: ReferenceSnapshot,
        inputs: EncodedRunInputs,
        evaluator: PackEvaluator,
        threads: Int,
        started: Date,
        kpis: KPIJob?,
        progress: ProgressReporter?
    ) throws(WorkspaceError) -> CalculationRun {
        let packs = try packs(importIDs: snapshot.purchaseImports)
        let lines = packs.reduce(0) { $0 + $1.lines }
        progress?.begin("evaluating lines", total: Int64(lines), unit: .lines, upTo: 0.95)
        let work = PackWork<InventoryAggregate>(packs: packs, threads: threads)
        let pool = workspace.pool
        return try save(
            kind: .full,
            parent: nil,
            period: evaluator.period,
            inputs: inputs,
            recomputed: lines,
            started: started,
            kpis: kpis,
            progress: progress
        ) { insert in
            let queue = BlockingQueue<(Int64, [UInt8])>(capacity: 256)
            let group = DispatchGroup()
            let remaining = ManagedCounter(work.threads)
            for worker in 0..<work.threads {
                // A queue (so a thread) of its own for each worker: see `Background`.
                DispatchQueue(label: "footprint.calculate.\(worker)").async(group: group) {
                    var accumulator = evaluator.makeAccumulator()
                    do {
                        try pool.read { db in
                            let select = try db.makeStatement(sql: "SELECT data FROM purchase_pack WHERE id = ?")
                            while let ref = work.next() {
                                let encoded =
                                    try Self.blob(select, ref.id) { bytes in
                                        PackView(bytes).map { evaluator.evaluate($0, supplier: Int(ref.supplier), into: &accumulator) }
                                    } ?? nil
                                guard let encoded else { throw WorkspaceError.database("pack \(ref.id) is missing or damaged") }
                                progress?.advance(by: Int64(ref.lines))
                                guard queue.put((ref.id, encoded)) else { return }
                            }
                        }
                        work.finish(evaluator.aggregate(accumulator))
                    } catch {
                        work.fail(error)
                    }
                    if remaining.decrement() == 0 { queue.close() }
                }
            }
            do {
                while let (pack, data) = queue.take() { try insert(pack, data) }
            } catch {
                queue.cancel()
                group.wait()
                throw error
            }
            group.wait()
            if let error = work.error { throw error }
            workspace.logger.phase("evaluated \(packs.count) packs")
            var aggregate = InventoryAggregate()
            for part in work.results { aggregate.add(part) }
            aggregate.period = evaluator.period
            // A period no line is dated in is an error, never an empty run (the transaction is rolled back).
            if let period = evaluator.period, aggregate.ledgerLines == aggregate.outsidePeriod.totalLines {
                let range = snapshot.firstDate.flatMap { first in snapshot.lastDate.map { (first, $0) } }
                throw emptyPeriod(period, range)
            }
            return aggregate
        }
    }

    /// Recomputes only the lines that can have changed, those of the suppliers whose disclosures or
    /// footprints changed:
    /// - a supplier whose figures changed in value only (the same disclosure years and currencies, the
    ///   same footprint products, units and validity: `InventoryEngine.SupplierFigures.Shape`): its lines
    ///   keep their stored results (method, activity, which figure), and only the change in their kg is
    ///   added to the inventory (`PackEvaluator.refigure`). No result is written for them.
    /// - any other change: its lines that were not computed from a product footprint (new or changed
    ///   disclosure), and its lines with the changed products, are evaluated again; a pack with such a
    ///   line is stored with its new results, the others keep theirs from the earlier run.
    private func incremental(
        from latest: consuming CalculationRun,
        suppliers: Set<String>,
        snapshot: ReferenceSnapshot,
        inputs: EncodedRunInputs,
        evaluator: PackEvaluator,
        threads: Int,
        started: Date,
        kpis: KPIJob?,
        progress: ProgressReporter?
    ) throws(WorkspaceError) -> CalculationRun {
        let before = latest.inputs
        let after = snapshot.inputs
        let texts = evaluator.texts
        let termOf = workspace.cache.termNumbers(texts)
        // Per supplier term: whether its disclosures changed, and which product terms' footprints did.
        var disclosureChanged: [Int64: Bool] = [:]
        var productChanged = [Bool](repeating: false, count: texts.count)
        var supplierTerms: [Int64] = []
        for supplier in suppliers {
            guard let term = termOf[supplier] else { continue }  // no purchase names it: no line can change
            supplierTerms.append(Int64(term))
            // Runs recorded before digests were split: treat everything of the supplier as changed.
            let split = !before.disclosureDigests.isEmpty || !before.footprintDigests.isEmpty
            disclosureChanged[Int64(term)] = !split || before.disclosureDigests[supplier] != after.disclosureDigests[supplier]
            let a = before.footprintDigests[supplier] ?? [:]
            let b = after.footprintDigests[supplier] ?? [:]
            for product in Set(a.keys).union(b.keys) where !split || a[product] != b[product] {
                if let p = termOf[product] { productChanged[p] = true }
            }
        }
        // The changed suppliers' figures as the earlier run read them, and which changed in value only.
        let named = Set(suppliers.filter { termOf[$0] != nil })
        // (An import the snapshot also read is not parsed again: an imported file's content never changes.)
        var oldData = try workspace.read { db in
            try RunReference.supplierData(db: db, run: latest, suppliers: named, factors: [], cache: workspace.cache)
        }
        // The same category rules (an incremental run has the earlier run's digest, rules included).
        oldData.activityFirstCategories = snapshot.reference.activityFirstCategories
        let oldEngine = InventoryEngine(reference: oldData)
        var changes: [Int64: PackEvaluator.FigureChange] = [:]
        for supplier in named {
            let was = oldEngine.supplierFigures(supplier)
            let now = evaluator.engine.supplierFigures(supplier)
            guard was.shape == now.shape, let term = termOf[supplier] else { continue }
            var change = PackEvaluator.FigureChange()
            if was.disclosureFigures != now.disclosureFigures { change.disclosures = (was.disclosureFigures, now.disclosureFigures) }
            for (product, figures) in now.footprintFigures.sorted(by: { $0.key < $1.key }) where was.footprintFigures[product] != figures {
                guard let p = termOf[product] else { continue }  // no purchase names the product
                change.addFootprints(product: p, terms: texts.count, old: was.footprintFigures[product] ?? [], new: figures)
            }
            changes[Int64(term)] = change
        }
        // Lines evaluated again subtract their old kg, for which average-data and spend-based lines need the
        // factors too. Made only when a pack is evaluated again: refiguring needs only `changes`.
        oldData.factors = snapshot.reference.factors
        let boundary = InventoryBoundary(period: evaluator.period, rules: snapshot.categoryRules, scope3Defaults: snapshot.scope3Defaults)
        let oldFigures = MadeOnce { [oldData] in PackEvaluator(engine: InventoryEngine(reference: oldData), texts: texts, boundary: boundary) }
        workspace.logger.phase("figures of \(named.count) changed suppliers, \(changes.count) in value only")
        let packs = supplierTerms.isEmpty ? [] : try packs(importIDs: snapshot.purchaseImports, suppliers: supplierTerms)
        progress?.begin(
            "evaluating the changed suppliers' lines",
            total: Int64(packs.reduce(0) { $0 + $1.lines }),
            unit: .lines,
            upTo: 0.95
        )
        let chain = try runChain(latest.id)
        // Packs go to the threads largest first, each to the one with the fewest lines so far; each
        // thread reads on its own connection and keeps its own old and new sums.
        let threadCount = max(1, min(threads, packs.count))
        var shares = [[PackRef]](repeating: [], count: threadCount)
        var load = [Int](repeating: 0, count: threadCount)
        for ref in packs {
            let t = load.indices.min { load[$0] < load[$1] } ?? 0
            shares[t].append(ref)
            load[t] += ref.lines
        }
        let work = RecomputeWork(
            evaluator: evaluator,
            oldFigures: oldFigures,
            changes: changes,
            selection: RecomputeSelection(disclosureChanged: disclosureChanged, productChanged: productChanged),
            progress: progress
        )
        let latestID = latest.id
        let parts = shares.map { share in
            Background { () throws(WorkspaceError) -> RecomputedPacks in
                try self.recompute(share, chain: chain, latestRun: latestID, work: work)
            }
        }
        // Moved out of the run, which the caller handed over (`consuming`): no other copy shares its
        // storage, so adding the change below does not copy the inventory's tables first.
        var aggregate = InventoryAggregate()
        swap(&aggregate, &latest.aggregate)
        var results: [(Int64, [UInt8])] = []
        var recomputed = 0
        var refigured = 0
        var delta = NanoKgDelta()
        for part in parts {
            let done = try part.value()
            aggregate.add(evaluator.aggregate(done.old), sign: -1)
            aggregate.add(evaluator.aggregate(done.new))
            delta.add(done.delta)
            results += done.results
            recomputed += done.recomputed
            refigured += done.refigured
        }
        let changed = evaluator.apply(delta, to: &aggregate)
        workspace.logger.phase("evaluated \(recomputed) lines again and refigured \(refigured) in \(packs.count) packs on \(threadCount) threads")
        return try save(
            kind: .incremental,
            parent: latest.id,
            period: evaluator.period,
            inputs: inputs,
            recomputed: recomputed + refigured,
            started: started,
            kpis: kpis,
            progress: progress,
            // Refigured alone, the inventory is the earlier one with new nano-kg in the cells `changed` names.
            changedCells: recomputed == 0 ? changed : nil
        ) { insert in
            for (pack, data) in results { try insert(pack, data) }
            return aggregate
        }
    }

    /// Which lines of a changed supplier's packs an incremental run evaluates again.
    struct RecomputeSelection: Sendable {
        /// Per supplier term: whether its disclosures changed.
        let disclosureChanged: [Int64: Bool]
        /// Per product term: whether its footprints changed.
        let productChanged: [Bool]
    }

    /// What the threads of an incremental run share: the engine, the changed suppliers' figures in the
    /// earlier run, the suppliers whose figures changed in value only, and which lines the others need again.
    struct RecomputeWork: Sendable {
        let evaluator: PackEvaluator
        let oldFigures: MadeOnce<PackEvaluator>
        /// By supplier term.
        let changes: [Int64: PackEvaluator.FigureChange]
        let selection: RecomputeSelection
        let progress: ProgressReporter?
    }

    /// What one thread of an incremental run did: the old and new results of the lines it evaluated
    /// again, the packs' new results, and the change in kg of the lines it refigured.
    struct RecomputedPacks: Sendable {
        var old: AggregateAccumulator
        var new: AggregateAccumulator
        var delta = NanoKgDelta()
        var results: [(Int64, [UInt8])] = []
        var recomputed = 0
        var refigured = 0
    }

    /// Refigures or evaluates again the lines of `packs` (results of the earlier run read from the newest
    /// run of `chain` that stored each pack's).
    private func recompute(_ packs: [PackRef], chain: [Int64], latestRun: Int64, work: RecomputeWork) throws(WorkspaceError) -> RecomputedPacks {
        let began = Date()
        let evaluator = work.evaluator
        var done = RecomputedPacks(old: evaluator.makeAccumulator(), new: evaluator.makeAccumulator())
        let productChanged = work.selection.productChanged
        try workspace.read { db in
            let select = try db.makeStatement(sql: "SELECT data FROM purchase_pack WHERE id = ?")
            // A pack's results are in the newest run of the chain that stored them: one key lookup per run.
            let previous = try db.makeStatement(sql: "SELECT data FROM run_result WHERE run_id = ? AND pack_id = ?")
            let groupings = PackGroupings.Reader(db)
            let cache = workspace.cache
            let keepsRefigurePlans = cache.keepsRefigurePlans
            // Each pack's results are in the newest run of the chain that stored them (run ids grow with time):
            // one query for all the packs, index seeks on (run, pack). Chains grow long when suppliers' figures
            // are refigured, since those runs store nothing for them.
            var holders: [Int64: Int64] = [:]
            if !packs.isEmpty {
                let sql =
                    "SELECT pack_id, max(run_id) FROM run_result WHERE run_id IN (\(chain.map(String.init).joined(separator: ","))) "
                    + "AND pack_id IN (\(packs.map { String($0.id) }.joined(separator: ","))) GROUP BY pack_id"
                for row in try Row.fetchAll(db, sql: sql) { holders[row[0]] = row[1] }
            }
            for ref in packs {
                work.progress?.advance(by: Int64(ref.lines))
                guard let holder = holders[ref.id] else {
                    throw WorkspaceError.database("no run in the chain of run #\(latestRun) has results for pack \(ref.id)")
                }
                // New figures of the same shape: the stored results and the pack's grouping columns are enough.
                if let change = work.changes[ref.supplier] {
                    let makePlan = { () throws -> PackEvaluator.RefigurePlan? in
                        guard let columns = try groupings.read(pack: ref.id) else { return nil }
                        return try Self.blob(previous, holder, ref.id) { raw in
                            LineResultPack.View(raw).flatMap { evaluator.refigurePlan(columns, supplier: Int(ref.supplier), stored: $0) }
                        } ?? nil
                    }
                    let plan = keepsRefigurePlans ? try cache.refigurePlan(run: holder, pack: ref.id, make: makePlan) : try makePlan()
                    if let plan, let count = evaluator.refigure(plan, supplier: Int(ref.supplier), change: change, into: &done.delta) {
                        done.refigured += count
                        continue
                    }
                }
                let disclosure = work.selection.disclosureChanged[ref.supplier] ?? false
                let outcome: Bool? = try Self.blob(select, ref.id) { packBytes -> Bool in
                    guard let pack = PackView(packBytes) else { return false }
                    return try Self.blob(previous, holder, ref.id) { oldBytes -> Bool in
                        guard let stored = LineResultPack.View(oldBytes), stored.count == pack.count else { return false }
                        let needs: (Int, LineOutcome) -> Bool = { i, outcome in
                            // Lines left out stay out: the period and the rules are those of the earlier run.
                            guard outcome.status.isInInventory else { return false }
                            if disclosure && outcome.status != .supplierSpecific { return true }
                            let product = Int(pack.product(i))
                            return product >= 0 && productChanged[product]
                        }
                        if let (bytes, count) = evaluator.update(
                            pack,
                            supplier: Int(ref.supplier),
                            stored: stored,
                            oldFigures: work.oldFigures.value,
                            needs: needs,
                            old: &done.old,
                            new: &done.new
                        ) {
                            done.results.append((ref.id, bytes))
                            done.recomputed += count
                        }
                        return true
                    } ?? false
                }
                guard outcome == true else {
                    throw WorkspaceError.database("pack \(ref.id) or its results in run #\(latestRun) are missing or damaged")
                }
            }
        }
        workspace.logger.phase(
            "  one thread: \(done.recomputed) lines evaluated again, \(done.refigured) refigured, \(packs.count) packs in \(Int(Date().timeIntervalSince(began) * 1000)) ms"
        )
        return done
    }

    /// Calls `body` with the blob (first column) the statement selects for `ids` (its parameters), or returns nil when there is no row.
    static func blob<T>(_ select: Statement, _ ids: Int64..., body: (UnsafeRawBufferPointer) throws -> T) throws -> T? {
        let statement = select.sqliteStatement
        sqlite3_reset(statement)
        for (i, id) in ids.enumerated() { sqlite3_bind_int64(statement, Int32(i + 1), id) }
        defer { sqlite3_reset(statement) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { return nil }
            throw WorkspaceError.database(String(cString: sqlite3_errmsg(sqlite3_db_handle(statement))))
        }
        let count = Int(sqlite3_column_bytes(statement, 0))
        return try body(UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, 0), count: count))
    }

    /// The run and its ancestors back to the full run they start from, newest first.
    func runChain(_ id: Int64) throws(WorkspaceError) -> [Int64] {
        try workspace.read { db in
            var chain: [Int64] = []
            var next: Int64? = id
            while let current = next {
                chain.append(current)
                next = try Int64?.fetchOne(db, sql: "SELECT parent_id FROM run WHERE id = ?", arguments: [current]) ?? nil
            }
            return chain
        }
    }

    /// Stores a run in one transaction: its row, then the results `produce` hands to `insert` (pack id,
    /// encoded results), then the inventory `produce` returns; then its KPI snapshot (`kpis`). The run's
    /// `seconds` go from reading the inputs to the run's commit.
    private func save(
        kind: CalculationRun.Kind,
        parent: Int64?,
        period: ReportingPeriod?,
        inputs: EncodedRunInputs,
        recomputed: Int,
        started: Date,
        kpis: KPIJob?,
        progress: ProgressReporter?,
        changedCells: InventoryAggregate.ChangedCells? = nil,
        produce: (_ insert: (Int64, [UInt8]) throws -> Void) throws -> InventoryAggregate
    ) throws(WorkspaceError) -> CalculationRun {
        let inputsText = try inputs.text()
        var snapshot: (String, Background<String, WorkspaceError>)?
        let (id, aggregate): (Int64, InventoryAggregate) = try workspace.transaction { db in
            try db.execute(
                sql: """
                    INSERT INTO run (created_at, kind, parent_id, inputs, aggregate, line_count, recomputed_lines, seconds, period_year, period_start_month)
                    VALUES (?, ?, ?, ?, x'', 0, ?, 0, ?, ?)
                    """,
                arguments: [Workspace.timestamp(), kind.rawValue, parent, inputsText, recomputed, period?.year, period?.startMonth]
            )
            let runID = db.lastInsertedRowID
            let insert = try db.makeStatement(sql: "INSERT INTO run_result (run_id, pack_id, data) VALUES (?, ?, ?)")
            var count = 0
            let aggregate = try produce { pack, data in
                try insert.execute(arguments: [runID, pack, Data(data)])
                count += 1
            }
            workspace.logger.phase("inserted \(count) result blobs")
            progress?.begin("storing the run", upTo: 1)
            // The KPI snapshot is computed on another thread while the run is written.
            snapshot = kpis.map { ($0.factsAsOf, $0.start(aggregate)) }
            try db.execute(
                sql: "UPDATE run SET aggregate = ?, line_count = ?, seconds = ? WHERE id = ?",
                arguments: [
                    Data(workspace.cache.binary(aggregate, run: runID, parent: parent, changed: changedCells)), aggregate.ledgerLines,
                    Date().timeIntervalSince(started), runID,
                ]
            )
            workspace.logger.phase("run row")
            return (runID, aggregate)
        }
        workspace.logger.phase("committed")
        let seconds = Date().timeIntervalSince(started)
        // Then stored in a transaction of its own: should that fail, or the process end before it, the run
        // stands and its KPIs are computed the first time they are asked for.
        if let (factsAsOf, value) = snapshot {
            do {
                let json = try value.value()
                try workspace.transaction { db in
                    try db.execute(
                        sql: "INSERT OR IGNORE INTO engagement_kpi (run_id, computed_at, facts_as_of, value) VALUES (?, ?, ?, ?)",
                        arguments: [id, Workspace.timestamp(), factsAsOf, json]
                    )
                }
                workspace.logger.phase("KPI snapshot")
            } catch {
                workspace.logger.phase("KPI snapshot not stored: \(error)")
            }
        }
        let created = try workspace.read { db in try String.fetchOne(db, sql: "SELECT created_at FROM run WHERE id = ?", arguments: [id]) ?? "" }
        let run = CalculationRun(
            id: id,
            createdAt: created,
            kind: kind,
            parentID: parent,
            inputs: inputs.value,
            aggregate: aggregate,
            lineCount: aggregate.ledgerLines,
            recomputedLines: recomputed,
            seconds: seconds
        )
        workspace.cache.keep(run)
        return run
    }

    /// Copies the write-ahead log into the database file and empties it (what closing the last connection
    /// would do): a command that has written can do it on another thread while it prints.
    public func checkpoint() throws(WorkspaceError) {
        do {
            try workspace.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw .database("\(error)")
        }
    }

    /// Copies what it can of the write-ahead log into the database file without waiting for anyone
    /// (a passive checkpoint): what a process that calculates again and again does between
    /// calculations, its automatic checkpoints being off (`Workspace.calculatesRepeatedly`).
    public func checkpointBetweenRuns() throws(WorkspaceError) {
        do {
            try workspace.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
        } catch {
            throw .database("\(error)")
        }
    }

    // MARK: reading runs

    /// Every run's id and reporting period (nil: every line), oldest first, without decoding a run.
    public func ids() throws(WorkspaceError) -> [(id: Int64, period: ReportingPeriod?)] {
        try workspace.read { db in
            try Row.fetchAll(db, sql: "SELECT id, period_year, period_start_month FROM run ORDER BY id").map { row in
                let year: Int? = row[1]
                let month: Int? = row[2]
                return (row[0], year.flatMap { y in month.flatMap { ReportingPeriod(fiscalYear: y, startMonth: $0) } })
            }
        }
    }

    public func list() throws(WorkspaceError) -> [CalculationRun] {
        try workspace.read { db in try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id").map(Self.calculationRun) }
    }

    /// A run by id, or the latest when `id` is nil.
    public func run(id: Int64?) throws(WorkspaceError) -> CalculationRun {
        try runRow(id: id, columns: "*", Self.calculationRun)
    }

    /// A run's id, time and inventory, without decoding its inputs (what the engagement KPIs read).
    public func runInventory(id: Int64?) throws(WorkspaceError) -> RunInventory {
        try runRow(id: id, columns: "id, created_at, aggregate") { row in
            RunInventory(id: row["id"], createdAt: row["created_at"], aggregate: try Self.inventory(row))
        }
    }

    /// `columns` of run `id` (the latest when nil), decoded by `decode`.
    private func runRow<T>(id: Int64?, columns: String, _ decode: (Row) throws -> T) throws(WorkspaceError) -> T {
        let found = try workspace.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT \(columns) FROM run " + (id == nil ? "ORDER BY id DESC LIMIT 1" : "WHERE id = ?"),
                arguments: id.map { [$0] } ?? []
            ).map(decode)
        }
        guard let found else { throw id.map { .unknownRun(id: $0) } ?? .noRuns }
        return found
    }

    /// The run's stored inventory (column `aggregate`).
    static func inventory(_ row: Row) throws -> InventoryAggregate {
        let data: Data = row["aggregate"]
        guard let aggregate = InventoryAggregate(binary: [UInt8](data)) else {
            throw WorkspaceError.database("the inventory of run #\(row["id"] as Int64) is damaged")
        }
        return aggregate
    }

    static func calculationRun(_ row: Row) throws -> CalculationRun {
        let inputs = try JSONDecoder().decode(RunInputs.self, from: Data((row["inputs"] as String).utf8))
        return CalculationRun(
            id: row["id"],
            createdAt: row["created_at"],
            kind: CalculationRun.Kind(rawValue: row["kind"]) ?? .full,
            parentID: row["parent_id"],
            inputs: inputs,
            aggregate: try inventory(row),
            lineCount: row["line_count"],
            recomputedLines: row["recomputed_lines"],
            seconds: row["seconds"]
        )
    }
}

/// A count shared by threads.
final class ManagedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ value: Int) { self.value = value }
    func decrement() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value -= 1
        return value
    }
}

/// Hands packs to worker threads, largest first, and gathers what each thread made of them (its
/// inventory for `calculate`, its line sums for `purchaseGroups`).
final class PackWork<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private let packs: [RunStore.PackRef]
    private var position = 0
    let threads: Int
    private(set) var results: [Result] = []
    private(set) var error: (any Error)?

    init(packs: [RunStore.PackRef], threads: Int) {
        self.packs = packs
        self.threads = max(1, min(threads, packs.count))
    }

    func next() -> RunStore.PackRef? {
        lock.lock()
        defer { lock.unlock() }
        guard error == nil, position < packs.count else { return nil }
        position += 1
        return packs[position - 1]
    }

    func finish(_ result: Result) {
        lock.lock()
        results.append(result)
        lock.unlock()
    }

    func fail(_ error: any Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }
}
