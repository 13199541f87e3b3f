public import FootprintCore
import Foundation

/// What a data folder says about the company beyond its ledger: `company.json` (the boundary) and
/// the activity files (docs/activity.md). Both optional: without `company.json` the boundary is the
/// default (operational control, calendar year); without activity files Scope 1 and 2 are unknown.
public struct CorporateData: Sendable {
    public var boundary: OrganisationalBoundary
    /// Whether the folder has a `company.json`.
    public var hasProfile: Bool
    public var activity: ActivityData
    /// Business travel (Category 6) and commuting (Category 7) data (docs/travel-and-commuting.md).
    public var travel: TravelData
    /// Sold products and take-back, leased equipment and avoided emissions: Categories 11, 12, 5 and 13,
    /// and the avoided emissions reported apart (docs/downstream.md).
    public var downstream: DownstreamData

    public init(
        boundary: OrganisationalBoundary = OrganisationalBoundary(),
        hasProfile: Bool = false,
        activity: ActivityData = ActivityData(),
        travel: TravelData = TravelData(),
        downstream: DownstreamData = DownstreamData()
    ) {
        self.boundary = boundary
        self.hasProfile = hasProfile
        self.activity = activity
        self.travel = travel
        self.downstream = downstream
    }

    /// Whether any file gives activity, travel, commuting, sales or returns data.
    public var hasActivity: Bool {
        !activity.isEmpty || travel.trips != nil || travel.survey != nil || !downstream.isEmpty || downstream.avoided != nil
    }

    /// Reads the folder's `company.json` and activity files; every problem of every file is reported.
    public static func read(directory: String) throws(InputError) -> CorporateData {
        var data = CorporateData()
        var diagnostics: [Diagnostic] = []
        let profile = (directory as NSString).appendingPathComponent(CompanyProfileReader.fileName)
        if FileManager.default.fileExists(atPath: profile) {
            do {
                data.boundary = try CompanyProfileReader.read(path: profile)
                data.hasProfile = true
            } catch { diagnostics += error.diagnostics }
        }
        do { data.activity = try ActivityDataReader.read(directory: directory) } catch { diagnostics += error.diagnostics }
        do { data.travel = try TravelDataReader.read(directory: directory) } catch { diagnostics += error.diagnostics }
        do { data.downstream = try DownstreamDataReader.read(directory: directory) } catch { diagnostics += error.diagnostics }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return data
    }

    /// The corporate inventory of `purchases` (the ledger's inventory for `period`, calculated with the
    /// category rules of `rules`, whose thresholds and goods for resale it shows) and this data, with
    /// the activity and travel results line by line. Without a period, or without activity data, Scope 1
    /// and 2 are unknown (nil), never zero; without travel or survey files, Categories 6 and 7 hold
    /// the ledger's lines alone; sales, returns and leased equipment add Categories 11, 12, 5 and 13
    /// (`DownstreamResult.kgByCategory`); avoided emissions are computed apart (`CorporateResult.avoided`).
    public func inventory(
        purchases: InventorySummary,
        period: ReportingPeriod?,
        rules: InventoryBoundary? = nil,
        disclosuresWithoutUpstreamScope3: [SupplierDisclosure] = [],
        travelSettings: TravelSettings = TravelSettings()
    ) throws(CorporateInventoryError) -> CorporateResult {
        var withSites = boundary
        withSites.sites = activity.sites
        var result = CorporateResult(inventory: CorporateInventory(boundary: withSites, purchases: purchases, activity: nil))
        if let rules { result.inventory.describeRules(rules) }
        result.inventory.disclosuresWithoutUpstreamScope3 = disclosuresWithoutUpstreamScope3
        guard let period else { return result }
        try EquityShare.check(
            boundary: boundary,
            hasUnattributedData: purchases.lines > 0 || travel.trips != nil || travel.survey != nil || !downstream.isEmpty
        )
        if !activity.isEmpty {
            let calculated: ActivityInventory
            do { calculated = try ActivityCalculator.calculate(activity, period: period) } catch { throw .activity(error) }
            let computed = try EquityShare.apply(to: calculated, sites: activity.sites, boundary: boundary)
            result.activity = computed
            result.inventory.activity = ActivityTotals(computed)
        }
        if travel.trips != nil || travel.survey != nil {
            do {
                let computed = try TravelCalculator.calculate(travel, period: period, settings: travelSettings)
                result.travel = computed
                result.inventory.otherScope3Kg = computed.kgByCategory
            } catch { throw .travel(error) }
        }
        if !downstream.isEmpty {
            do {
                var computed = try DownstreamCalculator.calculate(downstream, period: period, gridFactors: activity.gridFactors)
                for category in computed.kgByCategory.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                    guard let reason = boundary.excludedScope3[category] else { continue }
                    computed.warnings.append(
                        "company.json gives Category \(category.rawValue) as not reported ('\(reason)'), but the sold-products, take-back or "
                            + "leased-equipment files compute it and the total counts it: remove the category from excluded_scope3_categories"
                    )
                }
                result.downstream = computed
                result.inventory.otherScope3Kg.merge(computed.kgByCategory, uniquingKeysWith: +)
            } catch { throw .downstream(error) }
        }
        // Avoided emissions: computed apart and never merged into the inventory (reported, never netted).
        if let avoided = downstream.avoided {
            do {
                result.avoided = try AvoidedEmissionsCalculator.calculate(avoided, period: period, gridFactors: activity.gridFactors)
            } catch { throw .downstream(error) }
        }
        return result
    }
}

/// The corporate inventory with the activity, travel and downstream results it was made from, line by line.
public struct CorporateResult: Sendable {
    public var inventory: CorporateInventory
    public var activity: ActivityInventory?
    public var travel: TravelResult?
    public var downstream: DownstreamResult?
    /// Avoided emissions (`avoided_emissions.csv`): reported apart, never part of the inventory's figures.
    public var avoided: AvoidedEmissionsResult?

    public init(
        inventory: CorporateInventory,
        activity: ActivityInventory? = nil,
        travel: TravelResult? = nil,
        downstream: DownstreamResult? = nil,
        avoided: AvoidedEmissionsResult? = nil
    ) {
        self.inventory = inventory
        self.activity = activity
        self.travel = travel
        self.downstream = downstream
        self.avoided = avoided
    }
}
