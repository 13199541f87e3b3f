/// What the inventory does with the purchase lines of one category: the Scope 3 category they
/// count in, or their exclusion from the inventory with the reason (a reason is what the ledger's
/// reconciliation shows an auditor). `source` says where the rule comes from.
public struct CategoryRule: Sendable, Hashable {
    public var category: String
    /// The Scope 3 category of the category's lines (before a line's own flag); nil: the factor
    /// library's default for the category, else Category 1.
    public var scope3: Scope3Category?
    /// Why the category's lines are outside the inventory; nil when they are in it.
    public var exclusion: String?
    /// The category buys assets of a class that the company capitalises by a threshold: each line is
    /// Category 2 when one item costs at least the threshold, else Category 1 (expensed).
    public var capitalisation: CapitalisationThreshold?
    /// The category buys goods for resale: Category 1, and followed by the sold-products calculation.
    public var resale: Bool
    /// The factor category whose factors compute the category's lines (average-data and spend-based),
    /// when it is not the category itself: an account for goods for resale computed with `computers`'
    /// factors, for example. Nil: the category's own.
    public var factorCategory: String?
    /// Measured activity first: a line of the category with a quantity that an average-data factor can
    /// use is computed by that factor before the supplier's revenue intensity (hybrid) is tried.
    public var activityFirst: Bool
    /// `built-in`, or the file and line the rule was read from (`categories.csv:4`).
    public var source: String

    public init(
        category: String,
        scope3: Scope3Category? = nil,
        exclusion: String? = nil,
        capitalisation: CapitalisationThreshold? = nil,
        resale: Bool = false,
        factorCategory: String? = nil,
        activityFirst: Bool = false,
        source: String
    ) {
        self.category = category
        self.scope3 = scope3
        self.exclusion = exclusion
        self.capitalisation = capitalisation
        self.resale = resale
        self.factorCategory = factorCategory
        self.activityFirst = activityFirst
        self.source = source
    }
}
