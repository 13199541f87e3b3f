import FootprintCore
import FootprintImport
import FootprintStore

/// The corporate inventory beside the ledger's inventory, for `calculate` and `report`: from a data
/// folder's `company.json`, activity, travel and survey files, or from the files a workspace run was
/// calculated with.
enum CorporateOutput {
    /// The summary's JSON with the corporate keys, and the activity, travel and downstream results line by line.
    static func json(_ result: CorporateResult) -> JSONValue {
        guard case .object(var members) = result.inventory.json() else { return result.inventory.json() }
        members.append(("activity", result.activity?.json(includingLines: true) ?? .null))
        members.append(("travel", result.travel?.json(lines: true) ?? .null))
        members.append(("downstream", result.downstream?.json(lines: true) ?? .null))
        // Reported apart: never subtracted from any figure above.
        members.append(("avoided_emissions", result.avoided?.json() ?? .null))
        return .object(members)
    }

    /// The readable corporate inventory, after the ledger's; a hint when activity data is there but no period.
    static func text(_ result: CorporateResult, hasActivity: Bool) -> String {
        var out = "\n" + result.inventory.text()
        if result.inventory.period == nil && hasActivity {
            out += "(Scope 1 and 2, and the activity data's Scope 3, need a reporting period: give --period YEAR.)\n"
        }
        for warning in result.travel?.warnings ?? [] { out += "warning: \(warning)\n" }
        if let downstream = result.downstream { out += "\n" + downstream.text() }
        if let avoided = result.avoided { out += "\n" + avoided.text() }
        return out
    }
}
