import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint engagement`: supplier-engagement KPIs.
    struct Engagement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Supplier engagement: KPIs of a calculation run (docs/suppliers.md).", subcommands: [KPIs.self], defaultSubcommand: KPIs.self)
    }
}

/// `engagement kpis --json`.
struct KPIReport: Encodable {
    var run: Int64
    var totalKg: Double
    var totalLines: Int
    var targetsSetSuppliers: [String]
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

    enum CodingKeys: String, CodingKey {
        case run, strategic
        case totalKg = "total_kg", totalLines = "total_lines", targetsSetSuppliers = "sbti_targets_set_suppliers", targetsSetKg = "sbti_targets_set_kg"
        case targetsSetEmissionShare = "sbti_targets_set_emission_share", targetsSetLines = "sbti_targets_set_lines"
        case targetsSetLineShare = "sbti_targets_set_line_share", targetsSetSpendShare = "sbti_targets_set_spend_share"
        case primaryKg = "primary_kg", primaryDataShare = "primary_data_share", suppliersPerTier = "suppliers_per_tier"
        case strategicAssessed = "strategic_assessed", strategicNotAssessed = "strategic_not_assessed"
        case oldestCheck = "oldest_check", newestCheck = "newest_check"
    }

    init(run: Int64, _ k: EngagementKPIs) {
        self.run = run
        totalKg = k.totalKg
        totalLines = k.totalLines
        targetsSetSuppliers = k.targetsSetSuppliers
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

extension Footprint.Engagement {
    struct KPIs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kpis",
            abstract: "SBTi targets-set share (emissions, lines, spend), primary-data share, suppliers per tier, strategic suppliers assessed.",
            discussion: "Computed on demand from the run's stored inventory and the status facts as of now; not stored with the run.")
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var criteria: CriteriaOption
        @Option(name: .customLong("run"), help: "The run (default: the latest).") var runID: Int64?
        @Option(name: .long, help: "Coverage of the strategic set, in percent (default 80).") var coverage: Double = 80
        @Flag(name: .long, help: "Print JSON.") var json = false

        func validate() throws {
            guard coverage >= 0, coverage <= 100 else { throw ValidationError("--coverage \(coverage) is not a percentage between 0 and 100") }
        }

        func run() throws {
            let ws = try workspace.open()
            let rules = try criteria.load()
            let (run, k) = try report { () throws(WorkspaceError) in try ws.engagementKPIs(runID: runID, criteria: rules, coverage: coverage) }
            if json { return try printJSON(KPIReport(run: run, k)) }
            var lines = ["Engagement KPIs of run #\(run) (status facts as of now):"]
            lines.append("  emissions: \(formatKg(k.totalKg)) kg CO2e, \(k.totalLines) lines")
            lines.append("  SBTi targets set: \(k.targetsSetSuppliers.count) suppliers, \(formatShare(k.targetsSetEmissionShare)) of emissions (\(formatKg(k.targetsSetKg)) kg), "
                + "\(formatShare(k.targetsSetLineShare)) of lines")
            if !k.targetsSetSpendShare.isEmpty {
                lines.append("    of spend: " + k.targetsSetSpendShare.sorted(by: { $0.key < $1.key }).map { "\($0.key) \(formatShare($0.value))" }.joined(separator: ", "))
            }
            lines.append("  primary data (supplier-specific + hybrid): \(formatShare(k.primaryDataShare)) of emissions (\(formatKg(k.primaryKg)) kg)")
            lines.append("  suppliers per tier: " + (k.suppliersPerTier.isEmpty ? "none" : rules.tiers.map { "\($0.name) \(k.suppliersPerTier[$0.name] ?? 0)" }.joined(separator: ", ")))
            lines.append("  strategic suppliers assessed: \(k.strategicAssessed.count) of \(k.strategic.count)"
                + (k.oldestCheck.map { ", checked \($0) to \(k.newestCheck ?? $0)" } ?? ""))
            if !k.strategicNotAssessed.isEmpty { lines.append("    without a status fact: " + k.strategicNotAssessed.joined(separator: ", ")) }
            lines.append("Shares are over all the run's emissions (no supplier x category table); see docs/suppliers.md.")
            print(lines.joined(separator: "\n"))
        }
    }
}
