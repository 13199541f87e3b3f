import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint engagement`: supplier-engagement KPIs.
    struct Engagement: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "engagement",
            abstract: "Supplier engagement: KPIs per calculation run, the SBTi engagement target, data requests (docs/suppliers.md).",
            subcommands: [KPIs.self, Target.self, Requests.self],
            defaultSubcommand: KPIs.self
        )
    }
}

/// `engagement kpis --json`.
struct KPIReport: Encodable {
    var run: Int64
    var totalKg: Double
    var totalLines: Int
    var targetsSetSuppliers: [String]
    var inheritedTargets: [String: String]
    var targetsSetKg: Double
    var targetsSetEmissionShare: Double?
    var targetsSetLines: Int
    var targetsSetLineShare: Double?
    var targetsSetSpendShare: [String: Double]
    var primaryKg: Double
    var primaryDataShare: Double?
    var suppliersPerTier: [String: Int]
    var strategic: [String]
    var strategicAssessed: [String]
    var strategicNotAssessed: [String]
    var oldestCheck: String?
    var newestCheck: String?
    var hasCategoryFigures: Bool
    var cat12Kg: Double
    var targetsSetCat12Kg: Double
    var targetsSetCat12EmissionShare: Double?
    var targetsSetCat12SpendShare: [String: Double]
    var target: TargetReport?
    /// Per engagement boundary (`category-1`, `categories-1-2`, `upstream`), its figures; a boundary the run cannot tell is left out.
    var boundaries: [String: BoundaryReport]
    /// Whom each line's emissions are credited to, and the rule in words.
    var attribution: String
    var attributionRule: String
    /// With the manufacturer attribution: the kg moved to manufacturers, and the manufacturers credited
    /// that are not in the register (counted as without targets set) with their kg.
    var movedToManufacturersKg: Double?
    var manufacturersNotInRegister: [String: Double]?

    enum CodingKeys: String, CodingKey {
        case run, strategic, target, boundaries, attribution
        case attributionRule = "attribution_rule"
        case movedToManufacturersKg = "moved_to_manufacturers_kg"
        case manufacturersNotInRegister = "manufacturers_not_in_register"
        case hasCategoryFigures = "has_category_figures"
        case cat12Kg = "cat12_kg"
        case targetsSetCat12Kg = "sbti_targets_set_cat12_kg"
        case targetsSetCat12EmissionShare = "sbti_targets_set_cat12_emission_share"
        case targetsSetCat12SpendShare = "sbti_targets_set_cat12_spend_share"
        case totalKg = "total_kg"
        case totalLines = "total_lines"
        case targetsSetSuppliers = "sbti_targets_set_suppliers"
        case inheritedTargets = "sbti_targets_inherited"
        case targetsSetKg = "sbti_targets_set_kg"
        case targetsSetEmissionShare = "sbti_targets_set_emission_share"
        case targetsSetLines = "sbti_targets_set_lines"
        case targetsSetLineShare = "sbti_targets_set_line_share"
        case targetsSetSpendShare = "sbti_targets_set_spend_share"
        case primaryKg = "primary_kg"
        case primaryDataShare = "primary_data_share"
        case suppliersPerTier = "suppliers_per_tier"
        case strategicAssessed = "strategic_assessed"
        case strategicNotAssessed = "strategic_not_assessed"
        case oldestCheck = "oldest_check"
        case newestCheck = "newest_check"
    }

    init(run: Int64, _ k: EngagementKPIs, progress: EngagementProgress? = nil, target: EngagementTarget? = nil) {
        self.run = run
        attribution = k.attribution.rawValue
        attributionRule = k.attribution.rule
        if k.attribution == .manufacturer {
            movedToManufacturersKg = Double(k.movedToManufacturersNanoKg) / 1e9
            manufacturersNotInRegister = k.manufacturersNotInRegister.mapValues { Double($0) / 1e9 }
        }
        hasCategoryFigures = k.hasCategoryFigures
        cat12Kg = Double(k.cat12NanoKg) / 1e9
        targetsSetCat12Kg = Double(k.targetsSetCat12NanoKg) / 1e9
        targetsSetCat12EmissionShare = k.targetsSetCat12EmissionShare
        targetsSetCat12SpendShare = Dictionary(uniqueKeysWithValues: k.targetsSetCat12SpendShare.map { ($0.key.description, $0.value) })
        self.target = target.map { TargetReport($0, progress) }
        var boundaries: [String: BoundaryReport] = [:]
        for b in EngagementBoundary.allCases { if let f = k.figures(b) { boundaries[b.rawValue] = BoundaryReport(f) } }
        self.boundaries = boundaries
        totalKg = k.totalKg
        totalLines = k.totalLines
        targetsSetSuppliers = k.targetsSetSuppliers
        inheritedTargets = k.inheritedTargets
        targetsSetKg = k.targetsSetKg
        targetsSetEmissionShare = k.targetsSetEmissionShare
        targetsSetLines = k.targetsSetLines
        targetsSetLineShare = k.targetsSetLineShare
        targetsSetSpendShare = Dictionary(uniqueKeysWithValues: k.targetsSetSpendShare.map { ($0.key.description, $0.value) })
        primaryKg = k.primaryKg
        primaryDataShare = k.primaryDataShare
        suppliersPerTier = k.suppliersPerTier
        strategic = k.strategic
        strategicAssessed = k.strategicAssessed
        strategicNotAssessed = k.strategicNotAssessed
        oldestCheck = k.oldestCheck
        newestCheck = k.newestCheck
    }
}

/// The figures over one engagement boundary, in `kpis --json`.
struct BoundaryReport: Encodable {
    var kg: Double
    var lines: Int
    var targetsSetKg: Double
    var targetsSetEmissionShare: Double?
    var targetsSetSpendShare: [String: Double]

    enum CodingKeys: String, CodingKey {
        case kg, lines
        case targetsSetKg = "sbti_targets_set_kg"
        case targetsSetEmissionShare = "sbti_targets_set_emission_share"
        case targetsSetSpendShare = "sbti_targets_set_spend_share"
    }

    init(_ f: EngagementFigures) {
        kg = Double(f.nanoKg) / 1e9
        lines = f.lines
        targetsSetKg = Double(f.targetsSetNanoKg) / 1e9
        targetsSetEmissionShare = f.emissionShare
        targetsSetSpendShare = Dictionary(uniqueKeysWithValues: f.spendShare.map { ($0.key.description, $0.value) })
    }
}
