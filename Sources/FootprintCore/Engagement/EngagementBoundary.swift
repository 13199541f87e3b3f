/// The Scope 3 categories an SBTi supplier-engagement target covers, chosen when the target is set:
/// SBTi's guidance names Category 1, Categories 1 and 2, or all upstream categories.
public enum EngagementBoundary: String, Sendable, Hashable, Codable, CaseIterable {
    /// Category 1, purchased goods and services.
    case category1 = "category-1"
    /// Categories 1 and 2, purchased goods and services and capital goods (the boundary before it could be chosen).
    case categories1And2 = "categories-1-2"
    /// Categories 1 to 8, every upstream category.
    case upstream

    /// The Scope 3 category numbers inside the boundary.
    public var categories: ClosedRange<Int> {
        switch self {
        case .category1: 1...1
        case .categories1And2: 1...2
        case .upstream: 1...8
        }
    }

    /// `Category 1`, `Categories 1 and 2`, `Categories 1-8 (upstream)`.
    public var label: String {
        switch self {
        case .category1: "Category 1"
        case .categories1And2: "Categories 1 and 2"
        case .upstream: "Categories 1-8 (upstream)"
        }
    }
}

/// The figures of a set of Scope 3 categories: all of them, and those of suppliers with targets set.
public struct EngagementFigures: Sendable, Hashable {
    /// Emissions, nano-kg; lines (unmapped included); spend per currency, 10^-18 units.
    public var nanoKg: Int128 = 0
    public var lines = 0
    public var spend: [CurrencyCode: Int128] = [:]
    /// Of those, from suppliers whose newest SBTi fact (own or inherited) says targets set.
    public var targetsSetNanoKg: Int128 = 0
    public var targetsSetLines = 0
    public var targetsSetSpend: [CurrencyCode: Int128] = [:]

    public init() {}

    /// 0...1 of the emissions from suppliers with targets set; nil when the emissions are zero or less.
    public var emissionShare: Double? { nanoKg > 0 ? Double(targetsSetNanoKg) / Double(nanoKg) : nil }

    /// Per currency, 0...1 of the spend from suppliers with targets set (currencies with zero total left out).
    public var spendShare: [CurrencyCode: Double] {
        var shares: [CurrencyCode: Double] = [:]
        for (currency, total) in spend where total != 0 { shares[currency] = Double(targetsSetSpend[currency] ?? 0) / Double(total) }
        return shares
    }

    /// Adds another set of categories' figures.
    public mutating func add(_ other: EngagementFigures) {
        nanoKg += other.nanoKg
        lines += other.lines
        for (c, v) in other.spend { spend[c, default: 0] += v }
        targetsSetNanoKg += other.targetsSetNanoKg
        targetsSetLines += other.targetsSetLines
        for (c, v) in other.targetsSetSpend { targetsSetSpend[c, default: 0] += v }
    }
}
