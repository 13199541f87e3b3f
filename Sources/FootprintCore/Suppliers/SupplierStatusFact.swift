/// What a status fact is about.
public enum SupplierStatusKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The supplier's Science Based Targets initiative status.
    case sbti
    /// Responsible Business Alliance membership.
    case rba
    /// CDP climate-change score.
    case cdp
    /// Which scopes the supplier discloses.
    case scopes
    /// PACT-enabled: the supplier has a PACT host.
    case pact
    /// Product carbon footprints available from the supplier.
    case productFootprints = "product-footprints"
}

/// A supplier's SBTi near-term status, in the dashboard's vocabulary.
public enum SBTiStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    case committed
    case targetsSet = "targets set"
    case removed
    case expired
}

/// The temperature alignment SBTi gives a near-term target.
public enum SBTiClassification: String, Sendable, Hashable, Codable, CaseIterable {
    case onePointFive = "1.5°C"
    case wellBelowTwo = "well-below 2°C"
    case two = "2°C"
}

/// A CDP climate-change score, A (best) to F (failed to disclose).
public enum CDPScore: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case a = "A"
    case aMinus = "A-"
    case b = "B"
    case bMinus = "B-"
    case c = "C"
    case cMinus = "C-"
    case d = "D"
    case dMinus = "D-"
    case f = "F"

    /// 8 for A down to 0 for F.
    public var rank: Int { Self.allCases.count - 1 - Self.allCases.firstIndex(of: self)! }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One fact about a supplier, as a source stated it on a date. Facts are history: a newer fact of
/// the same kind supersedes an older one but never changes it.
public struct SupplierStatusFact: Sendable, Hashable, Codable {
    public var supplier: String
    public var kind: SupplierStatusKind
    /// SBTi: the near-term status.
    public var sbtiStatus: SBTiStatus?
    public var classification: SBTiClassification?
    public var nearTermTargetYear: Int?
    public var netZeroCommitted: Bool?
    public var netZeroYear: Int?
    /// RBA: member or not, and the membership level (e.g. Regular, Full, Platinum, Affiliate).
    public var member: Bool?
    public var level: String?
    /// RBA: the date (YYYY-MM-DD) of the latest Validated Audit Process (VAP) audit, and its status or
    /// score band as RBA reports it (such as `Platinum`, `Gold`, `Silver`, `closure audit`).
    public var auditDate: String?
    public var auditStatus: String?
    public var cdpScore: CDPScore?
    /// The scopes disclosed (1, 2, 3); empty for none.
    public var scopes: [Int]?
    /// PACT-enabled or product footprints available.
    public var available: Bool?
    /// A link or note that backs the fact (an RBA member page, a PACT host URL).
    public var evidence: String?
    /// Who said so: a file, a workbook with its hash, a person.
    public var source: String
    /// The date the fact was checked, YYYY-MM-DD.
    public var checkedOn: String
    /// For an SBTi status the supplier has through its parent company (it has none of its own): the
    /// ancestor whose status it is. Never stored; set when facts are read with the register's parents.
    public var inheritedFrom: String?

    public init(supplier: String, kind: SupplierStatusKind, source: String, checkedOn: String) {
        self.supplier = supplier
        self.kind = kind
        self.source = source
        self.checkedOn = checkedOn
    }

    /// The fact in a few words: `targets set, 1.5°C, near-term 2030, net-zero 2050`.
    public var summary: String {
        switch kind {
        case .sbti:
            var parts = [sbtiStatus?.rawValue ?? "none"]
            if let classification { parts.append(classification.rawValue) }
            if let nearTermTargetYear { parts.append("near-term \(nearTermTargetYear)") }
            if netZeroCommitted == true { parts.append("net-zero" + (netZeroYear.map { " \($0)" } ?? " committed")) }
            if let inheritedFrom { parts.append("inherited from parent \(inheritedFrom)") }
            return parts.joined(separator: ", ")
        case .rba:
            let audit = auditDate.map { "; VAP audit \($0)" + (auditStatus.map { " \($0)" } ?? "") } ?? ""
            return (member == true ? "member" + (level.map { " (\($0))" } ?? "") : "not a member") + audit
        case .cdp:
            return cdpScore?.rawValue ?? "no score"
        case .scopes:
            let s = scopes ?? []
            return s.isEmpty ? "none" : "scope " + s.map(String.init).joined(separator: ", ")
        case .pact, .productFootprints:
            return available == true ? "yes" : "no"
        }
    }
}

extension Array where Element == SupplierStatusFact {
    /// The newest fact of each kind: the latest `checkedOn`; on the same date, the one given last.
    public func latestByKind() -> [SupplierStatusKind: SupplierStatusFact] {
        var latest: [SupplierStatusKind: SupplierStatusFact] = [:]
        for fact in self where latest[fact.kind].map({ $0.checkedOn <= fact.checkedOn }) ?? true { latest[fact.kind] = fact }
        return latest
    }
}
