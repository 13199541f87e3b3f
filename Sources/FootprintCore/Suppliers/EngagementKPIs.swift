/// The supplier-engagement KPIs of one inventory, from the suppliers' status facts as of now:
/// the share of emissions, lines and spend from suppliers with science-based targets set (the SBTi
/// supplier-engagement metric, emission-weighted), the primary-data share (supplier-specific and
/// hybrid emissions over all), suppliers per tier, and how many strategic suppliers are assessed.
///
/// The SBTi metric is given over all the inventory, and exactly per Scope 3 category from the
/// supplier x Scope 3 category grouping (`byCategory`), so that over an engagement boundary
/// (`figures(_:)`: Category 1, Categories 1 and 2, all upstream) a supplier whose lines span
/// categories counts only with its lines inside it; the Category 1 and 2 sums are kept as fields. Runs stored before that grouping have no Category 1 and 2 figures (`hasCategoryFigures`).
public struct EngagementKPIs: Sendable, Equatable {
    /// The inventory's emissions, nano-kg, and its lines (unmapped included; they carry no kg).
    public var totalNanoKg: Int128
    public var totalLines: Int
    /// Spend of the inventory per currency, in 10^-18 units.
    public var totalSpend: [CurrencyCode: Int128]

    /// Suppliers of the inventory whose newest SBTi fact says "targets set", by id (own or inherited from a parent company).
    public var targetsSetSuppliers: [String]
    /// Of those, the ones whose targets are their parent company's: supplier id -> the ancestor whose status it inherits.
    public var inheritedTargets: [String: String] = [:]
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
    /// Per Scope 3 category (1...15) of the inventory, its figures: what any engagement boundary's
    /// figures are summed from. nil for snapshots stored before the boundary could be chosen (they
    /// kept the Category 1 and 2 sums only) and for inventories without category figures.
    public var byCategory: [Int: EngagementFigures]?

    /// Whom each line's emissions are credited to (`EngagementAttribution`; the rule is its `rule`).
    public var attribution: EngagementAttribution = .supplier
    /// With `.manufacturer`: the kg (nano-kg) moved from invoicing suppliers to manufacturers.
    public var movedToManufacturersNanoKg: Int128 = 0
    /// With `.manufacturer`: manufacturers credited with lines that are not in the supplier register
    /// (so without targets set), with the nano-kg credited to each, all Scope 3 categories.
    public var manufacturersNotInRegister: [String: Int128] = [:]

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
    /// The figures over `boundary`: summed from `byCategory`; for a snapshot stored before the boundary
    /// could be chosen, only Categories 1 and 2 (its sums); nil when the inventory has no category figures.
    public func figures(_ boundary: EngagementBoundary) -> EngagementFigures? {
        guard hasCategoryFigures else { return nil }
        if let byCategory {
            var sum = EngagementFigures()
            for category in boundary.categories { if let f = byCategory[category] { sum.add(f) } }
            return sum
        }
        guard boundary == .categories1And2 else { return nil }
        var f = EngagementFigures()
        f.nanoKg = cat12NanoKg
        f.lines = cat12Lines
        f.spend = cat12Spend
        f.targetsSetNanoKg = targetsSetCat12NanoKg
        f.targetsSetLines = targetsSetCat12Lines
        f.targetsSetSpend = targetsSetCat12Spend
        return f
    }

    /// Per Scope 3 category of `aggregate` (its supplier x category cross), the figures of all its lines
    /// and of the lines of the suppliers `targetsSet`.
    public static func categoryFigures(aggregate: InventoryAggregate, targetsSet: Set<String>) -> [Int: EngagementFigures] {
        categoryFigures(aggregate: aggregate, cross: aggregate.cells(.supplierScope3), targetsSet: targetsSet)
    }

    /// The same with the supplier x category cells `cross` (`AttributedCells.bySupplierScope3`): the
    /// totals per category are the inventory's whichever supplier the cells credit.
    public static func categoryFigures(
        aggregate: InventoryAggregate,
        cross: [String: InventoryAggregate.Cell],
        targetsSet: Set<String>
    ) -> [Int: EngagementFigures] {
        var categories: [Int: EngagementFigures] = [:]
        for (key, cell) in aggregate.cells(.scope3) {
            guard key.hasPrefix("3."), let category = Int(key.dropFirst(2)) else { continue }
            categories[category, default: EngagementFigures()].nanoKg += cell.totalNanoKg
            categories[category, default: EngagementFigures()].lines += cell.totalLines
            for (currency, units) in cell.spend { categories[category, default: EngagementFigures()].spend[currency, default: 0] += units }
        }
        for (key, cell) in cross {
            guard let (category, supplier) = InventoryAggregate.splitSupplierScope3Key(key), targetsSet.contains(supplier) else { continue }
            categories[category, default: EngagementFigures()].targetsSetNanoKg += cell.totalNanoKg
            categories[category, default: EngagementFigures()].targetsSetLines += cell.totalLines
            for (currency, units) in cell.spend { categories[category, default: EngagementFigures()].targetsSetSpend[currency, default: 0] += units }
        }
        return categories
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

    /// - Parameters:
    ///   - latest: per supplier, the newest fact of each kind (as `latestByKind()` gives them).
    ///   - attributed: the inventory's cells credited per an attribution (default: to the invoicing supplier).
    ///   - register: the ids of the supplier register, to name the manufacturers credited that are not in it.
    public init(
        aggregate: InventoryAggregate,
        latest bySupplier: [String: [SupplierStatusKind: SupplierStatusFact]],
        tiers: [String: String] = [:],
        strategic: Set<String> = [],
        attributed: AttributedCells? = nil,
        register: Set<String>? = nil
    ) {
        let cells = attributed ?? AttributedCells(aggregate: aggregate, attribution: .supplier)!
        attribution = cells.attribution
        movedToManufacturersNanoKg = cells.movedNanoKg
        if let register {
            for m in cells.manufacturers where !register.contains(m) { manufacturersNotInRegister[m] = cells.bySupplier[m]?.totalNanoKg ?? 0 }
        }
        let total = aggregate.total
        totalNanoKg = total.totalNanoKg
        totalLines = total.totalLines
        totalSpend = total.spend
        primaryNanoKg = total.nanoKg[0] + total.nanoKg[1]
        targetsSetSuppliers = []
        targetsSetNanoKg = 0
        targetsSetLines = 0
        targetsSetSpend = [:]
        for (id, cell) in cells.bySupplier.sorted(by: { $0.key < $1.key }) where bySupplier[id]?[.sbti]?.sbtiStatus == .targetsSet {
            targetsSetSuppliers.append(id)
            if let from = bySupplier[id]?[.sbti]?.inheritedFrom { inheritedTargets[id] = from }
            targetsSetNanoKg += cell.totalNanoKg
            targetsSetLines += cell.totalLines
            for (currency, units) in cell.spend { targetsSetSpend[currency, default: 0] += units }
        }
        hasCategoryFigures = aggregate.hasSupplierScope3
        if hasCategoryFigures {
            let categories = Self.categoryFigures(aggregate: aggregate, cross: cells.bySupplierScope3, targetsSet: Set(targetsSetSuppliers))
            byCategory = categories
            var cat12 = EngagementFigures()
            for category in 1...2 { if let f = categories[category] { cat12.add(f) } }
            cat12NanoKg = cat12.nanoKg
            cat12Lines = cat12.lines
            cat12Spend = cat12.spend
            targetsSetCat12NanoKg = cat12.targetsSetNanoKg
            targetsSetCat12Lines = cat12.targetsSetLines
            targetsSetCat12Spend = cat12.targetsSetSpend
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
