/// The purchase lines of an inventory by what a customer allocation's pools select (docs/customers.md),
/// so that an allocation reads sums instead of every line: a line made for a customer by its customer
/// and Scope 3 category (it passes through to the customer whatever its supplier); every other line by
/// supplier, ledger category and Scope 3 category. Each line in the inventory is in exactly one cell
/// (unmapped lines too, at index 4 with 0 kg), so the cells add up to `total`'s lines and emissions.
/// Cells keep lines and nano-kg per method; spend is in the other groupings.
extension InventoryAggregate {
    /// A cell of `poolSources`: `customer` for lines made for a customer (then no supplier or
    /// category), else `supplier` and `category`; `scope3` is 1...15.
    public struct PoolSourceKey: Sendable, Hashable, Comparable {
        public var scope3: Int
        public var supplier: String?
        public var category: String?
        public var customer: String?

        public init(scope3: Int, supplier: String?, category: String?, customer: String?) {
            self.scope3 = scope3
            self.supplier = supplier
            self.category = category
            self.customer = customer
        }

        /// The cell of a supplier's lines made for no customer as the accumulators key it while they
        /// sum (`AggregateAccumulator`, `NanoKgDelta`): `supplier slot << 32 | categoryKey`, where
        /// `categoryKey` is `category slot << 4 | scope3` (`categoryKey(category:scope3:)`); nil when a
        /// slot is too large for the key (the inventory then has no pool sources).
        public static func packed(supplier: Int, categoryKey: Int) -> Int? {
            guard supplier >= 0 && supplier < 1 << 30 && categoryKey >= 0 && categoryKey < 1 << 32 else { return nil }
            return supplier << 32 | categoryKey
        }

        /// `category slot << 4 | scope3` (a Scope 3 category outside 1...15 as 0).
        @inlinable @inline(__always)
        public static func categoryKey(category: Int, scope3: Int) -> Int { category << 4 | scope3Slot(scope3) }

        /// A Scope 3 category as the pool sources' slots hold it: 1...15, anything else 0.
        @inlinable @inline(__always)
        public static func scope3Slot(_ scope3: Int) -> Int { scope3 > 0 ? scope3 & 15 : 0 }

        /// The cell of a `packed(supplier:categoryKey:)` key, its slots named by `name`.
        public init(packed key: Int, name: (Dimension, Int) -> String) {
            self.init(scope3: key & 15, supplier: name(.supplier, key >> 32), category: name(.category, key >> 4 & 0xFFF_FFFF), customer: nil)
        }

        /// The cell of the lines made for customer slot `slot` in Scope 3 category `scope3`.
        public init(customerSlot slot: Int, scope3: Int, name: (Dimension, Int) -> String) {
            self.init(scope3: scope3, supplier: nil, category: nil, customer: name(.customer, slot))
        }

        /// By Scope 3 category, customer, supplier and ledger category (an absent text as ""). Field by
        /// field, comparing texts in order only where they differ: an inventory's binary form sorts
        /// thousands of these keys each time a run is stored.
        public static func < (a: Self, b: Self) -> Bool {
            if a.scope3 != b.scope3 { return a.scope3 < b.scope3 }
            let (customerA, customerB) = (a.customer ?? "", b.customer ?? "")
            if customerA != customerB { return customerA < customerB }
            let (supplierA, supplierB) = (a.supplier ?? "", b.supplier ?? "")
            if supplierA != supplierB { return supplierA < supplierB }
            return (a.category ?? "") < (b.category ?? "")
        }
    }

    /// The pool-source cells in key order (`PoolSourceKey.<`), sorted as integers: each text is
    /// replaced by its rank among the distinct texts of its field (a few thousand customers and
    /// suppliers, sorted once), so that the thousands of cells are not sorted by comparing texts.
    public func poolSourcesInOrder() -> [(key: PoolSourceKey, value: Cell)] {
        func ranks(_ texts: some Sequence<String?>) -> [String: UInt64] {
            let distinct = Set(texts.lazy.map { $0 ?? "" }).sorted()
            return Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, UInt64($0.offset)) })
        }
        let entries = Array(poolSources)
        let customers = ranks(entries.lazy.map(\.key.customer))
        let suppliers = ranks(entries.lazy.map(\.key.supplier))
        let categories = ranks(entries.lazy.map(\.key.category))
        // 4 + 20 + 20 + 20 bits; past those sizes (never in practice), the texts themselves are compared.
        guard customers.count < 1 << 20, suppliers.count < 1 << 20, categories.count < 1 << 20,
            entries.allSatisfy({ (0...15).contains($0.key.scope3) })
        else {
            return entries.sorted { $0.key < $1.key }
        }
        let order = entries.indices.map { i -> (rank: UInt64, index: Int) in
            let key = entries[i].key
            let scope3 = UInt64(key.scope3)
            let rank =
                scope3 << 60 | customers[key.customer ?? "", default: 0] << 40 | suppliers[key.supplier ?? "", default: 0] << 20
                | categories[key.category ?? "", default: 0]
            return (rank, i)
        }
        .sorted { $0.rank < $1.rank }
        return order.map { entries[$0.index] }
    }

    /// The order in which an inventory's binary form lists its pool-source cells, kept by a process that
    /// stores one run after another (`binary(poolSourceOrder:)`): sorting them again costs more than
    /// checking that a run has the same cells.
    public struct PoolSourceOrder: Sendable {
        let keys: [PoolSourceKey]

        /// `aggregate`'s cells in this order; nil when it does not have exactly these cells. (The keys are
        /// distinct: as many as the inventory has, each found in it, are all of its cells.)
        func cells(of aggregate: InventoryAggregate) -> [(key: PoolSourceKey, value: Cell)]? {
            guard keys.count == aggregate.poolSources.count else { return nil }
            var cells: [(key: PoolSourceKey, value: Cell)] = []
            cells.reserveCapacity(keys.count)
            for key in keys {
                guard let cell = aggregate.poolSources[key] else { return nil }
                cells.append((key, cell))
            }
            return cells
        }
    }

    /// The JSON form of one `poolSources` cell.
    struct PoolSourceEntry: Codable {
        var scope3: Int
        var supplier: String?
        var category: String?
        var customer: String?
        var cell: Cell
    }

    /// Adds (`sign` 1) or subtracts (`sign` -1) another inventory's pool-source cells; an inventory
    /// added to one without them (`hasPoolSources` false) has none either.
    mutating func addPoolSources(_ other: InventoryAggregate, sign: Int) {
        guard other.hasPoolSources, hasPoolSources else {
            hasPoolSources = false
            poolSources = [:]
            return
        }
        for (key, cell) in other.poolSources {
            var c = poolSources[key] ?? Cell()
            c.add(cell, sign: sign)
            poolSources[key] = c.isZero ? nil : c
        }
    }
}
