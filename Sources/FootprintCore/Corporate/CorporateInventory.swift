/// The corporate inventory of a reporting period: Scope 1, Scope 2 on both bases, and Scope 3 by
/// category, from the purchase ledger's inventory (`InventorySummary`) and the company's activity
/// data (`ActivityTotals`), within its organisational boundary. Scope 3 Category 3 adds the
/// activity's upstream emissions to the ledger lines placed in Category 3; Categories 6 and 7 add
/// travel and commuting data, Categories 5, 11 and 12 sold products and take-back (`otherScope3Kg`).
public struct CorporateInventory: Sendable {
    public var boundary: OrganisationalBoundary
    public var purchases: InventorySummary
    /// Nil when the company gave no activity data: Scope 1 and 2 are then unknown, not zero.
    public var activity: ActivityTotals?
    /// Scope 3 from other activity data than the ledger's lines: Category 6 from a travel agency's
    /// report, Category 7 from a commuting survey, Categories 11 and 12 from sales, 5 and 12 from the
    /// return programme (kg CO2e by category).
    public var otherScope3Kg: [Scope3Category: Double]

    public init(
        boundary: OrganisationalBoundary,
        purchases: InventorySummary,
        activity: ActivityTotals?,
        otherScope3Kg: [Scope3Category: Double] = [:]
    ) {
        self.boundary = boundary
        self.purchases = purchases
        self.activity = activity
        self.otherScope3Kg = otherScope3Kg
    }

    /// The capitalisation thresholds that placed the ledger's lines in Category 2 or 1, with the ledger
    /// categories of each, and the categories of goods bought for resale (`describeRules`).
    public var capitalisation: [(threshold: CapitalisationThreshold, categories: [String])] = []
    public var resaleCategories: [String] = []
    /// The suppliers' disclosures the hybrid method did not use because they report no upstream Scope 3
    /// (`InventoryEngine.disclosuresWithoutUpstreamScope3`): their lines went to the next method.
    public var disclosuresWithoutUpstreamScope3: [SupplierDisclosure] = []

    /// Records what the boundary's category rules did to this inventory's ledger categories: the
    /// thresholds applied and the categories of goods for resale, shown in every report.
    public mutating func describeRules(_ inventoryBoundary: InventoryBoundary) {
        let categories = Array(purchases.kgByCategory.keys)
        capitalisation = inventoryBoundary.capitalisationPolicy(of: categories)
        resaleCategories = categories.filter { inventoryBoundary.rules.rule(for: $0)?.resale == true }.sorted()
    }

    /// The kg of the lines of goods bought for resale (part of Category 1, or of the category a line's
    /// own flag gives).
    public var resaleKg: Double {
        var sum = CompensatedSum()
        for c in resaleCategories { sum.add(purchases.kgByCategory[c]?.value ?? 0) }
        return sum.value
    }

    public var period: ReportingPeriod? { purchases.period }

    /// One Scope 3 category's figure and where it comes from.
    public struct Scope3Row: Sendable {
        public var category: Scope3Category
        public var purchasesKg: Double
        public var activityKg: Double
        public var kg: Double { purchasesKg + activityKg }
        /// The company's reason for not reporting the category, when it gives one.
        public var exclusion: String?
        /// The ledger part by method.
        public var methodsKg: [CalculationMethod: Double] = [:]
        /// Share of the category's figure from supplier data (supplier-specific and hybrid ledger lines),
        /// and from the company's own activity data (Categories 3, 6 and 7), 0...1.
        public var supplierDataShare: Double {
            let supplier = (methodsKg[.supplierSpecific] ?? 0) + (methodsKg[.hybrid] ?? 0)
            return kg == 0 ? 0 : supplier / kg
        }
        public var activityShare: Double { kg == 0 ? 0 : activityKg / kg }

        /// `supplier-specific 52%, hybrid 9%, spend-based 39%; activity data 10%`: the category's method mix.
        public var methodMix: String {
            guard kg != 0 else { return "" }
            var parts = CalculationMethod.allCases.compactMap { m -> String? in
                guard let v = methodsKg[m], v != 0 else { return nil }
                return "\(m.name) \(InventorySummary.percent(v / kg))"
            }
            if activityKg != 0 { parts.append("activity data \(InventorySummary.percent(activityKg / kg))") }
            return parts.joined(separator: ", ")
        }
    }

    public var scope3Rows: [Scope3Row] {
        Scope3Category.allCases.map { c in
            Scope3Row(
                category: c,
                purchasesKg: purchases.kgByScope3[c]?.value ?? 0,
                activityKg: (c == .fuelAndEnergyRelatedActivities ? activity?.category3Kg ?? 0 : 0) + (otherScope3Kg[c] ?? 0),
                exclusion: boundary.excludedScope3[c],
                methodsKg: (purchases.kgByScope3Method[c] ?? [:]).mapValues(\.value)
            )
        }
    }

    public var scope1Kg: Double? { activity?.scope1Kg }
    public var scope2LocationKg: Double? { activity?.scope2LocationKg }
    public var scope2MarketKg: Double? { activity?.scope2MarketKg }

    /// The ledger's Scope 3 sums (unrounded) and the activity figures: the ledger part equals the
    /// ledger's total to the last bit, however its categories round.
    public var scope3Kg: Double {
        var sum = CompensatedSum()
        for row in scope3Rows {
            if let ledger = purchases.kgByScope3[row.category] { sum.add(ledger) }
            sum.add(row.activityKg)
        }
        return sum.value
    }

    /// Scope 1 + 2 + 3 with Scope 2 on one basis; Scope 1 and 2 count as 0 without activity data.
    public func totalKg(marketBased: Bool) -> Double {
        let scope2 = (marketBased ? scope2MarketKg : scope2LocationKg) ?? 0
        return (scope1Kg ?? 0) + scope2 + scope3Kg
    }

    /// Scope 3's share of the total, 0...1, with Scope 2 on one basis.
    public func scope3Share(marketBased: Bool) -> Double {
        let total = totalKg(marketBased: marketBased)
        return total == 0 ? 0 : scope3Kg / total
    }

    /// The sentence the company publishes: `Scope 3 is 97.9% of the total (...)`.
    public var scope3Sentence: String {
        guard activity != nil else {
            return
                "Scope 3 is \(InventorySummary.tonnes(scope3Kg)) t CO2e; no Scope 1 and 2 activity data was given, so its share of the total is not known."
        }
        return "Scope 3 is \(InventorySummary.percent(scope3Share(marketBased: true))) of the total with Scope 2 market-based "
            + "(\(InventorySummary.percent(scope3Share(marketBased: false))) with Scope 2 location-based)."
    }
}
