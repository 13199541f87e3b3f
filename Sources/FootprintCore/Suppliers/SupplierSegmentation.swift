/// Suppliers ranked by their emissions in one inventory, and the strategic set: the smallest set of
/// suppliers, largest first, whose emissions cover a share (default 80%) of the inventory's.
///
/// Coverage is over all the inventory's emissions, every Scope 3 category: an approximation of
/// "purchased goods and services" that docs/suppliers.md states (the run's supplier x category
/// grouping would make it exact; the engagement KPIs use it for Categories 1 and 2).
public struct SupplierSegmentation: Sendable {
    /// One supplier of the inventory.
    public struct Entry: Sendable, Equatable {
        /// 1 for the largest emitter.
        public var rank: Int
        public var supplier: String
        /// From the register; nil when the supplier is not in it.
        public var name: String?
        /// Marked strategic in the register.
        public var flaggedStrategic: Bool
        /// In the strategic set.
        public var inStrategicSet: Bool
        /// Lines and nano-kg per method: 0 supplier-specific, 1 hybrid, 2 average-data, 3 spend-based, 4 unmapped.
        public var lines: [Int]
        public var nanoKg: [Int128]
        /// Spend per currency, in 10^-18 units.
        public var spend: [CurrencyCode: Int128]
        /// Running total of emissions from rank 1 to this one, nano-kg.
        public var cumulativeNanoKg: Int128

        public var totalNanoKg: Int128 { nanoKg.reduce(0, +) }
        public var kg: Double { Double(totalNanoKg) / 1e9 }
        public func kg(method index: Int) -> Double { Double(nanoKg[index]) / 1e9 }
        /// What would move from estimates to supplier data if the supplier delivered: its average-data and spend-based nano-kg.
        public var movableNanoKg: Int128 { nanoKg[2] + nanoKg[3] }
        public var movableKg: Double { Double(movableNanoKg) / 1e9 }
    }

    /// The coverage asked for, in percent.
    public var coverage: Double
    /// The inventory's emissions, nano-kg.
    public var totalNanoKg: Int128
    /// Largest first; ties by supplier id.
    public var entries: [Entry]

    public var totalKg: Double { Double(totalNanoKg) / 1e9 }
    public var strategicSet: [Entry] { entries.filter(\.inStrategicSet) }
    public var strategicNanoKg: Int128 { strategicSet.map(\.totalNanoKg).reduce(0, +) }
    /// Share (0...1) of the inventory's emissions the strategic set covers; nil for an inventory of zero or less.
    public var strategicShare: Double? { totalNanoKg > 0 ? Double(strategicNanoKg) / Double(totalNanoKg) : nil }

    /// Ranks the suppliers of `aggregate` and marks the strategic set covering `coverage` percent
    /// (0...100) of `aggregate.total`. Suppliers with equal emissions are ranked by id, so the set is
    /// deterministic; suppliers with zero or negative emissions (credit notes) never enter it.
    public init(aggregate: InventoryAggregate, register: [SupplierRecord], coverage: Double = 80) {
        self.coverage = coverage
        totalNanoKg = aggregate.total.totalNanoKg
        let records = Dictionary(register.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ranked = aggregate.cells(.supplier).sorted { a, b in
            let x = a.value.totalNanoKg
            let y = b.value.totalNanoKg
            return x != y ? x > y : a.key < b.key
        }
        // Exact: cumulative x 100,000 >= total x coverage in thousandths of a percent.
        let milli = Int128((max(0, min(100, coverage)) * 1000).rounded())
        let target = totalNanoKg * milli
        var cumulative: Int128 = 0
        var covered = target <= 0 || totalNanoKg <= 0
        entries = []
        for (index, (id, cell)) in ranked.enumerated() {
            cumulative += cell.totalNanoKg
            let inSet = !covered && cell.totalNanoKg > 0
            if inSet, cumulative * 100_000 >= target { covered = true }
            entries.append(
                Entry(
                    rank: index + 1,
                    supplier: id,
                    name: records[id]?.name,
                    flaggedStrategic: records[id]?.strategic ?? false,
                    inStrategicSet: inSet,
                    lines: cell.lines,
                    nanoKg: cell.nanoKg,
                    spend: cell.spend,
                    cumulativeNanoKg: cumulative
                )
            )
        }
    }
}
