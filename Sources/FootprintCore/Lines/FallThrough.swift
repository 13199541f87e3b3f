/// Why lines did not get a method they looked eligible for, and fell through to the next rule of the
/// hierarchy. Such lines are computed (or unmapped) by that next rule and counted there as usual; they
/// are also counted here, with their spend and emissions, so that nothing about them is silent.
public struct FallThrough: Sendable, Hashable, Comparable {
    /// A stable code: `footprint-not-valid-on-date`.
    public var code: String
    /// What it is about: the supplier id.
    public var subject: String

    public init(code: String, subject: String) {
        self.code = code
        self.subject = subject
    }

    /// The code of lines whose product has footprints from the supplier, none valid on the line's date.
    public static let footprintNotValidOnDateCode = "footprint-not-valid-on-date"

    /// Lines of `supplier` whose product has footprints, none valid on the line's date.
    public static func footprintNotValidOnDate(supplier: String) -> FallThrough {
        FallThrough(code: footprintNotValidOnDateCode, subject: supplier)
    }

    /// A sentence for people: what happened and how to fix it.
    public var explanation: String {
        switch code {
        case Self.footprintNotValidOnDateCode:
            "supplier '\(subject)' has footprints for these lines' products, but none is valid on the lines' dates: "
                + "they fell through to hybrid, average-data or spend-based; ask the supplier for a footprint valid on those dates"
        default: code
        }
    }

    public static func < (a: Self, b: Self) -> Bool { (a.code, a.subject) < (b.code, b.subject) }

    /// Lines, spend (exact, per currency) and emissions of the lines that fell through for one reason.
    public struct Tally: Sendable, Equatable {
        public var lines = 0
        public var spend: [CurrencyCode: DecimalSum] = [:]
        /// kg CO2e the lines got from the rule they fell to.
        public var kg = CompensatedSum()
        public init() {}

        mutating func add(_ other: Tally) {
            lines += other.lines
            kg.add(other.kg)
            for (currency, amount) in other.spend { spend[currency, default: DecimalSum()].add(amount) }
        }
    }
}
