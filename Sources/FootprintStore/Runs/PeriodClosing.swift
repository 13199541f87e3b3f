public import FootprintCore
import Foundation

/// A closing of a reporting period (table `period_close`): the run that is the period's published
/// figure, pinned whatever is imported afterwards, and, once reopened, when, by whom and why.
public struct PeriodClosing: Sendable, Equatable {
    /// An administrator's reopening of a closing, with its reason.
    public struct Reopening: Sendable, Equatable {
        /// ISO 8601 UTC.
        public var at: String
        public var by: String
        public var reason: String
    }

    public var id: Int64
    public var period: ReportingPeriod
    /// The published run: the period's figure while the closing is in force.
    public var runID: Int64
    /// ISO 8601 UTC.
    public var closedAt: String
    public var closedBy: String
    /// Nil while the closing is in force.
    public var reopened: Reopening?

    /// Whether the period is closed by this closing (it has not been reopened).
    public var inForce: Bool { reopened == nil }
}

/// A closed period's published figure and a later run of the same period that differs from it: what
/// a restatement shows (docs/workspace-audit.md). The published run stays the period's figure; the
/// restatement says by how much and why a later calculation differs.
public struct Restatement: Sendable {
    public var closing: PeriodClosing
    /// The run the period was closed on.
    public var published: CalculationRun
    /// The latest run of the period, made after the closing.
    public var restated: CalculationRun
    /// The two inventories by method, supplier, factor category and Scope 3 category.
    public var diff: InventoryDiff
    /// The change per supplier split into activity, method switch and figures, exact to the nano-kg.
    public var attribution: ChangeAttribution
    /// The imports and libraries that came or went, and the suppliers whose data changed.
    public var why: RunInputsDiff

    /// The restated total minus the published one, in nano-kg (exact).
    public var deltaNanoKg: Int128 { restated.aggregate.total.totalNanoKg - published.aggregate.total.totalNanoKg }

    /// Per Scope 3 category that changed (`3.1`, ...): the published and restated nano-kg, in category order.
    public var scope3Changes: [(key: String, published: Int128, restated: Int128)] {
        let a = published.aggregate.cells(.scope3)
        let b = restated.aggregate.cells(.scope3)
        return Set(a.keys).union(b.keys).sorted { $0.compare($1, options: .numeric) == .orderedAscending }.compactMap { key in
            let x = a[key]?.totalNanoKg ?? 0
            let y = b[key]?.totalNanoKg ?? 0
            return x == y ? nil : (key, x, y)
        }
    }
}
