/// A row or instrument left out of the inventory, and why: stated, never a silent zero.
public struct ActivityExclusion: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The activity's date or month is outside the reporting period.
        case outsidePeriod = "outside-period"
        /// The site is not consolidated (outside the organisational boundary).
        case outsideBoundary = "outside-boundary"
        /// An instrument with no cancellation date.
        case instrumentNotCancelled = "instrument-not-cancelled"
        /// An instrument whose production period does not overlap the reporting period.
        case instrumentProductionOutsidePeriod = "instrument-production-outside-period"
        /// An instrument produced in another market than the consumption it is claimed for.
        case instrumentOtherMarket = "instrument-other-market"
        /// An instrument claimed for a site outside the boundary.
        case instrumentSiteOutsideBoundary = "instrument-site-outside-boundary"
    }

    public var reason: Reason
    public var source: SourceLocation
    public var detail: String
}
