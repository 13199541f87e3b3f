/// The criteria an assessment scores suppliers by, with their weights, and the tiers its scores
/// fall into. Read from a JSON file (docs/suppliers.md); `standard` is the default.
public struct AssessmentCriteria: Sendable, Hashable, Codable {
    /// What a criterion checks.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// SBTi near-term targets set (full credit); committed earns `committed_credit`.
        case scienceBasedTarget = "science-based-target"
        /// Responsible Business Alliance member (optionally at one of `levels`, and with a VAP audit at
        /// most `maximum_audit_age_years` old).
        case rbaMember = "rba-member"
        /// Emissions disclosed for the `scopes` asked (a supplier_emissions.csv disclosure counts as scopes
        /// 1 and 2, and as scope 3 only when it reports upstream Scope 3 above zero).
        case disclosedEmissions = "disclosed-emissions"
        /// Product footprints or a PACT host (full credit); a disclosure usable for hybrid earns `hybrid_credit`.
        case supplierData = "supplier-data"
        /// The latest two disclosures show intensity falling by at least `minimum_reduction_percent`.
        case fallingIntensity = "falling-intensity"
        /// A CDP climate score of at least `minimum_cdp_score`.
        case cdpScore = "cdp-score"
        /// The newest energy answer (data request of kind `energy`) gives at least `minimum_percent` of
        /// the supplier's electricity as renewable; no answer: not known.
        case renewableElectricity = "renewable-electricity"
    }

    /// One criterion: what it checks, its weight, and its thresholds.
    public struct Criterion: Sendable, Hashable, Codable {
        public var id: String
        public var kind: Kind
        public var weight: Double
        public var committedCredit: Double?
        public var levels: [String]?
        /// rba-member: full credit needs a VAP audit dated at most this many years before the assessment date.
        public var maximumAuditAgeYears: Int?
        public var scopes: [Int]?
        public var hybridCredit: Double?
        public var minimumReductionPercent: Double?
        public var minimumCDPScore: CDPScore?
        /// renewable-electricity: the renewable share of electricity, percent (0-100), that earns full credit.
        public var minimumPercent: Double?
        /// What to do when the criterion cannot be judged (fewer than two disclosures):
        /// `zero` (default) scores nothing, `exclude` leaves its weight out of the maximum.
        public var whenUnknown: WhenUnknown?
        /// The supplier categories (register `categories`) the criterion applies to: a pattern matches a
        /// category equal to it, case-insensitively, or beginning with it when it ends in `*` (`334*`).
        /// For any other supplier, or one without categories, the criterion does not apply and its
        /// weight leaves the maximum. Nil: every supplier.
        public var appliesTo: [String]?
        /// A hard requirement: a supplier to which the criterion applies meets it only with full credit,
        /// and one that does not is listed apart (`SupplierAssessment.requirementsNotMet`), whatever its score.
        public var required: Bool?

        public enum WhenUnknown: String, Sendable, Hashable, Codable { case zero, exclude }

        enum CodingKeys: String, CodingKey {
            case id, kind, weight, levels, scopes
            case committedCredit = "committed_credit"
            case hybridCredit = "hybrid_credit"
            case minimumReductionPercent = "minimum_reduction_percent"
            case minimumCDPScore = "minimum_cdp_score"
            case minimumPercent = "minimum_percent"
            case maximumAuditAgeYears = "maximum_audit_age_years"
            case whenUnknown = "when_unknown"
            case appliesTo = "applies_to"
            case required
        }

        public init(id: String, kind: Kind, weight: Double) {
            self.id = id
            self.kind = kind
            self.weight = weight
        }

        /// The first of `categories` that `appliesTo` matches, or nil when none does.
        public func applicableCategory(_ categories: [String]) -> String? {
            guard let appliesTo else { return categories.first ?? "" }
            for category in categories {
                let c = category.lowercased()
                for pattern in appliesTo {
                    let p = pattern.lowercased()
                    if p.hasSuffix("*") ? c.hasPrefix(p.dropLast()) : c == p { return category }
                }
            }
            return nil
        }
    }

    /// The supplier categories of electronics manufacturing, to which the Responsible Business
    /// Alliance's Code of Conduct is addressed: NAICS 334 (computer and electronic products) and 335
    /// (electrical equipment), and the built-in factor library's hardware categories.
    public static let electronicsManufacturing = [
        "334*", "335*", "computers", "network-equipment", "storage", "electronics", "hardware", "servers",
    ]

    /// A tier: suppliers whose score is at least `minimumScore` (0-100) and below the tier above.
    public struct Tier: Sendable, Hashable, Codable {
        public var name: String
        public var minimumScore: Double
        enum CodingKeys: String, CodingKey {
            case name
            case minimumScore = "minimum_score"
        }
        public init(name: String, minimumScore: Double) {
            self.name = name
            self.minimumScore = minimumScore
        }
    }

    public var criteria: [Criterion]
    public var tiers: [Tier]

    public init(criteria: [Criterion], tiers: [Tier]) {
        self.criteria = criteria
        self.tiers = tiers
    }

    /// What this company asks of strategic suppliers: a science-based target (30), RBA membership
    /// (15, for electronics manufacturers only), disclosed emissions (20), product footprints or
    /// supplier-specific data (20), a falling emissions intensity (15); tiers A >= 70, B >= 40, C below.
    public static let standard: AssessmentCriteria = {
        var sbti = Criterion(id: "science-based-target", kind: .scienceBasedTarget, weight: 30)
        sbti.committedCredit = 0.5
        var rba = Criterion(id: "rba-member", kind: .rbaMember, weight: 15)
        rba.appliesTo = electronicsManufacturing
        var disclosed = Criterion(id: "disclosed-emissions", kind: .disclosedEmissions, weight: 20)
        disclosed.scopes = [1, 2, 3]
        var data = Criterion(id: "supplier-data", kind: .supplierData, weight: 20)
        data.hybridCredit = 0.5
        var falling = Criterion(id: "falling-intensity", kind: .fallingIntensity, weight: 15)
        falling.minimumReductionPercent = 0
        falling.whenUnknown = .zero
        return AssessmentCriteria(
            criteria: [sbti, rba, disclosed, data, falling],
            tiers: [Tier(name: "A", minimumScore: 70), Tier(name: "B", minimumScore: 40), Tier(name: "C", minimumScore: 0)]
        )
    }()

    /// Problems that make the criteria unusable (no criteria, a negative weight, a credit outside 0...1, no tiers).
    public func problems() -> [String] {
        var problems: [String] = []
        if criteria.isEmpty { problems.append("'criteria' is empty; give at least one criterion") }
        if tiers.isEmpty { problems.append("'tiers' is empty; give at least one tier, such as {\"name\": \"C\", \"minimum_score\": 0}") }
        var ids: Set<String> = []
        for c in criteria {
            if !ids.insert(c.id).inserted { problems.append("criterion '\(c.id)' is given twice; ids must be unique") }
            if !(c.weight >= 0) { problems.append("criterion '\(c.id)': weight \(c.weight) is negative; expected 0 or more") }
            for (name, value) in [("committed_credit", c.committedCredit), ("hybrid_credit", c.hybridCredit)] {
                if let value, !(0...1).contains(value) { problems.append("criterion '\(c.id)': \(name) \(value) is outside 0...1") }
            }
            if let patterns = c.appliesTo, patterns.isEmpty || patterns.contains(where: { $0.isEmpty || $0 == "*" }) {
                problems.append(
                    "criterion '\(c.id)': 'applies_to' must name supplier categories (such as \"334*\"); leave it out to apply to every supplier"
                )
            }
            if let years = c.maximumAuditAgeYears, years < 0 || c.kind != .rbaMember {
                problems.append("criterion '\(c.id)': 'maximum_audit_age_years' is for rba-member criteria and 0 or more; got \(years)")
            }
            if c.kind == .cdpScore && c.minimumCDPScore == nil {
                problems.append("criterion '\(c.id)': a cdp-score criterion needs 'minimum_cdp_score', such as \"B\"")
            }
            if c.kind == .renewableElectricity {
                if let p = c.minimumPercent, !(0...100).contains(p) {
                    problems.append(
                        "criterion '\(c.id)': 'minimum_percent' \(p) is not a share in percent; expected a number from 0 to 100, such as 50"
                    )
                } else if c.minimumPercent == nil {
                    problems.append("criterion '\(c.id)': a renewable-electricity criterion needs 'minimum_percent', such as 50")
                }
            } else if c.minimumPercent != nil {
                problems.append("criterion '\(c.id)': 'minimum_percent' is for renewable-electricity criteria")
            }
        }
        return problems
    }
}
