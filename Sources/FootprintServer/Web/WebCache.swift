import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

/// What the pages derive from a stored run, kept by run id: a run never changes once stored (its
/// figures and its corporate inventory come from its recorded inputs), so neither does this. A few
/// runs are kept; the oldest looked-at goes first. Likewise two runs compared, by the pair.
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
    private var corporate: [Int64: CorporateResult] = [:]
    private var suppliers: [Int64: [Scope3Category: [WebFigures.SupplierSum]]] = [:]
    private var order: [Int64] = []
    private var comparisons: [[Int64]: Comparison] = [:]
    private var comparisonOrder: [[Int64]] = []
    let capacity: Int

    init(capacity: Int = 8) { self.capacity = capacity }

    func corporate(run: Int64, _ make: () throws -> CorporateResult) rethrows -> CorporateResult {
        if let hit = lock.withLock({ corporate[run] }) { return hit }
        let made = try make()
        lock.withLock {
            corporate[run] = made
            touch(run)
        }
        return made
    }

    func suppliers(run: Int64, _ make: () throws -> [Scope3Category: [WebFigures.SupplierSum]]) rethrows -> [Scope3Category: [WebFigures.SupplierSum]]
    {
        if let hit = lock.withLock({ suppliers[run] }) { return hit }
        let made = try make()
        lock.withLock {
            suppliers[run] = made
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
        }
    }
}
