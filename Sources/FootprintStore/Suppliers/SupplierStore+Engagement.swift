import FootprintCore

extension SupplierStore {
    /// The suppliers of a run (the latest when `runID` is nil) ranked by emissions, with the strategic
    /// set covering `coverage` percent of the run's emissions.
    public func supplierSegmentation(
        runID: Int64? = nil,
        coverage: Double = 80
    ) throws(WorkspaceError) -> (run: Int64, segmentation: SupplierSegmentation) {
        let run = try workspace.runs.run(id: runID)
        let register = try supplierRegister()
        return (run.id, SupplierSegmentation(aggregate: run.aggregate, register: register, coverage: coverage))
    }

    /// The engagement KPIs of a run (the latest when `runID` is nil), from the status facts as of now,
    /// computed on demand (`kpiSnapshot` gives the ones stored with the run). Strategic suppliers are those flagged in the register
    /// and those in the run's strategic set at `coverage` percent; tiers come from assessing every
    /// supplier of the register with `criteria`. Each line's emissions are credited per `attribution`:
    /// when nil, the target's (`EngagementTarget.attribution`), else the invoicing supplier.
    public func engagementKPIs(
        runID: Int64? = nil,
        criteria: AssessmentCriteria = .standard,
        coverage: Double = 80,
        attribution: EngagementAttribution? = nil
    ) throws(WorkspaceError) -> (run: Int64, kpis: EngagementKPIs) {
        workspace.logger.phase("start")
        // The run's inventory is read and decoded while the register and its facts are.
        let pending = Background { () throws(WorkspaceError) in try workspace.runs.runInventory(id: runID) }
        let overviews = try supplierOverviews(factsAsOf: nil, withRun: false)
        var chosen = attribution ?? .supplier
        if attribution == nil, let target = try engagementTarget() { chosen = target.attribution }
        let run = try pending.value()
        workspace.logger.phase("run #\(run.id)")
        let cells = try Self.attributedCells(run.aggregate, chosen, run: run.id)
        return (run.id, computeKPIs(aggregate: run.aggregate, overviews: overviews, criteria: criteria, coverage: coverage, attributed: cells))
    }
}
