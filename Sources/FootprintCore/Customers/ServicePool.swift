/// How a pool's emissions are shared among the customers of its service.
public enum AllocationKey: String, Sendable, Hashable, CaseIterable, Codable {
    /// In proportion to the quantity used (service_usage.csv `quantity`), the default.
    case usage
    /// In proportion to the revenue (service_usage.csv `revenue`).
    case revenue
}

/// One row's selector of a pool (service_pools.csv): every field given must match a line; nil
/// matches any value.
public struct PoolSelector: Sendable, Hashable {
    /// 1, 2 or 3.
    public var scope: Int?
    /// 1 to 15, with Scope 3 (or no scope).
    public var scope3Category: Int?
    public var supplier: String?
    /// The ledger category (GL account).
    public var category: String?
    /// A site of sites.csv (Scope 1 and 2 activity).
    public var site: String?
    /// The service life (years) of the hardware this row selects: service footprints spread its
    /// purchases over that many periods, straight-line (the inventory counts them in full when bought).
    public var serviceLifeYears: Int?
    /// The row that gives the selector.
    public var location: SourceLocation?

    public init(
        scope: Int? = nil,
        scope3Category: Int? = nil,
        supplier: String? = nil,
        category: String? = nil,
        site: String? = nil,
        serviceLifeYears: Int? = nil,
        location: SourceLocation? = nil
    ) {
        self.serviceLifeYears = serviceLifeYears
        self.scope = scope
        self.scope3Category = scope3Category
        self.supplier = supplier
        self.category = category
        self.site = site
        self.location = location
    }

    /// True when no field is given (such a selector would take everything; the reader refuses it).
    public var isEmpty: Bool { scope == nil && scope3Category == nil && supplier == nil && category == nil && site == nil }

    /// True when every field given equals the line's.
    public func matches(scope: Int?, scope3Category: Int?, supplier: String?, category: String?, site: String?) -> Bool {
        if let s = self.scope, s != scope { return false }
        if let c = self.scope3Category, c != scope3Category { return false }
        if let s = self.supplier, s != supplier { return false }
        if let c = self.category, c != category { return false }
        if let s = self.site, s != site { return false }
        return true
    }

    /// `scope 3, supplier 'SUP-0002'`: the fields given, for messages.
    public var text: String {
        var parts: [String] = []
        if let scope { parts.append("scope \(scope)") }
        if let scope3Category { parts.append("Scope 3 category \(scope3Category)") }
        if let supplier { parts.append("supplier '\(supplier)'") }
        if let category { parts.append("category '\(category)'") }
        if let site { parts.append("site '\(site)'") }
        return parts.joined(separator: ", ")
    }

    /// The selector without its location: two selectors with the same key select the same lines.
    public var key: PoolSelector { PoolSelector(scope: scope, scope3Category: scope3Category, supplier: supplier, category: category, site: site) }
}

/// Emissions of the inventory that feed one service's platform (service_pools.csv): the lines any of
/// its selectors match, shared among the service's customers by `key`.
public struct ServicePool: Sendable, Hashable {
    public var id: String
    /// The service's id (services.csv).
    public var service: String
    public var key: AllocationKey
    /// The platform's capacity per month in the service's unit; the unsold part of a month's capacity
    /// stays with the company. Nil: all of it is sold.
    public var capacityPerMonth: Double?
    public var capacityPerMonthText: String?
    /// Alternatives: a line belongs to the pool when any of them matches.
    public var selectors: [PoolSelector]

    public init(
        id: String,
        service: String,
        key: AllocationKey = .usage,
        capacityPerMonth: Double? = nil,
        capacityPerMonthText: String? = nil,
        selectors: [PoolSelector]
    ) {
        self.id = id
        self.service = service
        self.key = key
        self.capacityPerMonth = capacityPerMonth
        self.capacityPerMonthText = capacityPerMonthText ?? capacityPerMonth.map { "\($0)" }
        self.selectors = selectors
    }

    /// True when any selector matches the line.
    public func matches(scope: Int?, scope3Category: Int?, supplier: String?, category: String?, site: String?) -> Bool {
        selectors.contains { $0.matches(scope: scope, scope3Category: scope3Category, supplier: supplier, category: category, site: site) }
    }

    /// The service life of the first row that matches, if it gives one.
    public func serviceLife(scope: Int?, scope3Category: Int?, supplier: String?, category: String?, site: String?) -> Int? {
        selectors.first { $0.matches(scope: scope, scope3Category: scope3Category, supplier: supplier, category: category, site: site) }?
            .serviceLifeYears
    }

    /// Whether a row gives a service life.
    public var spreadsHardware: Bool { selectors.contains { $0.serviceLifeYears != nil } }
}
