/// How a respondent of `commuting_survey.csv` travels to work, or works from home.
public enum CommuteMode: String, Sendable, Hashable, CaseIterable, Codable {
    case carPetrol = "car-petrol"
    case carDiesel = "car-diesel"
    case carElectric = "car-electric"
    case carAverage = "car-average"
    case motorbike
    case bus
    case rail
    case metroTram = "metro-tram"
    case bicycle
    case walk
    case homeWorking = "home-working"

    /// Reads the file's text in any case; `_`, ` ` and `/` read as `-` (`metro/tram`, `home working`).
    public init?(parsing text: String) {
        var t = text.travelKeyword
        if t == "homeworking" { t = "home-working" }
        self.init(rawValue: t)
    }

    /// Bicycle and walking emit nothing in use (counted, at zero).
    public var isZeroEmission: Bool { self == .bicycle || self == .walk }

    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
