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

    public init(boundary: OrganisationalBoundary = OrganisationalBoundary(), hasProfile: Bool = false, activity: ActivityData = ActivityData()) {
        self.boundary = boundary
        self.hasProfile = hasProfile
        self.activity = activity
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
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return data
    }

    /// The corporate inventory of `purchases` (the ledger's inventory for `period`) and this data.
    /// Without a period, or without activity, Scope 1 and 2 are unknown (nil), never zero.
    public func inventory(purchases: InventorySummary, period: ReportingPeriod?) throws(ActivityError) -> (CorporateInventory, ActivityInventory?) {
        guard let period, !activity.isEmpty else { return (CorporateInventory(boundary: boundary, purchases: purchases, activity: nil), nil) }
        let computed = try ActivityCalculator.calculate(activity, period: period)
        return (CorporateInventory(boundary: boundary, purchases: purchases, activity: ActivityTotals(computed)), computed)
    }
}
