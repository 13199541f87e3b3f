import FootprintCore
import Foundation

/// The supplier register of a workspace, the suppliers' status facts (SBTi among them), their
/// overviews, and the engagement with them: requests, targets and the KPI history.
public struct SupplierStore: SupplierStoring {
    public let workspace: Workspace
}

/// What a workspace's suppliers offer: the register and its edits, status facts (SBTi among them),
/// overviews, engagement requests, the engagement target and the KPI history. `SupplierStore`
/// implements it on the SQLite file; a PostgreSQL store can implement the same operations.
/// SQLite-specific hot paths: reading the register and the status facts goes through `RawRows`
/// (columns straight from `sqlite3_column_*`), as every calculation and overview reads them whole.
public protocol SupplierStoring: Sendable {
    func supplierRegister() throws(WorkspaceError) -> [SupplierRecord]
    func addSupplier(_ record: SupplierRecord, reason: String?) throws(WorkspaceError) -> RegisterVersion
    func editSupplier(id: String, reason: String?, _ change: @escaping (SupplierRecord) -> SupplierRecord) throws(WorkspaceError) -> RegisterVersion?
    func registerHistory(supplier: String) throws(WorkspaceError) -> [RegisterVersion]
    func statusFacts(supplier: String?) throws(WorkspaceError) -> [SupplierStatusFact]
    func importSupplierStatus(path: String, displayName: String) throws(WorkspaceError) -> ImportOutcome
    func planSBTiImport(path: String, displayName: String) throws(WorkspaceError) -> SBTiImportPlan
    func applySBTiImport(_ plan: SBTiImportPlan, checkedOn: String) throws(WorkspaceError) -> ImportOutcome
    func supplierOverviews(id: String?, factsAsOf: String?, withRun: Bool) throws(WorkspaceError) -> [SupplierOverview]
    func supplierSegmentation(runID: Int64?, coverage: Double) throws(WorkspaceError) -> (run: Int64, segmentation: SupplierSegmentation)
    func engagementKPIs(
        runID: Int64?,
        criteria: AssessmentCriteria,
        coverage: Double,
        attribution: EngagementAttribution?
    ) throws(WorkspaceError) -> (run: Int64, kpis: EngagementKPIs)
    func addEngagementRequest(
        supplier: String,
        kind: EngagementRequest.Kind,
        ask: String,
        dueOn: String,
        product: String?,
        requestedOn: String?,
        note: String?
    ) throws(WorkspaceError) -> EngagementRequest
    func engagementRequests(supplier: String?) throws(WorkspaceError) -> [EngagementRequest]
    func engagementRequest(id: Int64) throws(WorkspaceError) -> EngagementRequest
    func updateEngagementRequest(id: Int64, status: EngagementRequest.Status, on: String?, note: String?) throws(WorkspaceError) -> EngagementRequest
    func recordPACTRequestSent(id: Int64, eventID: String, on: String?) throws(WorkspaceError) -> EngagementRequest
    func engagementReminders(asOf: String, record: Bool) throws(WorkspaceError) -> [EngagementRequest]
    func engagementTarget() throws(WorkspaceError) -> EngagementTarget?
    func engagementTargetHistory() throws(WorkspaceError) -> [EngagementTargetChange]
    func setEngagementTarget(_ target: EngagementTarget?) throws(WorkspaceError)
    func kpiSnapshot(run: CalculationRun) throws(WorkspaceError) -> KPISnapshot
    func kpiHistory() throws(WorkspaceError) -> [KPISnapshot]
    func kpiBaseline(for target: EngagementTarget) throws(WorkspaceError) -> KPISnapshot?
}
