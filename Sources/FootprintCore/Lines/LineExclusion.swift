/// Why a purchase line is left out of the inventory before any method is tried: it is dated outside
/// the reporting period, or its category is excluded (`CategoryRules`). Such a line is counted, with
/// its spend, in the ledger's reconciliation, and the per-line output keeps it with this reason.
public enum LineExclusion: Sendable, Hashable {
    /// Dated outside `period`.
    case outsidePeriod(ReportingPeriod)
    /// Of an excluded category, for `reason` (the rule's reason, as `InventorySummary.excluded` groups it).
    case excluded(reason: String)

    /// The line's outcome status: `.outsidePeriod` or `.excluded`.
    public var status: LineOutcome.Status {
        switch self {
        case .outsidePeriod: .outsidePeriod
        case .excluded: .excluded
        }
    }

    /// A sentence for people: the period the line's date is outside of, or the exclusion's reason.
    public var explanation: String {
        switch self {
        case .outsidePeriod(let period):
            "dated outside the reporting period \(period.name) (\(period.startText) to \(period.endText))"
        case .excluded(let reason): reason
        }
    }
}
