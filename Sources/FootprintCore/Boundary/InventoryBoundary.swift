/// What is in a calculation's inventory before any method is tried (docs/inventory.md): the reporting
/// period, the category rules and the factor library's Scope 3 defaults. Each line meets them in this
/// order: a line dated outside the period is counted as outside it; else a line whose category is
/// excluded is counted under the exclusion's reason; else the method hierarchy computes it, and its kg
/// count in its Scope 3 category.
///
/// The rules are resolved once per category (`treatment(of:)`), so that a ledger's hot path does two
/// integer compares for the period and one table read for the category.
public struct InventoryBoundary: Sendable {
    /// The reporting period; nil when every line counts, whatever its date.
    public var period: ReportingPeriod?
    /// The rules by category: `CategoryRules.builtIn` merged with a company's own.
    public var rules: CategoryRules
    /// The factor library's Scope 3 category per factor category (`scope3_category` of factors.csv).
    public var scope3Defaults: [String: Scope3Category]

    public init(period: ReportingPeriod? = nil, rules: CategoryRules = .builtIn, scope3Defaults: [String: Scope3Category] = [:]) {
        self.period = period
        self.rules = rules
        self.scope3Defaults = scope3Defaults
    }

    /// What the boundary does with the lines of one category.
    public struct Treatment: Sendable, Hashable {
        /// Why the category's lines are left out; nil when they are in the inventory.
        public var exclusion: String?
        /// The Scope 3 category of a computed line that has no flag of its own: the rule's, else the
        /// library's default, else Category 1. With a capitalisation threshold, Category 2 (the
        /// category's type); `scope3(flag:line:countsItems:engine:)` decides line by line.
        public var scope3: Scope3Category
        /// The threshold that places each line in Category 2 (capitalised) or 1 (expensed).
        public var capitalisation: CapitalisationThreshold?

        public init(exclusion: String?, scope3: Scope3Category, capitalisation: CapitalisationThreshold? = nil) {
            self.exclusion = exclusion
            self.scope3 = scope3
            self.capitalisation = capitalisation
        }

        /// The Scope 3 category (1...15) of a computed line of this category, the one rule every path
        /// applies: the line's own flag (`flag` 1...15; 0 when not flagged); else, when the category's
        /// purchases are capitalised by a threshold, 2 when one item costs at least the threshold and 1
        /// when it is expensed (`CapitalisationThreshold.capitalises`); else the category's `scope3`.
        @inline(__always)
        public func scope3(flag: Int, line: LedgerLine, countsItems: Bool, engine: InventoryEngine) -> Int {
            if flag > 0 { return flag }
            guard let capitalisation else { return scope3.rawValue }
            return capitalisation.capitalises(line, countsItems: countsItems, engine: engine) ? 2 : 1
        }

        /// `scope3` when it does not depend on the line, else 0: a hot path's fast answer before it calls
        /// `scope3(flag:line:countsItems:engine:)`.
        public var fixedScope3: UInt8 { capitalisation == nil ? UInt8(scope3.rawValue) : 0 }
    }

    /// The treatment of `category`'s lines. A category whose lines are Category 2 by the factor
    /// library's default alone (`computers` in the built-in library) is capitalised by the default
    /// threshold (`defaultCapitalisation`): a laptop the company expenses is Category 1, not 2. A rule
    /// that places the category in Category 2 explicitly is the accounts' decision and is kept.
    public func treatment(of category: String) -> Treatment {
        let rule = rules.rule(for: category)
        if let exclusion = rule?.exclusion { return Treatment(exclusion: exclusion, scope3: .purchasedGoodsAndServices) }
        if let capitalisation = rule?.capitalisation { return Treatment(exclusion: nil, scope3: .capitalGoods, capitalisation: capitalisation) }
        if let scope3 = rule?.scope3 { return Treatment(exclusion: nil, scope3: scope3) }
        if rule?.resale == true { return Treatment(exclusion: nil, scope3: .purchasedGoodsAndServices) }
        let libraryDefault = scope3Defaults[factorCategory(of: category)] ?? .purchasedGoodsAndServices
        guard libraryDefault == .capitalGoods else { return Treatment(exclusion: nil, scope3: libraryDefault) }
        return Treatment(exclusion: nil, scope3: .capitalGoods, capitalisation: Self.defaultCapitalisation(category))
    }

    /// The factor category whose factors compute `category`'s lines: the rule's `factorCategory`, else the category.
    public func factorCategory(of category: String) -> String {
        rules.rule(for: category)?.factorCategory ?? category
    }

    /// The threshold of a category that is capital goods by the factor library's default: Norway's,
    /// one asset class for all of them.
    public static func defaultCapitalisation(_ category: String) -> CapitalisationThreshold {
        .norwegian(assetClass: "capital goods by the factor library's default")
    }

    /// The capitalisation thresholds that apply to `categories` (those a ledger uses), one per asset
    /// class and threshold, with the categories they apply to: what a report shows of the policy.
    public func capitalisationPolicy(of categories: [String]) -> [(threshold: CapitalisationThreshold, categories: [String])] {
        var result: [(threshold: CapitalisationThreshold, categories: [String])] = []
        for category in categories.sorted() {
            guard let threshold = treatment(of: category).capitalisation else { continue }
            if let i = result.firstIndex(where: { $0.threshold == threshold }) {
                result[i].categories.append(category)
            } else {
                result.append((threshold, [category]))
            }
        }
        return result
    }

    /// The first and last day (YYYYMMDD) a line may be dated to be in the inventory: the period's,
    /// or every date when there is none, so that the test is always two integer compares.
    public var dateBounds: (first: Int32, last: Int32) {
        period.map { ($0.start, $0.end) } ?? (Int32.min, Int32.max)
    }
}
