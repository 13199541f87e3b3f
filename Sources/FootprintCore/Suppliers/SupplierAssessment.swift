/// What an assessment knows of one supplier.
public struct AssessmentInput: Sendable {
    public var supplier: SupplierRecord
    /// The newest status fact of each kind.
    public var latest: [SupplierStatusKind: SupplierStatusFact]
    /// The supplier's disclosures from supplier_emissions.csv.
    public var disclosures: [SupplierDisclosure]
    /// Product footprints of the supplier in the workspace.
    public var productFootprints: Int
    /// Price indices by currency (price_index.csv rows with a `currency`): an intensity trend is
    /// judged in constant prices when the disclosures' currency has one.
    public var priceIndexByCurrency: [CurrencyCode: [Int: Double]]
    /// The date the assessment is made on (YYYY-MM-DD): how old an RBA audit is, is judged against it.
    /// Empty: an audit's age cannot be judged.
    public var asOf: String
    /// The newest energy answer (`RecordedEnergyAnswer.newest`), for the renewable-electricity criterion.
    public var energy: RecordedEnergyAnswer? {
        get { energyStorage.first }
        set { energyStorage = newValue.map { [$0] } ?? [] }
    }
    /// Kept out of line (an answer is a dozen words; the input is copied for every supplier assessed).
    private var energyStorage: [RecordedEnergyAnswer] = []

    public init(
        supplier: SupplierRecord,
        latest: [SupplierStatusKind: SupplierStatusFact] = [:],
        disclosures: [SupplierDisclosure] = [],
        productFootprints: Int = 0,
        priceIndexByCurrency: [CurrencyCode: [Int: Double]] = [:],
        asOf: String = "",
        energy: RecordedEnergyAnswer? = nil
    ) {
        self.asOf = asOf
        if let energy { energyStorage = [energy] }
        self.supplier = supplier
        self.latest = latest
        self.disclosures = disclosures
        self.productFootprints = productFootprints
        self.priceIndexByCurrency = priceIndexByCurrency
    }

    /// Whether one of the disclosures reports upstream Scope 3 (`SupplierDisclosure.coversUpstreamScope3`).
    public var hasCompleteDisclosure: Bool { disclosures.contains(where: \.coversUpstreamScope3) }
}

/// A supplier's score (0-100), tier, and the reason for each criterion's points.
public struct SupplierAssessment: Sendable, Hashable, Codable {
    public struct Result: Sendable, Hashable, Codable {
        public var criterion: String
        public var weight: Double
        /// 0...1 of the weight.
        public var credit: Double
        public var points: Double
        /// False when the criterion could not be judged and its weight was left out of the maximum.
        public var counted: Bool
        public var reason: String
    }

    public var supplier: String
    public var score: Double
    public var tier: String
    public var results: [Result]
    /// The hard requirements (`required` criteria that apply to the supplier) it does not meet with full
    /// credit, by criterion id: apart from the score, which they do not change.
    public var requirementsNotMet: [String] = []

    public init(supplier: String, score: Double, tier: String, results: [Result], requirementsNotMet: [String] = []) {
        self.supplier = supplier
        self.score = score
        self.tier = tier
        self.results = results
        self.requirementsNotMet = requirementsNotMet
    }

    /// Whether the supplier meets every hard requirement that applies to it.
    public var meetsRequirements: Bool { requirementsNotMet.isEmpty }

    /// Scores one supplier: each criterion's weight x credit, as a share of the counted weights.
    /// `explain: false` leaves the reasons empty (the score and tier are the same), for callers that
    /// need only tiers of thousands of suppliers.
    public static func assess(_ input: AssessmentInput, criteria: AssessmentCriteria, explain: Bool = true) -> SupplierAssessment {
        var results: [Result] = []
        var unmet: [String] = []
        results.reserveCapacity(criteria.criteria.count)
        for c in criteria.criteria {
            if c.applicableCategory(input.supplier.categories) == nil {
                // Not this supplier's business: the criterion leaves its maximum, whatever `when_unknown` says.
                let categories = input.supplier.categories.isEmpty ? "none recorded" : input.supplier.categories.joined(separator: "; ")
                let reason =
                    explain
                    ? "not applicable: applies to suppliers of \(c.appliesTo!.joined(separator: ", ")); this supplier's categories: \(categories)"
                    : ""
                results.append(Result(criterion: c.id, weight: c.weight, credit: 0, points: 0, counted: false, reason: reason))
                continue
            }
            let (credit, reason, known) = judge(c, input, explain: explain)
            // A requirement is met by full credit only; one that cannot be judged is not shown to be met.
            if c.required == true && !(known && credit >= 1) { unmet.append(c.id) }
            let counted = known || (c.whenUnknown ?? .zero) == .zero
            results.append(
                Result(criterion: c.id, weight: c.weight, credit: credit, points: counted ? credit * c.weight : 0, counted: counted, reason: reason)
            )
        }
        let maximum = results.filter(\.counted).map(\.weight).reduce(0, +)
        let score = maximum > 0 ? results.map(\.points).reduce(0, +) / maximum * 100 : 0
        let tiers = criteria.tiers.sorted { $0.minimumScore > $1.minimumScore }
        let tier = tiers.first { score >= $0.minimumScore - 1e-9 }?.name ?? tiers.last?.name ?? "-"
        return SupplierAssessment(supplier: input.supplier.id, score: score, tier: tier, results: results, requirementsNotMet: unmet)
    }

    static func judge(_ c: AssessmentCriteria.Criterion, _ input: AssessmentInput, explain: Bool) -> (Double, String, Bool) {
        let facts = input.latest
        func checked(_ f: SupplierStatusFact) -> String { " (\(f.source), checked \(f.checkedOn))" }
        /// The reason, built only when asked for.
        func why(_ text: @autoclosure () -> String) -> String { explain ? text() : "" }
        switch c.kind {
        case .scienceBasedTarget:
            guard let f = facts[.sbti] else { return (0, why("no SBTi status recorded"), true) }
            switch f.sbtiStatus ?? .none {
            case .targetsSet: return (1, why("SBTi targets set: \(f.summary)" + checked(f)), true)
            case .committed:
                let credit = c.committedCredit ?? 0
                let inherited = f.inheritedFrom.map { ", inherited from parent \($0)" } ?? ""
                return (credit, why("SBTi committed\(inherited), no targets set yet (credit \(credit))" + checked(f)), true)
            case .none, .removed, .expired: return (0, why("SBTi status \(f.summary)" + checked(f)), true)
            }
        case .rbaMember:
            guard let f = facts[.rba] else { return (0, why("no RBA membership recorded"), true) }
            guard f.member == true else { return (0, why("not an RBA member" + checked(f)), true) }
            if let levels = c.levels, !levels.contains(where: { $0.lowercased() == (f.level ?? "").lowercased() }) {
                return (0, why("RBA member at level \(f.level ?? "unknown"), not one of \(levels.joined(separator: ", "))" + checked(f)), true)
            }
            if let years = c.maximumAuditAgeYears {
                guard let audit = f.auditDate else {
                    return (0, why("RBA \(f.summary), but no VAP audit recorded; an audit at most \(years) years old is required" + checked(f)), true)
                }
                guard let oldest = Self.yearsBefore(input.asOf, years: years) else {
                    return (0, why("RBA \(f.summary); the audit's age cannot be judged without the assessment date" + checked(f)), true)
                }
                if audit < oldest {
                    return (0, why("RBA \(f.summary), but the VAP audit is older than \(years) years (before \(oldest))" + checked(f)), true)
                }
            }
            return (1, why("RBA \(f.summary)" + checked(f)), true)
        case .disclosedEmissions:
            let asked = Set(c.scopes ?? [1, 2, 3])
            var have = Set(facts[.scopes]?.scopes ?? [])
            if !input.disclosures.isEmpty { have.formUnion([1, 2]) }
            // Scope 3 only from a disclosure that reports upstream Scope 3: a 0 is a scope not reported.
            if input.hasCompleteDisclosure { have.insert(3) }
            let covered = asked.intersection(have)
            if asked.isEmpty { return (1, why("no scopes asked"), true) }
            let credit = Double(covered.count) / Double(asked.count)
            guard explain else { return (credit, "", true) }
            var source =
                !input.disclosures.isEmpty
                ? "supplier_emissions disclosures for \(input.disclosures.map(\.year).sorted().map(String.init).joined(separator: ", "))"
                : facts[.scopes].map { "status fact" + checked($0) } ?? "nothing recorded"
            if !input.disclosures.isEmpty && !input.hasCompleteDisclosure {
                source += "; upstream Scope 3 reported as 0, so scope 3 counts as not disclosed"
            }
            let coveredText = covered.isEmpty ? "none" : covered.sorted().map { "scope \($0)" }.joined(separator: ", ")
            return (credit, "discloses \(coveredText) of \(asked.sorted().map { "scope \($0)" }.joined(separator: ", ")) (\(source))", true)
        case .supplierData:
            if input.productFootprints > 0 {
                return (1, why("\(input.productFootprints) product footprint\(input.productFootprints == 1 ? "" : "s") in the workspace"), true)
            }
            if let f = facts[.productFootprints], f.available == true { return (1, why("product footprints available" + checked(f)), true) }
            if let f = facts[.pact], f.available == true {
                return (1, why("PACT-enabled" + (f.evidence.map { " (\($0))" } ?? "") + checked(f)), true)
            }
            if input.hasCompleteDisclosure {
                let credit = c.hybridCredit ?? 0
                return (credit, why("only disclosed emissions (hybrid method), no product footprints (credit \(credit))"), true)
            }
            if !input.disclosures.isEmpty {
                return (
                    0, why("a disclosure without upstream Scope 3 (reported as 0): incomplete for the hybrid method, no product footprints"), true
                )
            }
            return (0, why("no product footprints, PACT host or disclosure"), true)
        case .fallingIntensity:
            let sorted = input.disclosures.sorted { $0.year < $1.year }
            guard sorted.count >= 2 else { return (0, why("fewer than two disclosures: intensity trend unknown"), false) }
            let previous = sorted[sorted.count - 2]
            let latest = sorted[sorted.count - 1]
            guard previous.currency == latest.currency, previous.revenue > 0, latest.revenue > 0 else {
                return (0, why("disclosures \(previous.year) and \(latest.year) are in different currencies: intensity trend unknown"), false)
            }
            let a = previous.kgPerCurrencyUnit
            // The latest revenue in the earlier year's prices, when the currency has its own index: an
            // intensity per revenue falls with inflation alone otherwise.
            var deflator = 1.0
            var prices = "nominal prices: no price index for \(latest.currency)"
            if let index = input.priceIndexByCurrency[latest.currency] {
                guard let then = index[previous.year], let now = index[latest.year] else {
                    return (
                        0,
                        why(
                            "the \(latest.currency) price index lacks \(previous.year) or \(latest.year): intensity trend in constant prices unknown"
                        ), false
                    )
                }
                deflator = then / now
                prices = "in \(previous.year) prices (\(latest.currency) index \(fmt(then)) -> \(fmt(now)))"
            }
            let b = latest.kgPerCurrencyUnit / deflator
            let reduction = a > 0 ? (a - b) / a * 100 : 0
            let minimum = c.minimumReductionPercent ?? 0
            let falling = reduction > minimum || (reduction == minimum && reduction > 0)
            guard explain else { return (falling ? 1 : 0, "", true) }
            let text =
                "intensity \(fmt(a)) -> \(fmt(b)) kg CO2e per \(latest.currency) (\(previous.year) -> \(latest.year), \(prices)): \(reduction >= 0 ? "down" : "up") \(fmt(abs(reduction)))%"
            return falling ? (1, text, true) : (0, text + ", not down by more than \(fmt(minimum))%", true)
        case .renewableElectricity:
            return judgeRenewableElectricity(c, input, explain: explain)
        case .cdpScore:
            guard let f = facts[.cdp], let score = f.cdpScore else { return (0, why("no CDP climate score recorded"), true) }
            let minimum = c.minimumCDPScore ?? .b
            return score >= minimum
                ? (1, why("CDP climate \(score.rawValue), at least \(minimum.rawValue)" + checked(f)), true)
                : (0, why("CDP climate \(score.rawValue), below \(minimum.rawValue)" + checked(f)), true)
        }
    }

    static func fmt(_ x: Double) -> String {
        let rounded = (x * 10000).rounded() / 10000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension SupplierAssessment {
    /// `years` years before `date` (YYYY-MM-DD; 29 February falls back to 28 February), or nil when `date` is not a date.
    static func yearsBefore(_ date: String, years: Int) -> String? {
        guard CivilDate.isValid(date), let year = Int(date.prefix(4)) else { return nil }
        let y = String(year - years)
        let padded = String(repeating: "0", count: max(0, 4 - y.count)) + y
        var earlier = padded + date.dropFirst(4)
        if !CivilDate.isValid(earlier) { earlier = padded + "-02-28" }
        return earlier
    }
}
