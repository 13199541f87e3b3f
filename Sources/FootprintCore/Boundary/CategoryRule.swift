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
    /// `built-in`, or the file and line the rule was read from (`categories.csv:4`).
    public var source: String

    public init(category: String, scope3: Scope3Category? = nil, exclusion: String? = nil, source: String) {
        self.category = category
        self.scope3 = scope3
        self.exclusion = exclusion
        self.source = source
    }
}
