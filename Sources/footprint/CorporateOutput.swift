import FootprintCore
import FootprintImport
import FootprintStore

/// The corporate inventory beside the ledger's inventory, for `calculate` and `report`: from a data
/// folder's `company.json` and activity files, or from the files a workspace run was calculated with.
enum CorporateOutput {
    /// The corporate inventory of a data folder's ledger inventory (`summary`, for its period).
    static func stateless(directory: String, summary: InventorySummary) throws -> (CorporateInventory, ActivityInventory?) {
        let data = try CorporateData.read(directory: directory)
        return try data.inventory(purchases: summary, period: summary.period)
    }

    /// The corporate inventory of a stored run.
    static func workspace(_ ws: Workspace, run: CalculationRun) throws -> (CorporateInventory, ActivityInventory?) {
        try ws.runs.corporateInventory(run)
    }

    /// The summary's JSON with the corporate keys, and the activity inventory line by line under `activity`.
    static func json(_ corporate: CorporateInventory, _ activity: ActivityInventory?) -> JSONValue {
        guard case .object(var members) = corporate.json() else { return corporate.json() }
        members.append(("activity", activity?.json(includingLines: true) ?? .null))
        return .object(members)
    }

    /// The readable corporate inventory, after the ledger's; a hint when activity data is there but no period.
    static func text(_ corporate: CorporateInventory, hasActivity: Bool) -> String {
        var out = "\n" + corporate.text()
        if corporate.activity == nil && hasActivity && corporate.period == nil {
            out += "(Scope 1 and 2 need a reporting period: give --period YEAR.)\n"
        }
        return out
    }
}
