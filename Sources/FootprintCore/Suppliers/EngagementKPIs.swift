/// The supplier-engagement KPIs of one inventory, from the suppliers' status facts as of now:
/// the share of emissions, lines and spend from suppliers with science-based targets set (the SBTi
/// supplier-engagement metric, emission-weighted), the primary-data share (supplier-specific and
/// hybrid emissions over all), suppliers per tier, and how many strategic suppliers are assessed.
///
/// Like the segmentation, shares are over all the inventory's emissions: the inventory has no
/// supplier x Scope 3 category cross-table (docs/suppliers.md).
public struct EngagementKPIs: Sendable {
    /// The inventory's emissions, nano-kg, and its lines (unmapped included; they carry no kg).
    public var totalNanoKg: Int128
    public var totalLines: Int
    /// Spend of the inventory per currency, in 10^-18 units.
    public var totalSpend: [CurrencyCode: Int128]

    /// Suppliers of the inventory whose newest SBTi fact says "targets set", by id.
    public var targetsSetSuppliers: [String]
    public var targetsSetNanoKg: Int128
    public var targetsSetLines: Int
    public var targetsSetSpend: [CurrencyCode: Int128]

    /// Supplier-specific and hybrid emissions, nano-kg.
    public var primaryNanoKg: Int128

    /// Suppliers per assessment tier; empty when no assessments were given.
    public var suppliersPerTier: [String: Int]

    /// Strategic suppliers (flagged in the register or in the segmentation's strategic set), by id.
    public var strategic: [String]
    /// Those with at least one status fact.
    public var strategicAssessed: [String]
    /// Of the assessed strategic suppliers, the oldest of their newest `checkedOn` dates: everything is at least this recent.
    public var oldestCheck: String?
    /// And the newest.
    public var newestCheck: String?

    public var totalKg: Double { Double(totalNanoKg) / 1e9 }
    public var targetsSetKg: Double { Double(targetsSetNanoKg) / 1e9 }
    public var primaryKg: Double { Double(primaryNanoKg) / 1e9 }
    /// 0...1; nil when the inventory's emissions are zero or less.
    public var targetsSetEmissionShare: Double? { totalNanoKg > 0 ? Double(targetsSetNanoKg) / Double(totalNanoKg) : nil }
    /// 0...1; nil when there are no lines.
    public var targetsSetLineShare: Double? { totalLines > 0 ? Double(targetsSetLines) / Double(totalLines) : nil }
    /// Per currency, 0...1 (currencies with zero total spend are left out).
    public var targetsSetSpendShare: [CurrencyCode: Double] {
        var shares: [CurrencyCode: Double] = [:]
        for (currency, total) in totalSpend where total != 0 { shares[currency] = Double(targetsSetSpend[currency] ?? 0) / Double(total) }
        return shares
    }
    public var primaryDataShare: Double? { totalNanoKg > 0 ? Double(primaryNanoKg) / Double(totalNanoKg) : nil }
    public var strategicNotAssessed: [String] { strategic.filter { !Set(strategicAssessed).contains($0) } }

    /// - Parameters:
    ///   - facts: status facts of every supplier (any order; each supplier's newest of each kind counts).
    ///   - tiers: supplier id -> tier, when suppliers were assessed.
    ///   - strategic: the strategic suppliers' ids.
    public init(aggregate: InventoryAggregate, facts: [SupplierStatusFact], tiers: [String: String] = [:], strategic: Set<String> = []) {
        let total = aggregate.total
        totalNanoKg = total.totalNanoKg
        totalLines = total.totalLines
        totalSpend = total.spend
        primaryNanoKg = total.nanoKg[0] + total.nanoKg[1]
        let bySupplier = Dictionary(grouping: facts, by: \.supplier).mapValues { $0.latestByKind() }
        targetsSetSuppliers = []
        targetsSetNanoKg = 0
        targetsSetLines = 0
        targetsSetSpend = [:]
        for (id, cell) in aggregate.cells(.supplier).sorted(by: { $0.key < $1.key }) where bySupplier[id]?[.sbti]?.sbtiStatus == .targetsSet {
            targetsSetSuppliers.append(id)
            targetsSetNanoKg += cell.totalNanoKg
            targetsSetLines += cell.totalLines
            for (currency, units) in cell.spend { targetsSetSpend[currency, default: 0] += units }
        }
        var perTier: [String: Int] = [:]
        for tier in tiers.values { perTier[tier, default: 0] += 1 }
        suppliersPerTier = perTier
        self.strategic = strategic.sorted()
        var assessed: [String] = []
        var checks: [String] = []
        for id in self.strategic {
            guard let latest = bySupplier[id], let newest = latest.values.map(\.checkedOn).max() else { continue }
            assessed.append(id)
            checks.append(newest)
        }
        strategicAssessed = assessed
        oldestCheck = checks.min()
        newestCheck = checks.max()
    }
}
