/// The supplier-engagement KPIs of one inventory, from the suppliers' status facts as of now:
/// the share of emissions, lines and spend from suppliers with science-based targets set (the SBTi
/// supplier-engagement metric, emission-weighted), the primary-data share (supplier-specific and
/// hybrid emissions over all), suppliers per tier, and how many strategic suppliers are assessed.
///
/// The SBTi metric is given twice: over all the inventory, and exactly over Scope 3 Categories 1
/// and 2 (purchased goods and services, capital goods), from the supplier x Scope 3 category
/// grouping, so that a supplier whose lines span categories counts only with its Category 1 and 2
/// lines. Runs stored before that grouping have no Category 1 and 2 figures (`hasCategoryFigures`).
public struct EngagementKPIs: Sendable, Equatable {
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

    /// Whether the inventory has its supplier x Scope 3 category grouping (the `cat12` figures are zero when not).
    public var hasCategoryFigures: Bool
    /// Scope 3 Categories 1 and 2: emissions (nano-kg), lines (unmapped included) and spend per currency (10^-18 units).
    public var cat12NanoKg: Int128 = 0
    public var cat12Lines = 0
    public var cat12Spend: [CurrencyCode: Int128] = [:]
    /// Of those, from suppliers with targets set.
    public var targetsSetCat12NanoKg: Int128 = 0
    public var targetsSetCat12Lines = 0
    public var targetsSetCat12Spend: [CurrencyCode: Int128] = [:]

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
    /// 0...1 of Category 1 and 2 emissions from suppliers with targets set; nil without category figures or with zero or less.
    public var targetsSetCat12EmissionShare: Double? {
        hasCategoryFigures && cat12NanoKg > 0 ? Double(targetsSetCat12NanoKg) / Double(cat12NanoKg) : nil
    }
    /// Per currency, 0...1 of Category 1 and 2 spend from suppliers with targets set (currencies with zero total left out).
    public var targetsSetCat12SpendShare: [CurrencyCode: Double] {
        var shares: [CurrencyCode: Double] = [:]
        guard hasCategoryFigures else { return shares }
        for (currency, total) in cat12Spend where total != 0 { shares[currency] = Double(targetsSetCat12Spend[currency] ?? 0) / Double(total) }
        return shares
    }
    public var strategicNotAssessed: [String] {
        let assessed = Set(strategicAssessed)
        return strategic.filter { !assessed.contains($0) }
    }

    /// - Parameters:
    ///   - facts: status facts of every supplier (any order; each supplier's newest of each kind counts).
    ///   - tiers: supplier id -> tier, when suppliers were assessed.
    ///   - strategic: the strategic suppliers' ids.
    public init(aggregate: InventoryAggregate, facts: [SupplierStatusFact], tiers: [String: String] = [:], strategic: Set<String> = []) {
        self.init(
            aggregate: aggregate,
            latest: Dictionary(grouping: facts, by: \.supplier).mapValues { $0.latestByKind() },
            tiers: tiers,
            strategic: strategic
        )
    }

    /// - Parameter latest: per supplier, the newest fact of each kind (as `latestByKind()` gives them).
    public init(
        aggregate: InventoryAggregate,
        latest bySupplier: [String: [SupplierStatusKind: SupplierStatusFact]],
        tiers: [String: String] = [:],
        strategic: Set<String> = []
    ) {
        let total = aggregate.total
        totalNanoKg = total.totalNanoKg
        totalLines = total.totalLines
        totalSpend = total.spend
        primaryNanoKg = total.nanoKg[0] + total.nanoKg[1]
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
        hasCategoryFigures = aggregate.hasSupplierScope3
        if hasCategoryFigures {
            let scope3 = aggregate.cells(.scope3)
            for key in ["3.1", "3.2"] {
                guard let cell = scope3[key] else { continue }
                cat12NanoKg += cell.totalNanoKg
                cat12Lines += cell.totalLines
                for (currency, units) in cell.spend { cat12Spend[currency, default: 0] += units }
            }
            let withTargets = Set(targetsSetSuppliers)
            for (key, cell) in aggregate.cells(.supplierScope3) {
                guard let (category, supplier) = InventoryAggregate.splitSupplierScope3Key(key), category == 1 || category == 2,
                    withTargets.contains(supplier)
                else { continue }
                targetsSetCat12NanoKg += cell.totalNanoKg
                targetsSetCat12Lines += cell.totalLines
                for (currency, units) in cell.spend { targetsSetCat12Spend[currency, default: 0] += units }
            }
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
