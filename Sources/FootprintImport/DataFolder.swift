public import FootprintCore

/// The reference files of a data folder (`calculate --data DIR`), read by `ReferenceDataReader.readFolder`:
/// what the engine needs, and what decides which lines are in the inventory and in which Scope 3 category.
public struct DataFolder: Sendable {
    public var reference: ReferenceData
    /// factors.csv's `scope3_category` per category (empty when the column is absent).
    public var scope3Defaults: [String: Scope3Category]
    /// categories.csv's rules, in file order (empty when the file is absent).
    public var categoryRules: [CategoryRule]
    /// customers.csv, services.csv, service_pools.csv and service_usage.csv (empty when absent; docs/customers.md).
    public var customers: CustomerData

    public init(
        reference: ReferenceData,
        scope3Defaults: [String: Scope3Category] = [:],
        categoryRules: [CategoryRule] = [],
        customers: CustomerData = CustomerData()
    ) {
        self.reference = reference
        self.scope3Defaults = scope3Defaults
        self.categoryRules = categoryRules
        self.customers = customers
    }

    /// The folder's inventory boundary for `period`: `CategoryRules.builtIn` with categories.csv's
    /// rules taking the place of a built-in rule for the same category, and factors.csv's defaults.
    public func boundary(period: ReportingPeriod?) -> InventoryBoundary {
        InventoryBoundary(period: period, rules: CategoryRules.builtIn.merging(categoryRules), scope3Defaults: scope3Defaults)
    }
}
