import FootprintCore
import Foundation
import GRDB

/// The reference data exactly as one calculation run read it: the imports and factor libraries its
/// `RunInputs` name, in the recorded order, whatever is active in the workspace now. Superseded and
/// removed imports keep their content and rows, and inactive libraries their factors, so every
/// run can be loaded again.
struct RunReference {
    var reference: ReferenceData
    var scope3Defaults: [String: Scope3Category]
    /// The category rules the run applied: `CategoryRules.builtIn` and its categories imports; none for
    /// runs stored before category rules.
    var categoryRules: CategoryRules
    /// The purchase imports the run computed, in id order.
    var purchaseImports: [RunInputs.Input]
    /// For each footprint and disclosure of `reference` (by index), the import it came from.
    var footprintImport: [Int64]
    var disclosureImport: [Int64]
    /// Factor library records by label (`key@version`), as factors' locations name them.
    var libraries: [String: FactorLibraryRecord]
    /// Whether the run's hybrid method needed disclosures with upstream Scope 3 (`RunInputs.completeDisclosures`).
    var hybridNeedsUpstreamScope3 = true
    /// Whether the run counted incomplete disclosures' lines as a fall-through (`RunInputs.incompleteDisclosureFallThrough`).
    var incompleteDisclosureFallThrough = true

    /// The engine the run was computed with: its reference data under the rules it applied.
    var engine: InventoryEngine {
        InventoryEngine(
            reference: reference,
            hybridNeedsUpstreamScope3: hybridNeedsUpstreamScope3,
            incompleteDisclosureFallThrough: incompleteDisclosureFallThrough
        )
    }

    static func load(db: Database, run: CalculationRun) throws -> RunReference {
        let inputs = run.inputs
        let all = try ImportStore.libraries(db: db, activeOnly: false)
        var libraries: [FactorLibraryRecord] = []
        for recorded in inputs.libraries {
            guard let record = all.first(where: { $0.id == recorded.id }) else {
                throw WorkspaceError.database(
                    "run #\(run.id) read factor library #\(recorded.id) (\(recorded.key)@\(recorded.version)), which is no longer in the workspace"
                )
            }
            guard record.key == recorded.key, record.version == recorded.version, record.sha256 == recorded.sha256 else {
                throw WorkspaceError.database(
                    "factor library #\(recorded.id) is \(record.label) (sha256 \(record.sha256 ?? "-")), but run #\(run.id) recorded "
                        + "\(recorded.key)@\(recorded.version) (sha256 \(recorded.sha256 ?? "-"))"
                )
            }
            libraries.append(record)
        }
        let (factors, scope3) = try ImportStore.factors(db: db, libraries: libraries)
        var reference = ReferenceData()
        reference.factors = factors
        var purchases: [RunInputs.Input] = []
        var footprintImport: [Int64] = []
        var disclosureImport: [Int64] = []
        var categoryFiles: [(Data, String)] = []
        for input in inputs.imports {
            let (row, record) = try importRow(db: db, run: run, input: input)
            switch record.kind {
            case .purchases:
                purchases.append(input)
            case .rates, .priceIndex, .suppliers, .supplierEmissions, .supplierAllocations, .productFootprints, .manufacturers:
                let content: Data = row["content"]
                let parsed = try ImportStore.parseReference(kind: record.kind, data: content, file: record.fileName)
                reference.merge(parsed.data)
                footprintImport += Array(repeating: record.id, count: parsed.data.footprints.count)
                disclosureImport += Array(repeating: record.id, count: parsed.data.disclosures.count)
            case .categories:
                categoryFiles.append((row["content"], record.fileName))
            case .factors, .factorLibrary, .supplierStatus, .sbtiWorkbook, .pact, .supplierEdit, .customers, .services, .servicePools, .serviceUsage:
                break
            case .company, .sites, .fuel, .refrigerants, .energy, .energyInstruments, .gridFactors,
                .travel, .commutingSurvey, .workforce, .sales, .productUse, .endOfLife, .returns, .leasedEquipment, .avoidedEmissions:
                break  // the corporate inventory's inputs: no line depends on them
            }
        }
        // As `ReferenceSnapshot` orders them: the run's PACT footprints first.
        reference.footprints = inputs.pactFootprints.map(\.productFootprint) + reference.footprints
        footprintImport = inputs.pactFootprints.map { $0.importID ?? 0 } + footprintImport
        let rules = inputs.categoryRules ? try ImportStore.categoryRules(imports: categoryFiles) : CategoryRules()
        reference.activityFirstCategories = rules.activityFirstFactorCategories
        return RunReference(
            reference: reference,
            scope3Defaults: scope3,
            categoryRules: rules,
            purchaseImports: purchases.sorted { $0.importID < $1.importID },
            footprintImport: footprintImport,
            disclosureImport: disclosureImport,
            libraries: Dictionary(libraries.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a }),
            hybridNeedsUpstreamScope3: inputs.completeDisclosures,
            incompleteDisclosureFallThrough: inputs.incompleteDisclosureFallThrough
        )
    }

    /// The disclosures and footprints of `suppliers` as `run` read them (its imports and PACT footprints,
    /// in its order), with `factors`: what an engine needs to give those suppliers' figures in that run.
    /// An import `cache` holds (every one the current snapshot read) is not parsed again.
    static func supplierData(
        db: Database,
        run: CalculationRun,
        suppliers: Set<String>,
        factors: [EmissionFactor],
        cache: CalculationCache
    ) throws -> ReferenceData {
        var reference = ReferenceData()
        reference.factors = factors
        var footprints: [ProductFootprint] = []
        for input in run.inputs.imports
        where input.kind == ImportKind.supplierEmissions.rawValue || input.kind == ImportKind.supplierAllocations.rawValue
            || input.kind == ImportKind.productFootprints.rawValue
        {
            let data = try cache.parsedImport(input.importID) { try Self.parse(db: db, run: run, input: input) }
            reference.disclosures += data.disclosures.filter { suppliers.contains($0.supplier) }
            footprints += data.footprints.filter { suppliers.contains($0.supplier) }
        }
        reference.footprints = run.inputs.pactFootprints.map(\.productFootprint).filter { suppliers.contains($0.supplier) } + footprints
        return reference
    }

    /// The reference data of one of the run's imports, parsed from its stored content.
    private static func parse(db: Database, run: CalculationRun, input: RunInputs.Input) throws -> ReferenceData {
        let (row, record) = try importRow(db: db, run: run, input: input)
        let content: Data = row["content"]
        return try ImportStore.parseReference(kind: record.kind, data: content, file: record.fileName).data
    }

    /// The row and record of an import the run read, checked to be the file the run recorded.
    private static func importRow(db: Database, run: CalculationRun, input: RunInputs.Input) throws -> (Row, ImportRecord) {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM import WHERE id = ?", arguments: [input.importID]) else {
            throw WorkspaceError.database("run #\(run.id) read import #\(input.importID) (\(input.file)), which is no longer in the workspace")
        }
        let record = ImportRecord(row: row)
        guard record.sha256 == input.sha256, record.kind.rawValue == input.kind else {
            throw WorkspaceError.database(
                "import #\(input.importID) is \(record.kind.rawValue) \(record.fileName) sha256 \(record.sha256), but run #\(run.id) "
                    + "recorded \(input.kind) \(input.file) sha256 \(input.sha256)"
            )
        }
        return (row, record)
    }
}
