/// The cabin class of a flight. `averagePassenger` is DESNZ's row for a flight whose class is not
/// known (the file's `class` left empty): it weighs every class by its share of seats.
public enum AirClass: String, Sendable, Hashable, CaseIterable, Codable {
    case averagePassenger = "average"
    case economy
    case premiumEconomy = "premium-economy"
    case business
    case first

    /// Reads `economy`, `premium-economy`, `business`, `first` or `average`, in any case; `_` and ` `
    /// read as `-`, and a trailing ` class` is ignored (`Business class`).
    public init?(parsing text: String) {
        var t = text.travelKeyword
        if t.hasSuffix("-class") { t = String(t.dropLast(6)) }
        if t == "average-passenger" { t = "average" }
        self.init(rawValue: t)
    }

    /// DESNZ's name of the row: `Economy class`, `Average passenger`.
    public var desnzName: String {
        switch self {
        case .averagePassenger: "Average passenger"
        case .economy: "Economy class"
        case .premiumEconomy: "Premium economy class"
        case .business: "Business class"
        case .first: "First class"
        }
    }

    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
