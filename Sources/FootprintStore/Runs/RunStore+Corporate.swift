import FootprintCore
public import FootprintImport

extension RunStore {
    /// The corporate inventory of a stored run: its ledger inventory (and period) with the company and
    /// activity files the run was calculated with (its recorded inputs, not those in force now), so that
    /// a run's figures never change after the fact. The activity inventory comes with it, line by line,
    /// and the suppliers' answers its sold-products figures read (`RunInputs.supplierAnswers`).
    public func corporateInventory(_ run: CalculationRun) throws(WorkspaceError) -> CorporateResult {
        let ids = run.inputs.imports.filter { ImportKind(rawValue: $0.kind)?.isActivity == true }.map(\.importID)
        var data = try ImportStore(workspace: workspace).corporateData(importIDs: ids)
        let (reference, answers) = try workspace.read { db in
            (try RunReference.load(db: db, run: run), try SupplierStore.downstreamAnswers(events: run.inputs.supplierAnswers, db: db))
        }
        // The suppliers' answers recorded when the run was made (none for a run stored before they were read).
        data.downstream.supplierAnswers = answers
        let rules = InventoryBoundary(period: run.summary.period, rules: reference.categoryRules, scope3Defaults: reference.scope3Defaults)
        let incomplete = reference.hybridNeedsUpstreamScope3 ? reference.reference.disclosures.filter { !$0.coversUpstreamScope3 } : []
        do {
            return try data.inventory(purchases: run.summary, period: run.summary.period, rules: rules, disclosuresWithoutUpstreamScope3: incomplete)
        } catch { throw .corporate(error) }
    }
}
