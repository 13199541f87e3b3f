/// The SBTi supplier-engagement target: "by DEADLINE, suppliers responsible for SHARE % of the
/// emissions (or spend) in BOUNDARY (Category 1, Categories 1 and 2, or all upstream) will have
/// science-based targets".
public struct EngagementTarget: Sendable, Hashable, Codable {
    /// What the share is weighed by.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// Emissions inside the boundary (what SBTi prefers).
        case emissions
        /// Spend inside the boundary, in one currency (allowed when emissions data is missing).
        case spend
    }

    /// The share to reach, in percent, as the decimal text given (`67`, `67.5`).
    public var sharePercent: String
    /// YYYY-MM-DD.
    public var deadline: String
    public var basis: Basis
    /// For the spend basis: the currency whose spend is weighed; nil when the inventory has one.
    public var currency: String?
    /// YYYY-MM-DD the target was submitted to SBTi for validation: its deadline may be at most five years later.
    public var submitted: String?
    /// The Scope 3 categories the share is over; targets set before it could be chosen read as Categories 1 and 2.
    public var boundary: EngagementBoundary
    /// Whom the share credits with each line's emissions (the KPI snapshots stored with runs use it);
    /// targets set before it could be chosen read as `supplier`.
    public var attribution: EngagementAttribution

    public init(
        sharePercent: String,
        deadline: String,
        basis: Basis = .emissions,
        currency: String? = nil,
        submitted: String? = nil,
        boundary: EngagementBoundary = .categories1And2,
        attribution: EngagementAttribution = .supplier
    ) {
        self.boundary = boundary
        self.attribution = attribution
        self.sharePercent = sharePercent
        self.deadline = deadline
        self.basis = basis
        self.currency = currency
        self.submitted = submitted
    }

    enum CodingKeys: String, CodingKey {
        case sharePercent = "share_percent"
        case deadline, basis, currency, submitted, boundary, attribution
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sharePercent = try c.decode(String.self, forKey: .sharePercent)
        deadline = try c.decode(String.self, forKey: .deadline)
        basis = try c.decode(Basis.self, forKey: .basis)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        submitted = try c.decodeIfPresent(String.self, forKey: .submitted)
        // The settings history keeps targets set before the boundary could be chosen: Categories 1 and 2.
        boundary = try c.decodeIfPresent(EngagementBoundary.self, forKey: .boundary) ?? .categories1And2
        attribution = try c.decodeIfPresent(EngagementAttribution.self, forKey: .attribution) ?? .supplier
    }

    /// Five years after `submitted` (YYYY-MM-DD; 29 February falls back to 28 February), or nil.
    public static func latestDeadline(submitted: String) -> String? {
        guard CivilDate.isValid(submitted), let year = Int(submitted.prefix(4)) else { return nil }
        var later = String(year + 5) + submitted.dropFirst(4)
        if !CivilDate.isValid(later) { later = String(year + 5) + "-02-28" }
        return later
    }

    /// The share as a fraction, 0...1.
    public var share: Double { (Double(sharePercent) ?? 0) / 100 }

    /// Problems that make the target unusable: a share outside 0...100, a date that is not YYYY-MM-DD.
    public func problems() -> [String] {
        var problems: [String] = []
        if let v = Double(sharePercent), v > 0, v <= 100, sharePercent.allSatisfy({ $0.isNumber || $0 == "." }) {
        } else {
            problems.append("share '\(sharePercent)' is not a percentage above 0 and at most 100, such as 67")
        }
        if !CivilDate.isValid(deadline) { problems.append("deadline '\(deadline)' is not a date; expected YYYY-MM-DD, such as 2027-12-31") }
        if let submitted {
            if !CivilDate.isValid(submitted) {
                problems.append("submission date '\(submitted)' is not a date; expected YYYY-MM-DD, such as 2025-03-31")
            } else if let latest = Self.latestDeadline(submitted: submitted), CivilDate.isValid(deadline), deadline > latest {
                problems.append(
                    "deadline \(deadline) is more than five years after the submission on \(submitted); SBTi's criteria require a supplier-engagement target to be met within five years of submission (at the latest \(latest))"
                )
            }
        }
        return problems
    }
}

/// Where a share stands against a target, on the linear path from a baseline.
///
/// The rule: the path runs in a straight line from the baseline (the share of the first run with
/// figures over the target's boundary, on that run's date) to the target share on the deadline. On a date
/// `d` the expected share is `baseline + (target - baseline) x (d - baseline date) / (deadline -
/// baseline date)`, and the target itself from the deadline on (or when the baseline is on or after
/// the deadline). A share is on track when it is at least the expected share; the gap is the target
/// minus the share (zero or less: reached).
public struct EngagementProgress: Sendable, Hashable {
    public var target: EngagementTarget
    public var baselineDate: String
    public var baselineShare: Double
    public var date: String
    public var share: Double
    /// The share the linear path expects on `date`.
    public var expectedShare: Double
    /// Target minus share, as a fraction (0.12 = 12 percentage points).
    public var gap: Double { target.share - share }
    public var onTrack: Bool { share + 1e-12 >= expectedShare }
    public var reached: Bool { gap <= 1e-12 }
    /// The deadline has passed and the target is not reached.
    public var missed: Bool { !reached && (CivilDate.dayNumber(date) ?? 0) > (CivilDate.dayNumber(target.deadline) ?? 0) }

    /// nil when a date is not valid.
    public init?(target: EngagementTarget, baseline: (date: String, share: Double), current: (date: String, share: Double)) {
        guard let d0 = CivilDate.dayNumber(baseline.date), let d1 = CivilDate.dayNumber(target.deadline), let d = CivilDate.dayNumber(current.date)
        else {
            return nil
        }
        self.target = target
        baselineDate = String(baseline.date.prefix(10))
        baselineShare = baseline.share
        date = String(current.date.prefix(10))
        share = current.share
        if d >= d1 || d0 >= d1 {
            expectedShare = target.share
        } else {
            let t = Double(max(0, d - d0)) / Double(d1 - d0)
            expectedShare = baseline.share + (target.share - baseline.share) * t
        }
    }
}
