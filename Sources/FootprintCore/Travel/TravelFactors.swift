/// The factors of a Category 6 and 7 calculation: per passenger-km, vehicle-km, room night and
/// home-working hour, each with its well-to-tank factor where the source has one.
/// `TravelFactors.desnz2024` is the built-in set.
public struct TravelFactors: Sendable, Hashable {
    /// A factor and the well-to-tank factor of the same activity (nil where the source has none).
    public struct Pair: Sendable, Hashable {
        public var direct: CitedFactor
        public var wellToTank: CitedFactor?
        public init(_ direct: CitedFactor, wellToTank: CitedFactor?) {
            self.direct = direct
            self.wellToTank = wellToTank
        }
    }

    /// A flight's factors with and without radiative forcing.
    public struct Air: Sendable, Hashable {
        public var withRF: Pair
        public var withoutRF: Pair
        public init(withRF: Pair, withoutRF: Pair) {
            self.withRF = withRF
            self.withoutRF = withoutRF
        }
        public func pair(_ rf: RadiativeForcing) -> Pair { rf == .with ? withRF : withoutRF }
    }

    public struct AirKey: Sendable, Hashable {
        public var haul: FlightHaul
        public var seat: AirClass
        public init(_ haul: FlightHaul, _ seat: AirClass) {
            self.haul = haul
            self.seat = seat
        }
    }

    public var air: [AirKey: Air]
    /// Rail, bus, taxi, car rental and ferry, per passenger-km (car rental: per vehicle-km).
    public var ground: [TravelMode: Pair]
    /// Hotel stays per room night, by country name as the source gives it, lower-cased.
    public var hotels: [String: CitedFactor]
    /// The figure used for a country the source gives no figure for (stated in the line and the result).
    public var hotelFallback: CitedFactor
    /// Commuting modes with emissions (bicycle and walk have none; home-working is `homeworking`).
    public var commuting: [CommuteMode: Pair]
    /// Home-working per FTE working hour (office equipment and heating).
    public var homeworking: CitedFactor

    public init(
        air: [AirKey: Air],
        ground: [TravelMode: Pair],
        hotels: [String: CitedFactor],
        hotelFallback: CitedFactor,
        commuting: [CommuteMode: Pair],
        homeworking: CitedFactor
    ) {
        self.air = air
        self.ground = ground
        self.hotels = hotels
        self.hotelFallback = hotelFallback
        self.commuting = commuting
        self.homeworking = homeworking
    }

    /// The class whose row a flight uses: the given class where the haul has a row for it; otherwise
    /// the domestic haul's only row (average passenger), short-haul premium economy as economy and
    /// short-haul first as business (the two classes DESNZ gives for short-haul).
    public func seatRow(haul: FlightHaul, seat: AirClass) -> AirClass {
        if air[AirKey(haul, seat)] != nil { return seat }
        switch seat {
        case .premiumEconomy where air[AirKey(haul, .economy)] != nil: return .economy
        case .first where air[AirKey(haul, .business)] != nil: return .business
        default: return .averagePassenger
        }
    }

    /// The hotel factor of a country (case-insensitive; `United Kingdom`, `GB` and `GBR` read as `UK`),
    /// or nil when the source has no figure for it.
    public func hotel(country: String) -> CitedFactor? {
        let key = country.lowercased()
        if let f = hotels[key] { return f }
        return ["united kingdom", "gb", "gbr", "great britain"].contains(key) ? hotels["uk"] : nil
    }

    /// Every figure of the set, once, for checking against the source.
    public var allFactors: [CitedFactor] {
        var list: [CitedFactor] = []
        func add(_ p: Pair) {
            list.append(p.direct)
            if let w = p.wellToTank { list.append(w) }
        }
        for key in air.keys.sorted(by: { ($0.haul.rawValue, $0.seat.rawValue) < ($1.haul.rawValue, $1.seat.rawValue) }) {
            add(air[key]!.withRF)
            add(air[key]!.withoutRF)
        }
        for mode in TravelMode.allCases { if let p = ground[mode] { add(p) } }
        for mode in CommuteMode.allCases { if let p = commuting[mode] { add(p) } }
        list += hotels.keys.sorted().map { hotels[$0]! }
        list += [hotelFallback, homeworking]
        var seen = Set<String>()
        return list.filter { seen.insert("\($0.sheet)!\($0.cell)").inserted }
    }
}
