/// The haul of a flight, which picks the DESNZ 'Business travel- air' table.
///
/// DESNZ defines the hauls relative to the UK (domestic within it, short-haul to Europe, long-haul
/// beyond); for a company elsewhere, Footprint picks the haul by the flight's one-way distance
/// (docs/travel-and-commuting.md), since what the factors measure is the share of take-off and
/// landing and the aircraft used at that length:
/// - under 483 km (300 miles): `domestic` (the short-flight band of the GHG Protocol's and US EPA's
///   business-travel factors);
/// - 483 km up to 3,700 km: `shortHaul` (DESNZ's methodology: short-haul flights are up to 3,700 km);
/// - 3,700 km and more: `longHaul`.
/// `international` (DESNZ's average of short- and long-haul between non-UK airports) is used only
/// when the file's `haul` column asks for it.
public enum FlightHaul: String, Sendable, Hashable, CaseIterable, Codable {
    case domestic
    case shortHaul = "short-haul"
    case longHaul = "long-haul"
    case international

    /// The lower bound of short-haul: 300 miles.
    public static let shortHaulFromKm = 483.0
    /// The lower bound of long-haul.
    public static let longHaulFromKm = 3700.0

    /// The band of a one-way distance.
    public static func band(distanceKm: Double) -> FlightHaul {
        distanceKm < shortHaulFromKm ? .domestic : distanceKm < longHaulFromKm ? .shortHaul : .longHaul
    }

    public init?(parsing text: String) {
        let t = text.travelKeyword
        self.init(rawValue: t)
    }

    /// DESNZ's name of the table: `Short-haul, to/from UK`.
    public var desnzName: String {
        switch self {
        case .domestic: "Domestic, to/from UK"
        case .shortHaul: "Short-haul, to/from UK"
        case .longHaul: "Long-haul, to/from UK"
        case .international: "International, to/from non-UK"
        }
    }

    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
