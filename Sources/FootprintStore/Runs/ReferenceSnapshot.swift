import Crypto
import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Logging

/// The reference data in force in a workspace, as a calculation reads it, with what it was read from.
struct ReferenceSnapshot {
    var reference: ReferenceData
    var scope3Defaults: [String: Scope3Category]
    /// `CategoryRules.builtIn` with the active categories imports over it.
    var categoryRules: CategoryRules
    /// The purchase imports' first and last line date (YYYYMMDD), nil when unknown.
    var firstDate: Int32?
    var lastDate: Int32?
    var inputs: RunInputs
    var purchaseImports: [Int64]

    /// The reference data in force; `cache` keeps parsed imports and factors for the next calculation of the process.
    /// `logger` receives the phase timings.
    static func load(db: Database, cache: CalculationCache, logger: Logger = Logger(label: Workspace.loggerLabel)) throws -> ReferenceSnapshot {
        let imports = try Row.fetchAll(
            db,
            sql: """
                SELECT id, kind, file_name, byte_count, sha256, imported_at, row_count, status, replaces, mapping, first_date, last_date
                FROM import WHERE status = 'active' ORDER BY id
                """
        )
        let libraries = try ImportStore.libraries(db: db, activeOnly: true)
        logger.phase("snapshot: imports and libraries")
        let (factors, scope3) = try cache.factors(libraries: libraries.map(\.id)) { try ImportStore.factors(db: db, libraries: libraries) }
        logger.phase("snapshot: \(factors.count) factors")
        var reference = ReferenceData()
        reference.factors = factors
        var inputs: [RunInputs.Input] = []
        var purchaseImports: [Int64] = []
        var global = SHA256()
        // Runs that apply the category rules (built-in exclusions) differ from those stored before.
        global.update(data: Data("boundary:1\n".utf8))
        var categoryFiles: [(Data, String)] = []
        var firstDate: Int32?
        var lastDate: Int32?
        for row in imports {
            let record = ImportRecord(row: row)
            // Customer files are not inputs of a run (no line's figure depends on them).
            if record.kind.isSupplierStatus || record.kind.isCustomerData { continue }
            inputs.append(.init(importID: record.id, kind: record.kind.rawValue, file: record.fileName, sha256: record.sha256))
            switch record.kind {
            case .purchases:
                purchaseImports.append(record.id)
                let first: Int64? = row["first_date"]
                let last: Int64? = row["last_date"]
                if let first { firstDate = min(firstDate ?? Int32(first), Int32(first)) }
                if let last { lastDate = max(lastDate ?? Int32(last), Int32(last)) }
                global.update(data: Data("purchases:\(record.id):\(record.sha256)\n".utf8))
            case .rates, .priceIndex, .manufacturers:
                global.update(data: Data("\(record.kind.rawValue):\(record.id):\(record.sha256)\n".utf8))
                fallthrough
            case .supplierEmissions, .supplierAllocations, .productFootprints:
                reference.merge(try cache.parsedImport(record.id, kind: record.kind, file: record.fileName, db: db))
            case .categories:
                global.update(data: Data("categories:\(record.id):\(record.sha256)\n".utf8))
                let content = try Data.fetchOne(db, sql: "SELECT content FROM import WHERE id = ?", arguments: [record.id]) ?? Data()
                categoryFiles.append((content, record.fileName))
            case .factors, .factorLibrary, .supplierStatus, .sbtiWorkbook, .pact, .supplierEdit, .customers, .services, .servicePools, .serviceUsage:
                break
            case .company, .sites, .fuel, .refrigerants, .energy, .energyInstruments, .gridFactors,
                .travel, .commutingSurvey, .workforce, .sales, .productUse, .endOfLife, .returns, .leasedEquipment, .avoidedEmissions:
                // No ledger line depends on them; they change the run's corporate inventory, so a run is
                // up to date only with the same ones.
                global.update(data: Data("\(record.kind.rawValue):\(record.id):\(record.sha256)\n".utf8))
            case .suppliers:
                break  // names only label reports; no figure depends on them
            }
        }
        // PACT footprints come first, so that one valid on a line's date is preferred to a CSV footprint
        // of the same product and unit.
        logger.phase("snapshot: imports parsed")
        let pact = try PACTReference.resolve(db: db, makersProducts: reference.manufacturers.map(\.makersProduct))
        logger.phase("snapshot: PACT footprints")
        reference.footprints = pact.map(\.productFootprint) + reference.footprints
        let pactItems = Dictionary(uniqueKeysWithValues: pact.enumerated().map { ($0.offset, $0.element.digestItem) })
        for library in libraries { global.update(data: Data("library:\(library.id):\(library.sha256 ?? library.label)\n".utf8)) }
        // The hybrid method's rule for disclosures: a run stored before it is not up to date.
        global.update(data: Data("rule:hybrid-needs-upstream-scope3\n".utf8))
        global.update(data: Data("rule:incomplete-disclosure-fall-through\n".utf8))
        // Suppliers' answers the sold-products figures read: a new one makes the run out of date.
        let answerEvents = try SupplierStore.downstreamAnswerEvents(db: db)
        for event in answerEvents { global.update(data: Data("answer:\(event)\n".utf8)) }
        // Suppliers' own data: each supplier's disclosures and footprints, in a stable order.
        var perSupplier: [String: [String]] = [:]
        for d in reference.disclosures {
            perSupplier[d.supplier, default: []].append(
                "d:\(d.year):\(d.scope1Tonnes):\(d.scope2Tonnes):\(d.scope3UpstreamTonnes):\(d.revenue):\(d.currency)\(d.coverageDigest)"
            )
        }
        for (i, f) in reference.footprints.enumerated() {
            perSupplier[f.supplier, default: []].append(pactItems[i] ?? "f:\(f.product):\(f.kgPerUnitText):\(f.unit.symbol)\(f.validityDigest)")
        }
        // Disclosures are looked up by year, so their order does not matter; a product's footprints are
        // tried in file order, so theirs does.
        func digest(_ items: [String]) -> String { orderedDigest(items.sorted()) }
        func orderedDigest(_ items: [String]) -> String {
            hexString(SHA256.hash(data: Data(items.joined(separator: "\n").utf8)).prefix(16))
        }
        var digests: [String: String] = [:]
        for (supplier, items) in perSupplier { digests[supplier] = digest(items) }
        var disclosureItems: [String: [String]] = [:]
        for d in reference.disclosures {
            disclosureItems[d.supplier, default: []].append(
                "\(d.year):\(d.scope1Tonnes):\(d.scope2Tonnes):\(d.scope3UpstreamTonnes):\(d.revenue):\(d.currency)\(d.coverageDigest)"
            )
        }
        var footprintItems: [String: [String: [String]]] = [:]
        for (i, f) in reference.footprints.enumerated() {
            footprintItems[f.supplier, default: [:]][f.product, default: []].append(
                pactItems[i] ?? "\(f.kgPerUnitText):\(f.unit.symbol)\(f.validityDigest)"
            )
        }
        var runInputs = RunInputs(
            imports: inputs,
            libraries: libraries.map { .init(id: $0.id, key: $0.key, version: $0.version, sha256: $0.sha256) },
            globalDigest: hexString(global.finalize()),
            supplierDigests: digests,
            disclosureDigests: disclosureItems.mapValues(digest),
            footprintDigests: footprintItems.mapValues { $0.mapValues(orderedDigest) }
        )
        runInputs.pactFootprints = pact
        runInputs.categoryRules = true
        runInputs.completeDisclosures = true
        runInputs.incompleteDisclosureFallThrough = true
        runInputs.supplierAnswers = answerEvents
        let rules = try ImportStore.categoryRules(imports: categoryFiles)
        reference.activityFirstCategories = rules.activityFirstFactorCategories
        return ReferenceSnapshot(
            reference: reference,
            scope3Defaults: scope3,
            categoryRules: rules,
            firstDate: firstDate,
            lastDate: lastDate,
            inputs: runInputs,
            purchaseImports: purchaseImports
        )
    }
}
