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
        /// library's default, else Category 1.
        public var scope3: Scope3Category

        public init(exclusion: String?, scope3: Scope3Category) {
            self.exclusion = exclusion
            self.scope3 = scope3
        }
    }

    /// The treatment of `category`'s lines.
    public func treatment(of category: String) -> Treatment {
        Treatment(
            exclusion: rules.exclusion(for: category),
            scope3: rules.scope3(for: category, flag: nil, libraryDefault: scope3Defaults[category])
        )
    }

    /// The Scope 3 category of a computed line of `category` flagged `flag` (nil when not flagged):
    /// `CategoryRules.scope3(for:flag:libraryDefault:)` with the library's default.
    public func scope3(for category: String, flag: Scope3Category?) -> Scope3Category {
        rules.scope3(for: category, flag: flag, libraryDefault: scope3Defaults[category])
    }

    /// The first and last day (YYYYMMDD) a line may be dated to be in the inventory: the period's,
    /// or every date when there is none, so that the test is always two integer compares.
    public var dateBounds: (first: Int32, last: Int32) {
        period.map { ($0.start, $0.end) } ?? (Int32.min, Int32.max)
    }
}
