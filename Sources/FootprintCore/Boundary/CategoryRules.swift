/// The rules by category that say which purchase lines are in the inventory, in which Scope 3
/// category, and which are excluded and why (docs/inventory.md).
///
/// A line's Scope 3 category is, first to apply: the line's own flag (`scope3_category`), the
/// category's rule, the factor library's default for the category, Category 1. A line whose
/// category has an exclusion is left out of the inventory (whatever its flag) and counted, with
/// its spend, under the exclusion's reason, so that the ledger's total is reconciled.
public struct CategoryRules: Sendable, Equatable {
    public private(set) var byCategory: [String: CategoryRule] = [:]

    public init(_ rules: [CategoryRule] = []) {
        for rule in rules { byCategory[rule.category] = rule }
    }

    /// These rules with `overrides` taking the place of a rule for the same category.
    public func merging(_ overrides: [CategoryRule]) -> CategoryRules {
        var merged = self
        for rule in overrides { merged.byCategory[rule.category] = rule }
        return merged
    }

    public func rule(for category: String) -> CategoryRule? { byCategory[category] }

    /// The factor categories whose lines try measured activity data before the hybrid method
    /// (`CategoryRule.activityFirst`), for `ReferenceData.activityFirstCategories`.
    public var activityFirstFactorCategories: Set<String> {
        Set(byCategory.values.filter(\.activityFirst).map { $0.factorCategory ?? $0.category })
    }

    /// The exclusion reason of `category`'s lines, or nil when they are in the inventory.
    public func exclusion(for category: String) -> String? { byCategory[category]?.exclusion }

    /// The rules every workspace and data folder starts from: the ledger's categories that are not
    /// purchases of goods and services, excluded with the reason an auditor expects. A company's
    /// own `categories.csv` adds to them and takes their place category by category; an ERP mapping
    /// maps its accounts onto these categories.
    public static let builtIn = CategoryRules(
        [
            (
                "payroll",
                "personnel costs (salaries, pensions, social security): not purchased goods or services; employees' own travel and commuting are Categories 6 and 7"
            ),
            ("taxes-and-duties", "taxes, duties and public fees: payments to authorities, not purchases of goods or services"),
            (
                "depreciation",
                "depreciation and amortisation: an accounting allocation of assets already counted in full in the year they were bought (Category 2)"
            ),
            (
                "financial-items",
                "interest, currency effects and other financial items: no goods or services bought; investments are Category 15, reported apart"
            ),
            (
                "intra-group",
                "purchases from entities inside the organisational boundary: their emissions are in the group's own Scope 1, 2 and 3 already"
            ),
            (
                "own-energy",
                "energy used in the company's own operations: counted in Scope 1 or 2 through its fuel quantities and kWh (activity data), not as a purchase"
            ),
        ].map { CategoryRule(category: $0.0, exclusion: $0.1, source: "built-in") }
    )
}
