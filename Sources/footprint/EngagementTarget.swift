import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

/// The target and where the share stands, in `kpis --json` and `target --json`.
struct TargetReport: Encodable {
    var sharePercent: String
    var deadline: String
    var basis: String
    var currency: String?
    var submitted: String?
    var boundary: String
    var attribution: String
    var baselineDate: String?
    var baselineShare: Double?
    var share: Double?
    var expectedShare: Double?
    var gap: Double?
    var onTrack: Bool?
    var reached: Bool?
    var missed: Bool?

    enum CodingKeys: String, CodingKey {
        case deadline, basis, currency, submitted, boundary, share, gap, reached, missed, attribution
        case sharePercent = "share_percent"
        case baselineDate = "baseline_date"
        case baselineShare = "baseline_share"
        case expectedShare = "path_share"
        case onTrack = "on_track"
    }

    init(_ t: EngagementTarget, _ p: EngagementProgress?) {
        sharePercent = t.sharePercent
        deadline = t.deadline
        basis = t.basis.rawValue
        currency = t.currency
        submitted = t.submitted
        boundary = t.boundary.rawValue
        attribution = t.attribution.rawValue
        baselineDate = p?.baselineDate
        baselineShare = p?.baselineShare
        share = p?.share
        expectedShare = p?.expectedShare
        gap = p?.gap
        onTrack = p?.onTrack
        reached = p?.reached
        missed = p?.missed
    }

    static func text(_ target: EngagementTarget?, _ p: EngagementProgress?, kpis: EngagementKPIs) -> String {
        guard let target else { return "No engagement target set: 'footprint engagement target --share 67 --by 2027-12-31' sets one." }
        var line =
            "Target: \(target.sharePercent)% of \(target.boundary.label) \(target.basis.rawValue)\(target.currency.map { " (\($0))" } ?? "") from suppliers with targets set, by \(target.deadline)"
            + (target.submitted.map { " (submitted \($0))" } ?? "")
            + (target.attribution == .supplier ? "" : "; credited to manufacturers")
        guard let p else {
            if kpis.attribution != target.attribution {
                return line
                    + "\n  progress: n/a (these KPIs credit the \(kpis.attribution.rawValue), the target the \(target.attribution.rawValue): 'footprint engagement kpis --attribute \(target.attribution.rawValue)' tracks it)"
            }
            return line + "\n  progress: n/a ("
                + (kpis.hasCategoryFigures
                    ? (kpis.figures(target.boundary) == nil
                        ? "the run's figures hold Categories 1 and 2 only"
                        : "no share on this basis: zero total, or several currencies and no --currency")
                    : "the run has no figures per Scope 3 category") + ")"
        }
        line +=
            "\n  now \(formatShare(p.share)), gap \(String(format: "%.1f", p.gap * 100)) points; the path from \(formatShare(p.baselineShare)) on \(p.baselineDate) expects \(formatShare(p.expectedShare)) on \(p.date): "
        line += p.reached ? "reached" : p.missed ? "missed (deadline passed)" : p.onTrack ? "on track" : "behind"
        return line
    }
}

extension Footprint.Engagement {
    struct Target: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "target",
            abstract:
                "Set, show or clear the SBTi supplier-engagement target: a share of the emissions (or spend) of Category 1, Categories 1 and 2 or all upstream by a deadline.",
            discussion: "Without options: shows the target and its history. Every change is kept (docs/suppliers.md)."
        )
        @OptionGroup var workspace: WorkspaceOption
        @Option(name: .long, help: "The share to reach, in percent (such as 67).") var share: String?
        @Option(name: .customLong("by"), help: "The deadline, YYYY-MM-DD.") var deadline: String?
        @Option(name: .long, help: "emissions (default) or spend.") var basis: EngagementTarget.Basis = .emissions
        @Option(name: .long, help: "The Scope 3 categories covered: category-1, categories-1-2 (default) or upstream (Categories 1-8).")
        var boundary: EngagementBoundary = .categories1And2
        @Option(
            name: .customLong("attribute"),
            help:
                "Credit each line to its invoicing 'supplier' (default) or to its product's 'manufacturer' (manufacturers.csv); the KPIs stored with runs use it."
        )
        var attribution: EngagementAttribution = .supplier
        @Option(name: .long, help: "The date the target was submitted to SBTi (YYYY-MM-DD): the deadline may be at most five years later.")
        var submitted: String?
        @Option(name: .long, help: "For --basis spend: the currency whose spend is weighed (default: the inventory's only currency).") var currency:
            String?
        @Flag(name: .long, help: "Remove the target (the history keeps it).") var clear = false
        @Flag(name: .long, help: "Print JSON.") var json = false

        func validate() throws {
            if clear && (share != nil || deadline != nil) { throw ValidationError("--clear takes no --share or --by") }
            if (share == nil) != (deadline == nil) { throw ValidationError("give both --share and --by, such as --share 67 --by 2027-12-31") }
            if let currency, CurrencyCode(currency) == nil {
                throw ValidationError("--currency '\(currency)' is not a currency code; expected three letters, such as NOK")
            }
            if currency != nil && basis != .spend { throw ValidationError("--currency is for --basis spend") }
        }

        func run() throws {
            let ws = try workspace.open()
            if clear {
                try report { () throws -> Void in try ws.suppliers.setEngagementTarget(nil) }
            } else if let share, let deadline {
                let target = EngagementTarget(
                    sharePercent: share,
                    deadline: deadline,
                    basis: basis,
                    currency: currency?.uppercased(),
                    submitted: submitted,
                    boundary: boundary,
                    attribution: attribution
                )
                try report { () throws -> Void in try ws.suppliers.setEngagementTarget(target) }
            }
            let current = try report { () throws(WorkspaceError) in try ws.suppliers.engagementTarget() }
            let history = try report { () throws(WorkspaceError) in try ws.suppliers.engagementTargetHistory() }
            if json {
                return try printJSON(
                    TargetHistoryReport(
                        target: current.map { TargetReport($0, nil) },
                        history: history.map { TargetHistoryReport.Change(target: $0.target.map { TargetReport($0, nil) }, changedAt: $0.changedAt) }
                    )
                )
            }
            var lines = [
                current.map {
                    "Target: \($0.sharePercent)% of \($0.boundary.label) \($0.basis.rawValue)\($0.currency.map { " (\($0))" } ?? "") by \($0.deadline)"
                        + "; attribution: \($0.attribution.rawValue) (\($0.attribution.rule))"
                } ?? "No engagement target set."
            ]
            if !history.isEmpty { lines.append("History:") }
            for change in history {
                lines.append(
                    "  \(change.changedAt)  "
                        + (change.target.map {
                            "\($0.sharePercent)% \($0.boundary.rawValue) \($0.basis.rawValue)\($0.currency.map { " \($0)" } ?? "") by \($0.deadline)"
                        }
                            ?? "cleared")
                )
            }
            lines.append("'footprint engagement kpis' shows where the share stands; '--history' shows it per run.")
            print(lines.joined(separator: "\n"))
        }
    }
}

extension EngagementTarget.Basis: ExpressibleByArgument {}
extension EngagementBoundary: ExpressibleByArgument {}
extension EngagementAttribution: ExpressibleByArgument {}

struct TargetHistoryReport: Encodable {
    struct Change: Encodable {
        var target: TargetReport?
        var changedAt: String
        enum CodingKeys: String, CodingKey {
            case target
            case changedAt = "changed_at"
        }
    }
    var target: TargetReport?
    var history: [Change]
}
