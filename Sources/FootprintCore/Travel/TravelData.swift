/// The travel and commuting inputs of a data folder, as read and checked (FootprintImport's
/// `TravelDataReader`). A file that is absent leaves its list empty and its category not computed.
public struct TravelData: Sendable, Hashable {
    /// `travel.csv`: one trip or hotel stay per row. Nil when the file is absent.
    public var trips: [Trip]?
    /// `commuting_survey.csv`: one mode of a respondent per row. Nil when the file is absent.
    public var survey: [CommuteAnswer]?
    /// `workforce.csv`: headcount and working time per year.
    public var workforce: [Workforce]

    public init(trips: [Trip]? = nil, survey: [CommuteAnswer]? = nil, workforce: [Workforce] = []) {
        self.trips = trips
        self.survey = survey
        self.workforce = workforce
    }
}

/// One row of `travel.csv`: a journey by one traveller (a car rental: one car), or a hotel stay in one room.
public struct Trip: Sendable, Hashable {
    public var location: SourceLocation
    /// YYYYMMDD.
    public var date: Int32
    public var mode: TravelMode
    /// Air only; nil: not given (the average passenger row).
    public var seat: AirClass?
    /// Air only; nil: by the distance band (`FlightHaul.band`).
    public var haul: FlightHaul?
    /// One-way distance in km (transport modes).
    public var distanceKm: Double?
    /// Whether the row is a return journey: twice the distance, the band by the one-way distance.
    public var isReturn: Bool
    /// Room nights (hotel).
    public var nights: Double?
    /// Country of the hotel, as the DESNZ sheet names it.
    public var country: String?
    public var origin: String?
    public var destination: String?
    public var traveller: String?
    public var reference: String?

    public init(
        location: SourceLocation,
        date: Int32,
        mode: TravelMode,
        seat: AirClass? = nil,
        haul: FlightHaul? = nil,
        distanceKm: Double? = nil,
        isReturn: Bool = false,
        nights: Double? = nil,
        country: String? = nil,
        origin: String? = nil,
        destination: String? = nil,
        traveller: String? = nil,
        reference: String? = nil
    ) {
        self.location = location
        self.date = date
        self.mode = mode
        self.seat = seat
        self.haul = haul
        self.distanceKm = distanceKm
        self.isReturn = isReturn
        self.nights = nights
        self.country = country
        self.origin = origin
        self.destination = destination
        self.traveller = traveller
        self.reference = reference
    }
}

/// One row of `commuting_survey.csv`: how many days a week a respondent uses a mode, and how far one way.
public struct CommuteAnswer: Sendable, Hashable {
    public var location: SourceLocation
    public var respondent: String
    public var mode: CommuteMode
    /// One-way distance in km; nil for home-working, bicycle and walk when not given.
    public var oneWayKm: Double?
    /// Days per week (home-working: days worked at home).
    public var daysPerWeek: Double

    public init(location: SourceLocation, respondent: String, mode: CommuteMode, oneWayKm: Double?, daysPerWeek: Double) {
        self.location = location
        self.respondent = respondent
        self.mode = mode
        self.oneWayKm = oneWayKm
        self.daysPerWeek = daysPerWeek
    }
}

/// One row of `workforce.csv`: the headcount in full-time equivalents and the working time of a year.
public struct Workforce: Sendable, Hashable {
    public static let defaultWorkingWeeks = 46.0
    public static let defaultHoursPerDay = 7.5

    public var location: SourceLocation
    /// The fiscal year (as `ReportingPeriod.year` names it).
    public var year: Int
    public var headcount: Double
    public var workingWeeks: Double
    public var hoursPerDay: Double

    public init(
        location: SourceLocation,
        year: Int,
        headcount: Double,
        workingWeeks: Double = Workforce.defaultWorkingWeeks,
        hoursPerDay: Double = Workforce.defaultHoursPerDay
    ) {
        self.location = location
        self.year = year
        self.headcount = headcount
        self.workingWeeks = workingWeeks
        self.hoursPerDay = hoursPerDay
    }
}
