import FootprintCore
import FootprintImport
import Foundation
import GRDB

/// One supplier as `suppliers list` and `show` present it: the register, the status history, what
/// an assessment reads, and the supplier's figures in the latest calculation run.
public struct SupplierOverview: Sendable {
    public var record: SupplierRecord
    /// Oldest first: the supplier's own facts (an inherited SBTi status is in `latest` only).
    public var history: [SupplierStatusFact]
    public var assessmentInput: AssessmentInput
    /// From the latest run, when there is one and the supplier has lines in it.
    public var emissionsKg: Double?
    public var spend: [(currency: String, amount: String)]
    public var runID: Int64?
    /// The supplier's answers to `energy` data requests, oldest first (the newest is the assessment's).
    public var energyAnswers: [RecordedEnergyAnswer] = []

    public var latest: [SupplierStatusKind: SupplierStatusFact] { assessmentInput.latest }
}

extension SupplierStore {
    /// Every supplier of the register (or the one with `id`) with its facts, disclosures, footprints and latest-run figures.
    /// `factsAsOf`: only status facts imported up to that time (ISO 8601 UTC); `withRun`: read the
    /// latest run's figures (an assessment does not need them, and reading a large run's inventory costs).
    public func supplierOverviews(id: String? = nil, factsAsOf: String? = nil, withRun: Bool = true) throws(WorkspaceError) -> [SupplierOverview] {
        workspace.logger.phase("overviews: start")
        let (register, parents, facts, disclosures, footprints, indices, energy) = try workspace.read { db in
            let whole = try Self.register(db: db)
            let parents = SupplierParents(whole)
            let register = whole.filter { id == nil || $0.id == id }
            workspace.logger.phase("register: \(register.count) suppliers")
            var facts = Dictionary(
                grouping: try Self.statusFacts(supplier: id, importedBy: factsAsOf, db: db, logger: workspace.logger),
                by: \.supplier
            )
            // One supplier: its ancestors' facts too, for the SBTi status it may inherit.
            if let id {
                for ancestor in parents.ancestors(of: id) {
                    facts[ancestor] = try Self.statusFacts(supplier: ancestor, importedBy: factsAsOf, db: db, logger: workspace.logger)
                }
            }
            workspace.logger.phase("status facts")
            // Parsed once per import for the process (`CalculationCache`: an import's content never
            // changes); a calculation has parsed the same ones.
            var reference = ReferenceData()
            for row in try Row.fetchAll(
                db,
                sql:
                    "SELECT id, kind, file_name FROM import WHERE kind IN ('supplier-emissions', 'product-footprints', 'price-index') AND status = 'active' ORDER BY id"
            ) {
                reference.merge(
                    try workspace.cache.parsedImport(row["id"], kind: ImportKind(rawValue: row["kind"])!, file: row["file_name"], db: db)
                )
            }
            let footprints = Dictionary(grouping: reference.footprints, by: \.supplier).mapValues(\.count)
            workspace.logger.phase("disclosures and footprints")
            let energy = try Self.energyAnswers(supplier: id, recordedBy: factsAsOf, db: db)
            return (
                register, parents, facts, Dictionary(grouping: reference.disclosures.filter { $0.allocation == nil }, by: \.supplier), footprints,
                reference.priceIndexByCurrency, energy
            )
        }
        var run: CalculationRun?
        if withRun {
            do { run = try workspace.runs.run(id: nil) } catch {
                if case .noRuns = error { run = nil } else { throw error }
            }
        }
        let cells = run?.aggregate.cells(.supplier) ?? [:]
        defer { workspace.logger.phase("overviews") }
        // Each supplier's newest facts, with an SBTi status inherited from its nearest ancestor when it has none.
        let latest = parents.inheritingSBTi(facts.mapValues { $0.latestByKind() }, suppliers: register.map(\.id))
        // The assessment's date (an RBA audit's age is judged against it): the facts' time, or today.
        let asOf = factsAsOf.map { String($0.prefix(10)) } ?? Workspace.today()
        return register.map { record in
            // Most suppliers have no energy answer: no lookup by id when none has.
            let answers = energy.isEmpty ? nil : energy[record.id]
            let history = facts[record.id] ?? []
            let input = AssessmentInput(
                supplier: record,
                latest: latest[record.id] ?? [:],
                disclosures: disclosures[record.id] ?? [],
                productFootprints: footprints[record.id] ?? 0,
                priceIndexByCurrency: indices,
                asOf: asOf,
                energy: answers.flatMap(RecordedEnergyAnswer.newest)
            )
            let cell = cells[record.id]
            let spend = (cell?.spendSums() ?? [:]).map { ("\($0.key)", "\($0.value)") }.sorted { $0.0 < $1.0 }
            return SupplierOverview(
                record: record,
                history: history,
                assessmentInput: input,
                emissionsKg: cell?.kg,
                spend: spend,
                runID: run?.id,
                energyAnswers: answers ?? []
            )
        }
    }
}
