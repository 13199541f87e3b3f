import FootprintCore
import Foundation
import GRDB

/// What a workspace keeps in memory between calculations of one process (`calculate --watch`), only
/// under keys whose value never changes: an import's parsed content (by import id), the factors of a
/// list of factor libraries (by their ids, in precedence order), the terms (only ever added), the
/// latest run (runs are never changed), the order of its pool-source cells, the terms' tables for the
/// last engine and boundary (`termTables`), and for refiguring, the plans made from packs' grouping
/// columns and their stored results (by run and pack: `PackEvaluator.RefigurePlan`), up to
/// `planBytesLimit` bytes.
final class CalculationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [Int64: ReferenceData] = [:]
    private var factors: (libraries: [Int64], factors: [EmissionFactor], scope3: [String: Scope3Category])?
    private var texts: [String?] = []
    private var run: CalculationRun?
    private var plans: [PackResultsKey: PackEvaluator.RefigurePlan] = [:]
    private var poolSourceOrder: InventoryAggregate.PoolSourceOrder?
    private var lastWritten: (run: Int64, bytes: [UInt8], layout: InventoryAggregate.BinaryLayout)?
    private var tables: (key: PackEvaluator.TermTables.Key, tables: PackEvaluator.TermTables)?
    private var termNumbers: (covered: Int, numbers: [String: Int]) = (0, [:])
    private var patchedWrites = 0
    /// How many inventories were written by patching the one written before (for tests and phase logs).
    var patchedInventories: Int { locked { patchedWrites } }
    private var planBytes = 0
    /// What the kept plans may take; past it, they are all let go.
    let planBytesLimit = 256 << 20
    /// Whether refigure plans are kept: for a process that calculates again and again
    /// (`calculate --watch`); one that calculates once makes them from the packs and results in place.
    var keepsRefigurePlans: Bool {
        get { locked { keepRefigurePlans } }
        set { locked { keepRefigurePlans = newValue } }
    }
    private var keepRefigurePlans = false

    struct PackResultsKey: Hashable {
        var run: Int64
        var pack: Int64
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// The parsed content of import `id`, parsed by `parse` the first time.
    func parsedImport(_ id: Int64, parse: () throws -> ReferenceData) rethrows -> ReferenceData {
        if let known = locked({ parsed[id] }) { return known }
        let data = try parse()
        locked { parsed[id] = data }
        return data
    }

    /// The parsed content of import `id` (of `kind`, from `file`), read from `db` the first time.
    func parsedImport(_ id: Int64, kind: ImportKind, file: String, db: Database) throws -> ReferenceData {
        try parsedImport(id) {
            let content = try Data.fetchOne(db, sql: "SELECT content FROM import WHERE id = ?", arguments: [id]) ?? Data()
            return try ImportStore.parseReference(kind: kind, data: content, file: file).data
        }
    }

    /// The factors of `libraries` (in precedence order), loaded by `load` when they are not those of last time.
    func factors(
        libraries: [Int64],
        load: () throws -> (factors: [EmissionFactor], scope3: [String: Scope3Category])
    ) rethrows -> (factors: [EmissionFactor], scope3: [String: Scope3Category]) {
        if let known = locked({ factors }), known.libraries == libraries { return (known.factors, known.scope3) }
        let loaded = try load()
        locked { factors = (libraries, loaded.factors, loaded.scope3) }
        return loaded
    }

    /// Every term's text by id: those read before, and the ones added since.
    func texts(db: Database) throws -> [String?] {
        var all = locked { self.texts }
        for row in try Row.fetchAll(db, sql: "SELECT id, text FROM term WHERE id >= ? ORDER BY id", arguments: [all.count]) {
            let id: Int = row["id"]
            if id >= all.count { all += Array(repeating: nil, count: id + 1 - all.count) }
            all[id] = row["text"]
        }
        locked { if all.count > self.texts.count { self.texts = all } }
        return all
    }

    /// Each term's id by its text, for `texts` as `texts(db:)` gave them: those numbered before, and
    /// the ones added since.
    func termNumbers(_ texts: [String?]) -> [String: Int] {
        var (covered, numbers) = locked { termNumbers }
        if covered == texts.count { return numbers }
        if covered > texts.count { (covered, numbers) = (0, [:]) }  // texts read before another caller's: not kept
        numbers.reserveCapacity(texts.count)
        for id in covered..<texts.count { if let text = texts[id] { numbers[text] = id } }
        locked { if texts.count > termNumbers.covered { termNumbers = (texts.count, numbers) } }
        return numbers
    }

    /// The term tables of `key`, made by `make` when they are not those of last time (in a process that
    /// calculates again and again, new figures of the same suppliers and products keep them).
    func termTables(_ key: PackEvaluator.TermTables.Key, make: () -> PackEvaluator.TermTables) -> PackEvaluator.TermTables {
        if let known = locked({ tables }), known.key == key { return known.tables }
        let made = make()
        locked { tables = (key, made) }
        return made
    }

    /// The run with this id, if it is the one kept, no longer kept: the caller holds the only copy, so
    /// that an incremental run changes the inventory's storage in place (`keep` the run again when it
    /// is not changed).
    func takeRun(id: Int64) -> CalculationRun? {
        locked {
            guard run?.id == id else { return nil }
            return run.take()
        }
    }

    func keep(_ run: CalculationRun) {
        var kept = run
        kept.upToDate = false
        locked { self.run = kept }
    }

    /// `aggregate`'s binary form, its pool-source cells in the order of the last one written when it has
    /// the same cells (`InventoryAggregate.binary(poolSourceOrder:)`).
    ///
    /// A process that keeps refigure plans (`calculate --watch`) also keeps the bytes it last wrote, for
    /// run `run`, and where their cells stand: a run made from that one by refiguring alone (`changed`,
    /// with `parent` that run) is written by patching them (`InventoryAggregate.patch`).
    func binary(_ aggregate: InventoryAggregate, run: Int64, parent: Int64?, changed: InventoryAggregate.ChangedCells?) -> [UInt8] {
        let (order, last, keeps) = locked { (poolSourceOrder, lastWritten, keepRefigurePlans) }
        if keeps, let last, let parent, let changed, last.run == parent {
            var bytes = last.bytes
            if aggregate.patch(&bytes, layout: last.layout, changed: changed) {
                locked {
                    lastWritten = (run, bytes, last.layout)
                    patchedWrites += 1
                }
                return bytes
            }
        }
        var kept = order
        guard keeps else {
            let bytes = aggregate.binary(poolSourceOrder: &kept)
            locked { poolSourceOrder = kept }
            return bytes
        }
        let (bytes, layout) = aggregate.binaryWithLayout(poolSourceOrder: &kept)
        locked {
            poolSourceOrder = kept
            lastWritten = (run, bytes, layout)
        }
        return bytes
    }

    /// The plan for refiguring pack `pack` from the results run `run` stored for it, made by `make` the
    /// first time (a plan depends on the run's results and on the category rules, which are the same
    /// for every run that refigures from them: `RunStore.incremental`).
    func refigurePlan(
        run: Int64,
        pack: Int64,
        make: () throws -> PackEvaluator.RefigurePlan?
    ) rethrows -> PackEvaluator.RefigurePlan? {
        let key = PackResultsKey(run: run, pack: pack)
        if let known = locked({ plans[key] }) { return known }
        guard let plan = try make() else { return nil }
        locked {
            makeRoom(plan.byteCount)
            plans[key] = plan
        }
        return plan
    }

    /// Called with the lock held.
    private func makeRoom(_ bytes: Int) {
        if planBytes + bytes > planBytesLimit {
            plans = [:]
            planBytes = 0
        }
        planBytes += bytes
    }
}
