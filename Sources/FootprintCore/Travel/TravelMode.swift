/// How a business trip in `travel.csv` was made: a means of transport, or a hotel stay.
public enum TravelMode: String, Sendable, Hashable, CaseIterable, Codable {
    case air
    case rail
    case bus
    case taxi
    case carRental = "car-rental"
    case ferry
    case hotel

    /// Reads the file's text (`air`, `car-rental`, ...), in any case; `_` and ` ` read as `-`.
    public init?(parsing text: String) {
        let t = text.travelKeyword
        self.init(rawValue: t)
    }

    /// The part of Category 6 the mode counts in.
    public var part: TravelPart {
        switch self {
        case .air: .air
        case .rail: .rail
        case .bus, .taxi, .carRental: .road
        case .ferry: .sea
        case .hotel: .hotel
        }
    }

    /// Every accepted text, for messages.
    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The parts of Category 6 shown apart in a result.
public enum TravelPart: String, Sendable, Hashable, CaseIterable, Codable {
    case air, rail, road, sea, hotel
}
