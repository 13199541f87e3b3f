import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint.Engagement {
    struct KPIs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kpis",
            abstract:
                "SBTi targets-set share (Category 1 and 2, and all), primary-data share, tiers, strategic suppliers assessed; the target's progress.",
            discussion: """
                Without --history: the run (default the latest) with the status facts as of now. With --history: the KPIs \
                stored with each run (status facts recorded by the run's time), oldest first.
                """
        )
        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var criteria: CriteriaOption
        @Option(name: .customLong("run"), help: "The run (default: the latest).") var runID: Int64?
        @Option(name: .long, help: "Coverage of the strategic set, in percent (default 80).") var coverage: Double = 80
        @Option(
            name: .customLong("attribute"),
            help:
                "Credit each line to its invoicing 'supplier' or to its product's 'manufacturer' (manufacturers.csv); default: the target's, else supplier."
        )
        var attribution: EngagementAttribution?
        @Flag(name: .long, help: "The KPIs stored with every run, oldest first.") var history = false
        @Flag(name: .long, help: "Print JSON.") var json = false

        func validate() throws {
            guard coverage >= 0, coverage <= 100 else { throw ValidationError("--coverage \(coverage) is not a percentage between 0 and 100") }
            if history && runID != nil { throw ValidationError("--history shows every run; leave out --run") }
            if history && attribution != nil {
                throw ValidationError("--history shows each run's KPIs with the attribution stored with them; leave out --attribute")
            }
        }

        func run() throws {
            let ws = try workspace.open()
            if history { return try printHistory(ws) }
            let rules = try criteria.load()
            // The target and the baseline of its progress are read while the KPIs are computed.
            let tracking = Background { () throws(WorkspaceError) -> (EngagementTarget, KPISnapshot?)? in
                guard let target = try ws.suppliers.engagementTarget() else { return nil }
                return (target, try ws.suppliers.kpiBaseline(for: target))
            }
            let (run, k) = try report { () throws(WorkspaceError) in
                try ws.suppliers.engagementKPIs(runID: runID, criteria: rules, coverage: coverage, attribution: attribution)
            }
            let tracked = try report { () throws(WorkspaceError) in try tracking.value() }
            let target = tracked?.0
            var progress: EngagementProgress?
            if let (target, baseline) = tracked, let share = k.trackedShare(target) {
                progress = ws.suppliers.engagementProgress(
                    target: target,
                    share: share,
                    date: Workspace.today(),
                    history: baseline.map { [$0] } ?? []
                )
            }
            CommandLogging.logger.phase("target and history")
            defer { CommandLogging.logger.phase("printed") }
            if json { return try printJSON(KPIReport(run: run, k, progress: progress, target: target)) }
            var lines = ["Engagement KPIs of run #\(run) (status facts as of now):"]
            lines.append("  emissions: \(formatKg(k.totalKg)) kg CO2e, \(k.totalLines) lines")
            lines.append(contentsOf: Self.attributionLines(k))
            // Categories 1 and 2, and the target's boundary when it is another.
            var shown: [EngagementBoundary] = [.categories1And2]
            if let other = target?.boundary, other != .categories1And2 { shown.append(other) }
            for boundary in shown {
                guard let f = k.figures(boundary) else {
                    lines.append(
                        "  SBTi targets set, \(boundary.label): n/a (run #\(run) was stored before the supplier x category table; 'footprint calculate --full' makes a run with it)"
                    )
                    continue
                }
                lines.append(
                    "  SBTi targets set, \(boundary.label): \(formatShare(f.emissionShare)) of emissions "
                        + "(\(formatKg(Double(f.targetsSetNanoKg) / 1e9)) of \(formatKg(Double(f.nanoKg) / 1e9)) kg)"
                )
                if !f.spendShare.isEmpty {
                    lines.append(
                        "    of spend: "
                            + f.spendShare.sorted(by: { $0.key < $1.key }).map { "\($0.key) \(formatShare($0.value))" }.joined(separator: ", ")
                    )
                }
            }
            lines.append(
                "  SBTi targets set, all Scope 3: \(k.targetsSetSuppliers.count) suppliers, \(formatShare(k.targetsSetEmissionShare)) of emissions (\(formatKg(k.targetsSetKg)) kg), "
                    + "\(formatShare(k.targetsSetLineShare)) of lines"
            )
            if !k.targetsSetSpendShare.isEmpty {
                lines.append(
                    "    of spend: "
                        + k.targetsSetSpendShare.sorted(by: { $0.key < $1.key }).map { "\($0.key) \(formatShare($0.value))" }.joined(separator: ", ")
                )
            }
            if !k.inheritedTargets.isEmpty {
                lines.append(
                    "    inherited from a parent company: "
                        + k.inheritedTargets.sortedByKey().map { "\($0.key) (parent \($0.value))" }.joined(separator: ", ")
                )
            }
            lines.append("  primary data (supplier-specific + hybrid): \(formatShare(k.primaryDataShare)) of emissions (\(formatKg(k.primaryKg)) kg)")
            lines.append(
                "  suppliers per tier: "
                    + (k.suppliersPerTier.isEmpty
                        ? "none" : rules.tiers.map { "\($0.name) \(k.suppliersPerTier[$0.name] ?? 0)" }.joined(separator: ", "))
            )
            lines.append(
                "  strategic suppliers assessed: \(k.strategicAssessed.count) of \(k.strategic.count)"
                    + (k.oldestCheck.map { ", checked \($0) to \(k.newestCheck ?? $0)" } ?? "")
            )
            if !k.strategicNotAssessed.isEmpty { lines.append("    without a status fact: " + k.strategicNotAssessed.joined(separator: ", ")) }
            lines.append(TargetReport.text(target, progress, kpis: k))
            print(lines.joined(separator: "\n"))
        }

        /// The attribution rule, and with the manufacturer attribution what moved and who is not in the register.
        static func attributionLines(_ k: EngagementKPIs) -> [String] {
            var lines = ["  attribution: \(k.attribution.rawValue) (\(k.attribution.rule))"]
            guard k.attribution == .manufacturer else { return lines }
            lines.append("    moved to manufacturers: \(formatKg(Double(k.movedToManufacturersNanoKg) / 1e9)) kg")
            if !k.manufacturersNotInRegister.isEmpty {
                lines.append(
                    "    manufacturers not in the register (counted as without targets set): "
                        + k.manufacturersNotInRegister.sortedByKey().map { "\($0.key) \(formatKg(Double($0.value) / 1e9)) kg" }
                        .joined(separator: ", ")
                )
            }
            return lines
        }

        func printHistory(_ ws: Workspace) throws {
            let snapshots = try report { () throws(WorkspaceError) in try ws.suppliers.kpiHistory() }
            let target = try report { () throws(WorkspaceError) in try ws.suppliers.engagementTarget() }
            let rows = snapshots.map { s -> HistoryRow in
                let progress = target.flatMap { t in
                    s.kpis.trackedShare(t).flatMap { ws.suppliers.engagementProgress(target: t, share: $0, date: s.date, history: snapshots) }
                }
                return HistoryRow(s, progress, trackedShare: target.flatMap { s.kpis.trackedShare($0) })
            }
            if json { return try printJSON(HistoryReport(target: target.map { TargetReport($0, nil) }, runs: rows)) }
            guard !rows.isEmpty else { return print("No calculation run yet: 'footprint calculate' stores one, with its KPIs.") }
            let table = rows.map { r in
                [
                    String(r.run), r.date, formatShare(r.cat12EmissionShare),
                    r.cat12SpendShare.sortedByKey().map { "\($0.key) \(formatShare($0.value))" }.joined(separator: ", "),
                    formatShare(r.emissionShare), formatShare(r.primaryDataShare), String(r.targetsSetSuppliers),
                    "\(r.strategicAssessed)/\(r.strategic)",
                    target == nil ? "" : formatShare(r.trackedShare), r.expectedShare.map { formatShare($0) } ?? "",
                    r.onTrack.map { $0 ? "yes" : "no" } ?? "", r.attribution,
                ]
            }
            printTable(
                [
                    "run", "date", "SBTi cat 1+2 kg", "SBTi cat 1+2 spend", "SBTi all kg", "primary data", "SBTi suppliers", "strategic assessed",
                    "target share", "path", "on track", "attribution",
                ],
                table
            )
            if let target {
                print(
                    "Target: \(target.sharePercent)% of \(target.boundary.label) \(target.basis.rawValue) by \(target.deadline); target share = the share it is tracked by\(rows.contains { $0.trackedShare == nil } ? " (n/a: a run stored before the supplier x category table, a zero total, or KPIs stored with another attribution than the target's)" : ""); path = the linear path from the first run's share (docs/suppliers.md)."
                )
            } else {
                print("No target set: 'footprint engagement target --share 67 --by 2027-12-31' sets one.")
            }
            print(
                "Each run's KPIs use the status facts recorded by the time it was stored, and credit lines as its attribution says: "
                    + EngagementAttribution.allCases.map { "\($0.rawValue), \($0.rule)" }.joined(separator: "; ") + "."
            )
        }
    }
}

/// A run of `engagement kpis --history --json`.
struct HistoryRow: Encodable {
    var run: Int64
    var date: String
    var computedAt: String
    var factsAsOf: String
    var hasCategoryFigures: Bool
    var cat12EmissionShare: Double?
    var cat12SpendShare: [String: Double]
    var emissionShare: Double?
    var primaryDataShare: Double?
    var targetsSetSuppliers: Int
    var inheritedTargets: [String: String]
    var strategic: Int
    var strategicAssessed: Int
    var suppliersPerTier: [String: Int]
    var boundaries: [String]
    var attribution: String
    var attributionRule: String
    var trackedShare: Double?
    var expectedShare: Double?
    var onTrack: Bool?

    enum CodingKeys: String, CodingKey {
        case run, date, strategic, boundaries, attribution
        case attributionRule = "attribution_rule"
        case trackedShare = "target_share"
        case computedAt = "computed_at"
        case factsAsOf = "facts_as_of"
        case hasCategoryFigures = "has_category_figures"
        case cat12EmissionShare = "sbti_targets_set_cat12_emission_share"
        case cat12SpendShare = "sbti_targets_set_cat12_spend_share"
        case emissionShare = "sbti_targets_set_emission_share"
        case primaryDataShare = "primary_data_share"
        case targetsSetSuppliers = "sbti_targets_set_supplier_count"
        case inheritedTargets = "sbti_targets_inherited"
        case strategicAssessed = "strategic_assessed"
        case suppliersPerTier = "suppliers_per_tier"
        case expectedShare = "target_path_share"
        case onTrack = "on_track"
    }

    init(_ s: KPISnapshot, _ progress: EngagementProgress?, trackedShare: Double?) {
        let k = s.kpis
        boundaries = s.boundaries.map(\.rawValue)
        attribution = k.attribution.rawValue
        attributionRule = k.attribution.rule
        self.trackedShare = trackedShare
        run = s.run
        date = s.date
        computedAt = s.computedAt
        factsAsOf = s.factsAsOf
        hasCategoryFigures = k.hasCategoryFigures
        cat12EmissionShare = k.targetsSetCat12EmissionShare
        cat12SpendShare = Dictionary(uniqueKeysWithValues: k.targetsSetCat12SpendShare.map { ($0.key.description, $0.value) })
        emissionShare = k.targetsSetEmissionShare
        primaryDataShare = k.primaryDataShare
        targetsSetSuppliers = k.targetsSetSuppliers.count
        inheritedTargets = k.inheritedTargets
        strategic = k.strategic.count
        strategicAssessed = k.strategicAssessed.count
        suppliersPerTier = k.suppliersPerTier
        expectedShare = progress?.expectedShare
        onTrack = progress?.onTrack
    }
}

struct HistoryReport: Encodable {
    var target: TargetReport?
    var runs: [HistoryRow]
}
