/// Builds an `InventoryAggregate` from line results on the hot path: dense arrays indexed by the
/// caller's slots (term numbers for supplier, category and customer; 0...15 for the Scope 3
/// category; a month number), so that adding a line allocates nothing. `aggregate` turns slots
/// back into names. One accumulator per thread; add the aggregates.
public struct AggregateAccumulator: Sendable {
    /// One grouping: per slot, lines and nano-kg per method (5 entries) and spend per currency.
    /// Storage is manually managed so that the hot path pays no copy-on-write checks; a table belongs
    /// to one accumulator, which belongs to one thread (`copy()` gives an independent one).
    @usableFromInline
    final class Table: @unchecked Sendable {
        // Each table is used by one thread at a time and never re-entered, so the runtime's dynamic
        // exclusivity checks on these class properties (a third of a calculation's time) are switched off.
        @exclusivity(unchecked) @usableFromInline var lines: UnsafeMutablePointer<Int>
        @exclusivity(unchecked) @usableFromInline var nanoKg: UnsafeMutablePointer<Int128>
        @exclusivity(unchecked) @usableFromInline var spend: UnsafeMutablePointer<Int128>
        @exclusivity(unchecked) @usableFromInline var slots = 0
        @usableFromInline let currencies: Int

        init(currencies: Int) {
            self.currencies = currencies
            lines = .allocate(capacity: 0)
            nanoKg = .allocate(capacity: 0)
            spend = .allocate(capacity: 0)
        }

        deinit {
            lines.deallocate()
            nanoKg.deallocate()
            spend.deallocate()
        }

        func copy() -> Table {
            let t = Table(currencies: currencies)
            if slots > 0 { t.grow(to: slots - 1) }
            t.lines.update(from: lines, count: slots * 5)
            t.nanoKg.update(from: nanoKg, count: slots * 5)
            t.spend.update(from: spend, count: slots * currencies)
            return t
        }

        @usableFromInline
        func grow(to slot: Int) {
            let wider = max(slot + 1, slots * 2, 16)
            func widen<T>(_ old: UnsafeMutablePointer<T>, per: Int, zero: T) -> UnsafeMutablePointer<T> {
                let new = UnsafeMutablePointer<T>.allocate(capacity: wider * per)
                new.update(from: old, count: slots * per)
                (new + slots * per).initialize(repeating: zero, count: (wider - slots) * per)
                old.deallocate()
                return new
            }
            lines = widen(lines, per: 5, zero: 0)
            nanoKg = widen(nanoKg, per: 5, zero: 0)
            spend = widen(spend, per: currencies, zero: 0)
            slots = wider
        }

        @inlinable @inline(__always)
        func add(_ slot: Int, _ method: Int, _ nano: Int128, _ currency: Int, _ units: Int128, lines count: Int = 1) {
            if slot >= slots { grow(to: slot) }
            lines[slot &* 5 &+ method] &+= count
            nanoKg[slot &* 5 &+ method] &+= nano
            spend[slot &* currencies &+ currency] &+= units
        }
    }

    /// Currency slots are fixed up front (callers map their currencies to 0..<currencyCount).
    public let currencyCount: Int
    @usableFromInline var supplier: Table
    @usableFromInline var category: Table
    @usableFromInline var scope3: Table
    @usableFromInline var month: Table
    @usableFromInline var customer: Table
    /// The whole inventory: one slot.
    @usableFromInline var total: Table
    /// Spend by method: slot = method.
    @usableFromInline var methodSpend: Table
    /// Lines left out of the inventory: dated outside the period (one slot), and excluded (slot = the
    /// caller's number of the exclusion's reason). Counted at the unmapped index, 4; no kg.
    @usableFromInline var outsidePeriod: Table
    @usableFromInline var excluded: Table
    var unmapped: [UnmappedReason: InventoryAggregate.Cell] = [:]
    var fallThrough: [FallThrough: InventoryAggregate.Cell] = [:]
    /// Supplier x Scope 3 category, at slot `supplier slot * 16 + category`.
    var cross: [Int: CrossCell] = [:]
    /// Lines of products made by another company (`InventoryAggregate.manufactured`), at
    /// `supplier slot << 28 | manufacturer slot << 4 | category`; only lines with a manufacturer come here.
    var manufactured: [Int: CrossCell] = [:]
    /// Lines made for a customer by customer and Scope 3 category (`InventoryAggregate.poolSources`):
    /// at `number * 16 + scope3`, where `customerNumbers` numbers the customer slots as they come.
    @usableFromInline var customerScope3: Table
    @usableFromInline var customerNumbers: SlotNumbers
    /// The other lines by supplier, ledger category and Scope 3 category (`addSupplierCategories`, once
    /// per pack), at `supplier slot << 32 | category slot << 4 | scope3`.
    var supplierCategory: [Int: CrossCell] = [:]
    /// False when a slot was too large for `supplierCategory`'s key: the inventory then has no pool sources.
    var poolSourcesComplete = true

    public init(currencyCount count: Int) {
        let c = max(1, count)
        self.currencyCount = c
        supplier = Table(currencies: c)
        category = Table(currencies: c)
        scope3 = Table(currencies: c)
        month = Table(currencies: c)
        customer = Table(currencies: c)
        total = Table(currencies: c)
        methodSpend = Table(currencies: c)
        outsidePeriod = Table(currencies: c)
        excluded = Table(currencies: c)
        customerScope3 = Table(currencies: c)
        customerNumbers = SlotNumbers()
        total.grow(to: 0)
        outsidePeriod.grow(to: 0)
        methodSpend.grow(to: 4)
    }

    /// An independent copy (the tables are reference types).
    public func copy() -> AggregateAccumulator {
        var c = self
        c.supplier = supplier.copy()
        c.category = category.copy()
        c.scope3 = scope3.copy()
        c.month = month.copy()
        c.customer = customer.copy()
        c.total = total.copy()
        c.methodSpend = methodSpend.copy()
        c.outsidePeriod = outsidePeriod.copy()
        c.excluded = excluded.copy()
        c.customerScope3 = customerScope3.copy()
        c.customerNumbers = customerNumbers.copy()
        return c
    }

    /// Numbers slots (customer term slots) densely, in the order they first come.
    @usableFromInline
    final class SlotNumbers: @unchecked Sendable {
        // One thread at a time, as `Table`.
        @exclusivity(unchecked) @usableFromInline var numbers: UnsafeMutablePointer<Int32>
        @exclusivity(unchecked) @usableFromInline var capacity = 0
        /// The slot of each number.
        @exclusivity(unchecked) var slots: [Int] = []

        init() { numbers = .allocate(capacity: 0) }
        deinit { numbers.deallocate() }

        func copy() -> SlotNumbers {
            let c = SlotNumbers()
            if capacity > 0 {
                c.numbers.deallocate()
                c.numbers = .allocate(capacity: capacity)
                c.numbers.update(from: numbers, count: capacity)
                c.capacity = capacity
            }
            c.slots = slots
            return c
        }

        /// The number of `slot` (>= 0), given the next number when it has none yet.
        @inlinable @inline(__always)
        func number(_ slot: Int) -> Int {
            if slot < capacity {
                let n = numbers[slot]
                if n >= 0 { return Int(n) }
            }
            return assign(slot)
        }

        @usableFromInline
        func assign(_ slot: Int) -> Int {
            if slot >= capacity {
                let wider = max(slot + 1, capacity * 2, 64)
                let new = UnsafeMutablePointer<Int32>.allocate(capacity: wider)
                new.update(from: numbers, count: capacity)
                (new + capacity).initialize(repeating: -1, count: wider - capacity)
                numbers.deallocate()
                numbers = new
                capacity = wider
            }
            numbers[slot] = Int32(slots.count)
            slots.append(slot)
            return slots.count - 1
        }
    }

    /// `nanoKg` from kg, rounded to the nearest whole nano-kilogram, halves away from zero (as
    /// `rounded()`). Through Int64 when it fits, since the generic conversion to Int128 is slow, and
    /// without a call to libm's `round`, which baseline x86-64 code cannot inline: the conversion
    /// truncates, and the remainder `x - truncated` is exact below 2^53 (above, `x` is whole).
    @inlinable @inline(__always)
    public static func nanoKg(_ kg: Double) -> Int128 { whole(kg * 1e9) }

    /// `x` rounded to a whole number, halves away from zero: `Int128(x.rounded())`, faster (`nanoKg`).
    @inlinable @inline(__always)
    public static func whole(_ x: Double) -> Int128 {
        guard abs(x) < 9.2e18 else { return Int128(x.rounded()) }
        let truncated = Int64(x)
        let rest = x - Double(truncated)
        // Without branches: a remainder of either sign is as likely as the other, and a mispredicted
        // branch per line cost more than libm's `round` (6.6 against 22 ns a refigured line; 3.9 so).
        let up: Int64 = rest >= 0.5 ? 1 : 0
        let down: Int64 = rest <= -0.5 ? 1 : 0
        return Int128(truncated &+ up &- down)
    }

    /// Adds one line: `method` 0...3 or 4 for unmapped; slots per grouping (-1: the line has no value,
    /// e.g. no customer); `spendUnits` the amount in 10^-18 units of currency slot `currency`.
    /// The supplier grouping is added separately (`addSupplier`), once per run of lines of one supplier.
    @inlinable @inline(__always)
    public mutating func add(
        method: Int,
        nanoKg: Int128,
        category c: Int,
        scope3 s: Int,
        month m: Int,
        customer u: Int,
        currency: Int,
        spendUnits: Int128
    ) {
        total.add(0, method, nanoKg, currency, spendUnits)
        methodSpend.spend[method &* currencyCount &+ currency] &+= spendUnits
        if c >= 0 { category.add(c, method, nanoKg, currency, spendUnits) }
        if s >= 0 { scope3.add(s, method, nanoKg, currency, spendUnits) }
        if m >= 0 { month.add(m, method, nanoKg, currency, spendUnits) }
        if u >= 0 {
            customer.add(u, method, nanoKg, currency, spendUnits)
            customerScope3.add(
                customerNumbers.number(u) &* 16 &+ InventoryAggregate.PoolSourceKey.scope3Slot(s),
                method,
                nanoKg,
                currency,
                spendUnits
            )
        }
    }

    /// Adds the lines of supplier slot `supplier` that were made for no customer, summed by the caller
    /// per ledger category and Scope 3 category: `keys[k] = category slot << 4 | scope3`, lines and
    /// nano-kg at `[k * 5 + method]`. They go into the pool-source grouping (`InventoryAggregate.poolSources`).
    public mutating func addSupplierCategories(_ supplier: Int, keys: [Int], lines: [Int], nanoKg: [Int128]) {
        for (k, key) in keys.enumerated() {
            guard let packed = InventoryAggregate.PoolSourceKey.packed(supplier: supplier, categoryKey: key) else {
                poolSourcesComplete = false
                continue
            }
            var cell = supplierCategory[packed] ?? CrossCell(currencies: 0)
            for m in 0..<5 {
                cell.lines[m] += lines[k * 5 + m]
                cell.nanoKg[m] += nanoKg[k * 5 + m]
            }
            supplierCategory[packed] = cell
        }
    }

    /// Counts a line dated outside the reporting period (instead of `add`: it is in no other figure).
    @inlinable @inline(__always)
    public mutating func addOutsidePeriod(currency: Int, spendUnits: Int128) {
        outsidePeriod.add(0, 4, 0, currency, spendUnits)
    }

    /// Counts a line of an excluded category under reason number `reason` (instead of `add`).
    @inlinable @inline(__always)
    public mutating func addExcluded(reason: Int, currency: Int, spendUnits: Int128) {
        excluded.add(reason, 4, 0, currency, spendUnits)
    }

    /// Adds a supplier's lines, summed by the caller per Scope 3 category (0...15): lines and nano-kg
    /// at `[scope3 * 5 + method]`, spend at `[scope3 * currencyCount + currency slot]`. They go into the
    /// supplier grouping and, per category, into the supplier x Scope 3 category grouping.
    public mutating func addSupplier(_ slot: Int, lines: [Int], nanoKg: [Int128], spend: [Int128]) {
        let categories = lines.count / 5
        var totalLines = [Int](repeating: 0, count: 5)
        var totalNano = [Int128](repeating: 0, count: 5)
        var totalSpend = [Int128](repeating: 0, count: currencyCount)
        for s in 0..<categories {
            var any = false
            for m in 0..<5 where lines[s * 5 + m] != 0 {
                totalLines[m] += lines[s * 5 + m]
                totalNano[m] += nanoKg[s * 5 + m]
                any = true
            }
            guard any else { continue }
            var cell = CrossCell(currencies: currencyCount)
            for m in 0..<5 {
                cell.lines[m] = lines[s * 5 + m]
                cell.nanoKg[m] = nanoKg[s * 5 + m]
            }
            for c in 0..<currencyCount where s * currencyCount + c < spend.count {
                cell.spend[c] = spend[s * currencyCount + c]
                totalSpend[c] += cell.spend[c]
            }
            cross[slot * 16 + s, default: CrossCell(currencies: currencyCount)].add(cell)
        }
        for m in 0..<5 where totalLines[m] != 0 { supplier.add(slot, m, totalNano[m], 0, 0, lines: totalLines[m]) }
        if slot >= supplier.slots { supplier.grow(to: slot) }
        for c in 0..<currencyCount { supplier.spend[slot * currencyCount + c] += totalSpend[c] }
    }

    /// A cell of the supplier x Scope 3 category grouping, by currency slot; one per pack, not per line.
    struct CrossCell: Sendable {
        var lines = [Int](repeating: 0, count: 5)
        var nanoKg = [Int128](repeating: 0, count: 5)
        var spend: [Int128]
        init(currencies: Int) { spend = Array(repeating: 0, count: currencies) }
        mutating func add(_ other: CrossCell) {
            for m in 0..<5 {
                lines[m] += other.lines[m]
                nanoKg[m] += other.nanoKg[m]
            }
            for c in 0..<min(spend.count, other.spend.count) { spend[c] += other.spend[c] }
        }
    }

    /// Counts a line of a product that manufacturer number `manufacturer` (the caller's) makes, invoiced
    /// by supplier slot `supplier`, in Scope 3 category `scope3` (in addition to `add` and the supplier's sums).
    public mutating func addManufactured(
        supplier: Int,
        manufacturer: Int,
        scope3: Int,
        method: Int,
        nanoKg: Int128,
        currency: Int,
        spendUnits: Int128
    ) {
        let key = supplier << 28 | (manufacturer & 0xFF_FFFF) << 4 | (scope3 & 15)
        var cell = manufactured[key] ?? CrossCell(currencies: currencyCount)
        cell.lines[method] += 1
        cell.nanoKg[method] += nanoKg
        if currency >= 0 && currency < cell.spend.count { cell.spend[currency] += spendUnits }
        manufactured[key] = cell
    }

    /// Counts an unmapped line under its reason (in addition to `add` with method 4).
    public mutating func addUnmapped(_ reason: UnmappedReason, currency: CurrencyCode, spendUnits: Int128) {
        var cell = unmapped[reason] ?? InventoryAggregate.Cell()
        cell.lines[4] += 1
        cell.spend[currency, default: 0] += spendUnits
        unmapped[reason] = cell
    }

    /// Counts a line that fell through a rule (in addition to `add` with the method that computed it).
    public mutating func addFallThrough(
        _ reason: FallThrough,
        method: Int,
        nanoKg: Int128,
        currency: CurrencyCode,
        spendUnits: Int128
    ) {
        var cell = fallThrough[reason] ?? InventoryAggregate.Cell()
        cell.lines[method] += 1
        cell.nanoKg[method] += nanoKg
        cell.spend[currency, default: 0] += spendUnits
        fallThrough[reason] = cell
    }

    private func cell(_ table: Table, _ slot: Int, _ currencies: [CurrencyCode]) -> InventoryAggregate.Cell? {
        var cell = InventoryAggregate.Cell()
        var any = false
        for m in 0..<5 where table.lines[slot * 5 + m] != 0 {
            cell.lines[m] = table.lines[slot * 5 + m]
            cell.nanoKg[m] = table.nanoKg[slot * 5 + m]
            any = true
        }
        guard any else { return nil }
        for c in 0..<min(currencyCount, currencies.count) where table.spend[slot * currencyCount + c] != 0 {
            cell.spend[currencies[c], default: 0] += table.spend[slot * currencyCount + c]
        }
        return cell
    }

    /// The figures with slots replaced by names: `name(dimension, slot)`, `currencies[slot]`, and
    /// `exclusionReasons[slot]` for excluded lines; `period` is the inventory's reporting period.
    public func aggregate(
        currencies: [CurrencyCode],
        name: (InventoryAggregate.Dimension, Int) -> String,
        period: ReportingPeriod? = nil,
        exclusionReasons: [String] = [],
        manufacturers: [String] = []
    ) -> InventoryAggregate {
        var a = InventoryAggregate()
        a.total = cell(total, 0, currencies) ?? InventoryAggregate.Cell()
        a.period = period
        a.outsidePeriod = cell(outsidePeriod, 0, currencies) ?? InventoryAggregate.Cell()
        for slot in 0..<min(excluded.slots, exclusionReasons.count) {
            guard let c = self.cell(excluded, slot, currencies) else { continue }
            a.excluded[exclusionReasons[slot], default: InventoryAggregate.Cell()].add(c)
        }
        for m in 0..<5 {
            for c in 0..<min(currencyCount, currencies.count) where methodSpend.spend[m * currencyCount + c] != 0 {
                a.methodSpendUnits[m][currencies[c], default: 0] += methodSpend.spend[m * currencyCount + c]
            }
        }
        let tables: [(InventoryAggregate.Dimension, Table)] = [
            (.supplier, supplier), (.category, category), (.scope3, scope3), (.month, month), (.customer, customer),
        ]
        for (dimension, table) in tables {
            var cells: [String: InventoryAggregate.Cell] = [:]
            for slot in 0..<table.slots {
                guard let c = self.cell(table, slot, currencies) else { continue }
                let key = name(dimension, slot)
                if var existing = cells[key] {
                    existing.add(c)
                    cells[key] = existing
                } else {
                    cells[key] = c
                }
            }
            if !cells.isEmpty { a.groups[dimension] = cells }
        }
        var crossCells: [String: InventoryAggregate.Cell] = [:]
        for (slot, c) in cross where c.lines.contains(where: { $0 != 0 }) {
            var cell = InventoryAggregate.Cell()
            cell.lines = c.lines
            cell.nanoKg = c.nanoKg
            for i in 0..<min(c.spend.count, currencies.count) where c.spend[i] != 0 { cell.spend[currencies[i], default: 0] += c.spend[i] }
            let key = InventoryAggregate.supplierScope3Key(supplier: name(.supplier, slot / 16), scope3: slot % 16)
            if var existing = crossCells[key] {
                existing.add(cell)
                crossCells[key] = existing
            } else {
                crossCells[key] = cell
            }
        }
        if !crossCells.isEmpty { a.groups[.supplierScope3] = crossCells }
        for (slot, c) in manufactured where c.lines.contains(where: { $0 != 0 }) {
            let maker = slot >> 4 & 0xFF_FFFF
            guard maker < manufacturers.count else { continue }
            var cell = InventoryAggregate.Cell()
            cell.lines = c.lines
            cell.nanoKg = c.nanoKg
            for i in 0..<min(c.spend.count, currencies.count) where c.spend[i] != 0 { cell.spend[currencies[i], default: 0] += c.spend[i] }
            let key = InventoryAggregate.ManufacturedKey(scope3: slot & 15, supplier: name(.supplier, slot >> 28), manufacturer: manufacturers[maker])
            a.manufactured[key, default: InventoryAggregate.Cell()].add(cell)
        }
        a.unmapped = unmapped
        a.fallThrough = fallThrough
        a.hasPoolSources = poolSourcesComplete
        if poolSourcesComplete {
            func add(_ key: InventoryAggregate.PoolSourceKey, lines: some Collection<Int>, nanoKg: some Collection<Int128>) {
                var cell = a.poolSources[key] ?? InventoryAggregate.Cell()
                for (m, v) in lines.enumerated() { cell.lines[m] += v }
                for (m, v) in nanoKg.enumerated() { cell.nanoKg[m] += v }
                a.poolSources[key] = cell.isZero ? nil : cell
            }
            for (number, slot) in customerNumbers.slots.enumerated() {
                for s in 0..<16 {
                    let at = (number * 16 + s) * 5
                    guard number * 16 + s < customerScope3.slots, (0..<5).contains(where: { customerScope3.lines[at + $0] != 0 }) else { continue }
                    let key = InventoryAggregate.PoolSourceKey(customerSlot: slot, scope3: s, name: name)
                    add(
                        key,
                        lines: UnsafeBufferPointer(start: customerScope3.lines + at, count: 5),
                        nanoKg: UnsafeBufferPointer(start: customerScope3.nanoKg + at, count: 5)
                    )
                }
            }
            for (packed, c) in supplierCategory where c.lines.contains(where: { $0 != 0 }) {
                add(InventoryAggregate.PoolSourceKey(packed: packed, name: name), lines: c.lines, nanoKg: c.nanoKg)
            }
        }
        return a
    }
}
