import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

/// What the pages derive from a stored run, kept by run id: a run never changes once stored (its
/// figures and its corporate inventory come from its recorded inputs), so neither does this. A few
/// runs are kept, and a few suppliers' lines (the largest supplier of the 5,000,000-line benchmark
/// keeps 845,413 line references, some 25 MB); the oldest looked-at goes first.
/// Likewise two runs compared, by the pair.
final class WebCache: @unchecked Sendable {
    /// Two runs compared from what they stored (the diff page without its split): their stored
    /// inventories (`InventoryDiff`), their inputs (`RunInputsDiff`), and their lines.
    struct Comparison {
        let before: Int64
        let after: Int64
        let lines: Int
        let diff: InventoryDiff
        let why: RunInputsDiff
    }

    private let lock = NSLock()
    /// Held while something is made, so that concurrent first looks make it once (the others wait for it).
    private let making = NSLock()
    private var corporate: [Int64: CorporateResult] = [:]
    private var suppliers: [Int64: [Scope3Category: [WebFigures.SupplierSum]]] = [:]
    private var readers: [Int64: RunLineReader] = [:]
    private var runs: [Int64: CalculationRun] = [:]
    /// The runs page's rows: small, kept for every run.
    private var runRows: [Int64: WebFigures.RunRow] = [:]
    private var order: [Int64] = []
    private var supplierLines: [SupplierKey: RunSupplierLines] = [:]
    private var supplierOrder: [SupplierKey] = []
    /// The customer allocation of the latest run, with the key it was made for (`WebFigures.allocation`),
    /// and every customer's statement from it by language.
    private var allocation: (key: String, value: CustomerAllocation)?
    private var statements: [String: [(Customer, CustomerStatement)]] = [:]  // by allocation key and language
    /// What a page derives from the whole workspace (the supplier register's overviews and
    /// assessments), by name, with the workspace's stamp it was made at.
    private var derived: [String: (stamp: WorkspaceStamp, value: any Sendable)] = [:]
    private var comparisons: [[Int64]: Comparison] = [:]
    private var comparisonOrder: [[Int64]] = []
    let capacity: Int
    let supplierCapacity: Int

    struct SupplierKey: Hashable {
        var run: Int64
        var supplier: String
    }

    init(capacity: Int = 8, supplierCapacity: Int = 16) {
        self.capacity = capacity
        self.supplierCapacity = supplierCapacity
    }

    /// `make()`, kept under `name` while the workspace's stamp is `stamp` (no commit since, the same
    /// day); made anew when there is no stamp.
    func derived<T: Sendable>(_ name: String, stamp: WorkspaceStamp?, _ make: () throws -> T) throws -> T {
        if let stamp, let hit = lock.withLock({ derived[name] }), hit.stamp == stamp, let value = hit.value as? T { return value }
        let made = try make()
        if let stamp { lock.withLock { derived[name] = (stamp, made) } }
        return made
    }

    func corporate(run: Int64, _ make: () throws -> CorporateResult) rethrows -> CorporateResult {
        try kept(run, \.corporate, make)
    }

    func suppliers(run: Int64, _ make: () throws -> [Scope3Category: [WebFigures.SupplierSum]]) rethrows -> [Scope3Category: [WebFigures.SupplierSum]]
    {
        try kept(run, \.suppliers, make)
    }

    /// A decoded run.
    func run(run: Int64, _ make: () throws -> CalculationRun) rethrows -> CalculationRun {
        try kept(run, \.runs, make)
    }

    /// A run's row on the runs page.
    func runRow(run: Int64, _ make: () throws -> WebFigures.RunRow) rethrows -> WebFigures.RunRow {
        if let hit = lock.withLock({ runRows[run] }) { return hit }
        let made = try make()
        lock.withLock { runRows[run] = made }
        return made
    }

    /// The run's line reader (its reference data and terms, loaded once).
    func reader(run: Int64, _ make: () throws -> RunLineReader) rethrows -> RunLineReader {
        try kept(run, \.readers, make)
    }

    /// A supplier's lines in a run.
    func supplierLines(run: Int64, supplier: String, _ make: () throws -> RunSupplierLines) rethrows -> RunSupplierLines {
        let key = SupplierKey(run: run, supplier: supplier)
        if let hit = lock.withLock({ supplierLines[key] }) { return hit }
        making.lock()
        defer { making.unlock() }
        if let hit = lock.withLock({ supplierLines[key] }) { return hit }
        let made = try make()
        lock.withLock {
            supplierLines[key] = made
            supplierOrder.removeAll { $0 == key }
            supplierOrder.append(key)
            while supplierOrder.count > supplierCapacity { supplierLines[supplierOrder.removeFirst()] = nil }
        }
        return made
    }

    /// The allocation made for `key`: the one kept when it was made for the same key, else `make`'s
    /// (which replaces it, and drops the statements made from the old one).
    func allocation(key: String, _ make: () throws -> CustomerAllocation) rethrows -> CustomerAllocation {
        if let kept = lock.withLock({ allocation }), kept.key == key { return kept.value }
        making.lock()
        defer { making.unlock() }
        if let kept = lock.withLock({ allocation }), kept.key == key { return kept.value }
        let made = try make()
        lock.withLock {
            allocation = (key, made)
            statements = [:]
        }
        return made
    }

    /// Every customer's statement in a language, from the allocation made for `key`.
    func statements(key: String, language: String, _ make: () -> [(Customer, CustomerStatement)]) -> [(Customer, CustomerStatement)] {
        let slot = key + "\n" + language
        if let hit = lock.withLock({ statements[slot] }) { return hit }
        let made = make()
        lock.withLock { if allocation?.key == key { statements[slot] = made } }
        return made
    }

    /// The value of `table` for `run`, made by `make` when not kept.
    private func kept<T>(_ run: Int64, _ table: ReferenceWritableKeyPath<WebCache, [Int64: T]>, _ make: () throws -> T) rethrows -> T {
        if let hit = lock.withLock({ self[keyPath: table][run] }) { return hit }
        making.lock()
        defer { making.unlock() }
        if let hit = lock.withLock({ self[keyPath: table][run] }) { return hit }
        let made = try make()
        lock.withLock {
            self[keyPath: table][run] = made
            touch(run)
        }
        return made
    }

    func comparison<E: Error>(before: Int64, after: Int64, _ make: () throws(E) -> Comparison) throws(E) -> Comparison {
        let pair = [before, after]
        if let hit = lock.withLock({ comparisons[pair] }) { return hit }
        let made = try make()
        lock.withLock {
            comparisons[pair] = made
            comparisonOrder.removeAll { $0 == pair }
            comparisonOrder.append(pair)
            while comparisonOrder.count > capacity { comparisons[comparisonOrder.removeFirst()] = nil }
        }
        return made
    }

    /// Marks `run` as the latest looked-at and drops the oldest beyond the capacity (under the lock).
    private func touch(_ run: Int64) {
        order.removeAll { $0 == run }
        order.append(run)
        while order.count > capacity {
            let old = order.removeFirst()
            corporate[old] = nil
            suppliers[old] = nil
            readers[old] = nil
            runs[old] = nil
            supplierLines = supplierLines.filter { $0.key.run != old }
            supplierOrder.removeAll { $0.run == old }
        }
    }
}
