/// What happens to a product at the end of its use, or to a returned one: the outcomes of
/// `end_of_life.csv` and `returns.csv` (docs/downstream.md).
public enum Treatment: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Used again as it is (re-use is not a waste treatment: no end-of-life factor).
    case reuse
    /// Repaired or refurbished and resold (preparation for re-use: no end-of-life factor).
    case refurbishment
    /// Recycled (open-loop WEEE factor: transport to the reclamation facility).
    case recycling
    /// Incinerated (DESNZ "combustion").
    case incineration
    case landfill

    public static func < (a: Treatment, b: Treatment) -> Bool { a.order < b.order }

    private var order: Int { Self.allCases.firstIndex(of: self)! }

    /// Diverted from disposal (ESRS E5): re-use, refurbishment and recycling.
    public var isDiversion: Bool { self == .reuse || self == .refurbishment || self == .recycling }

    /// Kept as a product: re-use and refurbishment.
    public var isReuse: Bool { self == .reuse || self == .refurbishment }

    /// `reused`, `refurbished`, `recycled`, `incinerated`, `landfilled`: as reports name the outcome.
    public var outcome: String {
        switch self {
        case .reuse: "reused"
        case .refurbishment: "refurbished"
        case .recycling: "recycled"
        case .incineration: "incinerated"
        case .landfill: "landfilled"
        }
    }
}
