/// Changes in the emissions of lines that keep their method, activity, spend and groupings, and only
/// get a new figure (a supplier's new intensity or footprint values): per grouping slot and method, the
/// new nano-kg minus the old, as `AggregateAccumulator` slots them. Lines and spend do not change, so
/// they are not kept. `apply` adds the changes to an inventory; with integers, the result is bit for
/// bit the inventory of the lines computed again.
public struct NanoKgDelta: Sendable {
    /// One grouping's changes: nano-kg at `slot * 5 + method`, in storage managed by hand (as
    /// `AggregateAccumulator.Table`) so that adding a line is a store; one thread at a time.
    @usableFromInline
    final class Table: @unchecked Sendable {
        @exclusivity(unchecked) @usableFromInline var values: UnsafeMutablePointer<Int128>
        @exclusivity(unchecked) @usableFromInline var slots = 0

        init() { values = .allocate(capacity: 0) }
        deinit { values.deallocate() }

        @usableFromInline
        func grow(to slot: Int) {
            let wider = max(slot + 1, slots * 2, 16)
            let new = UnsafeMutablePointer<Int128>.allocate(capacity: wider * 5)
            new.update(from: values, count: slots * 5)
            (new + slots * 5).initialize(repeating: 0, count: (wider - slots) * 5)
            values.deallocate()
            values = new
            slots = wider
        }

        /// Adds `nano` at `slot`, `method` (slot >= 0).
        @inlinable @inline(__always)
        func add(_ slot: Int, _ method: Int, _ nano: Int128) {
            if slot >= slots { grow(to: slot) }
            values[slot &* 5 &+ method] &+= nano
        }

        func add(_ other: Table) {
            if other.slots > slots { grow(to: other.slots - 1) }
            for i in 0..<other.slots * 5 { values[i] &+= other.values[i] }
        }

        func nano(_ slot: Int) -> ArraySlice<Int128> { ArraySlice(UnsafeBufferPointer(start: values + slot * 5, count: 5)) }
    }

    @usableFromInline let category = Table()
    @usableFromInline let scope3 = Table()
    @usableFromInline let month = Table()
    @usableFromInline let customer = Table()
    @usableFromInline let total = Table()
    /// Per supplier slot: nano-kg at `scope3 * 5 + method` (its cells of the supplier x Scope 3 category
    /// grouping, and so of the supplier grouping), and the part of it that fell through a rule (per method).
    var suppliers: [Int: (scope3: [Int128], fellThrough: [Int128])] = [:]
    /// The pool-source cells (`InventoryAggregate.poolSources`): lines made for a customer at
    /// `customerScope3[(number * 16 + scope3) * 5 + method]`, where `customerNumbers` numbers the
    /// customer slots as they come (as `AggregateAccumulator` does); the others per supplier slot,
    /// ledger category slot and Scope 3 category, at `supplier << 32 | category << 4 | scope3`,
    /// added once per pack (`addSupplierCategories`).
    @usableFromInline let customerScope3 = Table()
    @usableFromInline let customerNumbers = AggregateAccumulator.SlotNumbers()
    var supplierCategories: [Int: [Int128]] = [:]
    /// False when a slot was too large for those keys: the changes then leave the inventory without pool sources.
    var poolSourcesComplete = true

    public init() { total.grow(to: 0) }

    /// Whether nothing changed.
    public var isZero: Bool {
        [category, scope3, month, customer, total].allSatisfy { t in (0..<t.slots * 5).allSatisfy { t.values[$0] == 0 } }
            && suppliers.values.allSatisfy { $0.scope3.allSatisfy { $0 == 0 } && $0.fellThrough.allSatisfy { $0 == 0 } }
            && supplierCategories.values.allSatisfy { $0.allSatisfy { $0 == 0 } }
            && (0..<customerScope3.slots * 5).allSatisfy { customerScope3.values[$0] == 0 }
    }

    /// One line's change, slotted as `AggregateAccumulator.add` slots it (-1: no value in that grouping).
    /// The supplier's share is added per supplier with `addSupplier`.
    @inlinable @inline(__always)
    public func add(method: Int, nanoKg: Int128, category c: Int, scope3 s: Int, month m: Int, customer u: Int) {
        guard nanoKg != 0 else { return }
        total.values[method] &+= nanoKg
        if c >= 0 { category.add(c, method, nanoKg) }
        if s >= 0 { scope3.add(s, method, nanoKg) }
        if m >= 0 { month.add(m, method, nanoKg) }
        if u >= 0 { customer.add(u, method, nanoKg) }
    }

    /// A supplier's lines' change: nano-kg at `[scope3 * 5 + method]` (16 x 5), and per method the part
    /// of lines that fell through a rule.
    public mutating func addSupplier(_ slot: Int, scope3 nano: [Int128], fellThrough: [Int128]) {
        var entry = suppliers[slot] ?? (Array(repeating: 0, count: 16 * 5), Array(repeating: 0, count: 5))
        for i in 0..<min(nano.count, entry.scope3.count) { entry.scope3[i] &+= nano[i] }
        for m in 0..<min(5, fellThrough.count) { entry.fellThrough[m] &+= fellThrough[m] }
        suppliers[slot] = entry
    }

    /// The change of a line made for customer slot `customer` (>= 0), in its pool-source cell.
    @inlinable @inline(__always)
    public func addCustomerPoolSource(customer: Int, scope3: Int, method: Int, nanoKg: Int128) {
        guard nanoKg != 0 else { return }
        customerScope3.add(customerNumbers.number(customer) &* 16 &+ InventoryAggregate.PoolSourceKey.scope3Slot(scope3), method, nanoKg)
    }

    /// The change of a pack's lines made for no customer, summed by the caller per ledger category
    /// and Scope 3 category: `keys[k] = category slot << 4 | scope3`, nano-kg at `[k * 5 + method]`.
    public mutating func addSupplierCategories(_ supplier: Int, keys: [Int], nanoKg: [Int128]) {
        for (k, key) in keys.enumerated() {
            guard let packed = InventoryAggregate.PoolSourceKey.packed(supplier: supplier, categoryKey: key) else {
                poolSourcesComplete = false
                continue
            }
            var nano = supplierCategories[packed] ?? Array(repeating: 0, count: 5)
            for m in 0..<5 { nano[m] &+= nanoKg[k * 5 + m] }
            supplierCategories[packed] = nano
        }
    }

    /// Adds another delta (of another thread, or of one pack).
    public mutating func add(_ other: NanoKgDelta) {
        for (key, nano) in other.supplierCategories {
            var mine = supplierCategories[key] ?? Array(repeating: 0, count: 5)
            for m in 0..<5 { mine[m] &+= nano[m] }
            supplierCategories[key] = mine
        }
        for (number, slot) in other.customerNumbers.slots.enumerated() {
            let mine = customerNumbers.number(slot)
            for cell in 0..<16 where number * 16 + cell < other.customerScope3.slots {
                for m in 0..<5 {
                    let value = other.customerScope3.values[(number * 16 + cell) * 5 + m]
                    if value != 0 { customerScope3.add(mine * 16 + cell, m, value) }
                }
            }
        }
        poolSourcesComplete = poolSourcesComplete && other.poolSourcesComplete
        category.add(other.category)
        scope3.add(other.scope3)
        month.add(other.month)
        customer.add(other.customer)
        total.add(other.total)
        for (slot, entry) in other.suppliers { addSupplier(slot, scope3: entry.scope3, fellThrough: entry.fellThrough) }
    }

    /// Adds the changes to `aggregate`, naming slots as `AggregateAccumulator.aggregate` does; a supplier's
    /// fall-through share goes to the cell of `fallThrough(slot)`. Cells the changes touch exist in an
    /// inventory that holds the lines; were one missing, it is created with the change alone. Returns the
    /// cells it changed (`InventoryAggregate.patch`).
    @discardableResult
    public func apply(
        to aggregate: inout InventoryAggregate,
        name: (InventoryAggregate.Dimension, Int) -> String,
        fallThrough: (Int) -> FallThrough
    ) -> InventoryAggregate.ChangedCells {
        var changed = InventoryAggregate.ChangedCells()
        func addCell(_ cell: inout InventoryAggregate.Cell, _ nano: ArraySlice<Int128>) {
            for (m, d) in nano.enumerated() { cell.nanoKg[m] += d }
        }
        func addGroup(_ dimension: InventoryAggregate.Dimension, _ key: String, _ nano: ArraySlice<Int128>) {
            if aggregate.groups[dimension]?[key] == nil { changed.reshaped = true }
            addCell(&aggregate.groups[dimension, default: [:]][key, default: InventoryAggregate.Cell()], nano)
            changed.cells.append(.group(dimension, key))
        }
        func addPoolSource(_ source: InventoryAggregate.PoolSourceKey, _ nano: ArraySlice<Int128>) {
            if aggregate.poolSources[source] == nil { changed.reshaped = true }
            addCell(&aggregate.poolSources[source, default: InventoryAggregate.Cell()], nano)
            changed.cells.append(.poolSource(source))
        }
        func addTable(_ dimension: InventoryAggregate.Dimension, _ table: Table) {
            for slot in 0..<table.slots {
                let nano = table.nano(slot)
                guard nano.contains(where: { $0 != 0 }) else { continue }
                addGroup(dimension, name(dimension, slot), nano)
            }
        }
        addCell(&aggregate.total, total.nano(0))
        changed.cells.append(.total)
        if !poolSourcesComplete {
            changed.reshaped = changed.reshaped || aggregate.hasPoolSources
            aggregate.hasPoolSources = false
            aggregate.poolSources = [:]
        }
        if aggregate.hasPoolSources {
            for (number, slot) in customerNumbers.slots.enumerated() {
                for scope3 in 0..<16 where number * 16 + scope3 < customerScope3.slots {
                    let nano = customerScope3.nano(number * 16 + scope3)
                    guard nano.contains(where: { $0 != 0 }) else { continue }
                    addPoolSource(InventoryAggregate.PoolSourceKey(customerSlot: slot, scope3: scope3, name: name), nano)
                }
            }
            for (key, nano) in supplierCategories where nano.contains(where: { $0 != 0 }) {
                addPoolSource(InventoryAggregate.PoolSourceKey(packed: key, name: name), nano[0..<5])
            }
        }
        addTable(.category, category)
        addTable(.scope3, scope3)
        addTable(.month, month)
        addTable(.customer, customer)
        for (slot, entry) in suppliers {
            let supplier = name(.supplier, slot)
            var sum = [Int128](repeating: 0, count: 5)
            for s in 0..<16 {
                let nano = entry.scope3[s * 5..<s * 5 + 5]
                guard nano.contains(where: { $0 != 0 }) else { continue }
                for (m, d) in nano.enumerated() { sum[m] += d }
                if aggregate.hasSupplierScope3 {
                    addGroup(.supplierScope3, InventoryAggregate.supplierScope3Key(supplier: supplier, scope3: s), nano)
                }
            }
            if sum.contains(where: { $0 != 0 }) {
                addGroup(.supplier, supplier, sum[0..<5])
            }
            if entry.fellThrough.contains(where: { $0 != 0 }) {
                let reason = fallThrough(slot)
                if aggregate.fallThrough[reason] == nil { changed.reshaped = true }
                addCell(&aggregate.fallThrough[reason, default: InventoryAggregate.Cell()], entry.fellThrough[0..<5])
                changed.cells.append(.fallThrough(reason))
            }
        }
        return changed
    }
}
