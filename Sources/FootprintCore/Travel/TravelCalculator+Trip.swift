extension TravelCalculator {
    /// The result of one trip in the period.
    static func line(_ trip: Trip, _ settings: TravelSettings, _ factors: TravelFactors) throws(TravelCalculationError) -> TravelLineResult {
        let wtt = settings.includeWellToTank
        if trip.mode == .hotel {
            let nights = trip.nights ?? 0
            let country = trip.country ?? ""
            let found = factors.hotel(country: country)
            let factor = found ?? factors.hotelFallback
            return TravelLineResult(
                location: trip.location,
                category: .businessTravel,
                part: TravelPart.hotel.rawValue,
                activity: nights,
                activityUnit: "room nights",
                factor: factor,
                kg: nights * factor.kgPerUnit,
                wellToTankFactor: nil,
                wellToTankKg: 0,
                note: found == nil ? "no figure for '\(country)': \(factor.name) used" : nil
            )
        }
        let oneWay = trip.distanceKm ?? 0
        let distance = oneWay * (trip.isReturn ? 2 : 1)
        if trip.mode == .air {
            var notes: [String] = []
            let haul: FlightHaul
            if let given = trip.haul {
                haul = given
            } else {
                haul = FlightHaul.band(distanceKm: oneWay)
                notes.append("\(haul.rawValue) by distance (\(oneWay.formatted()) km one way)")
            }
            let asked = trip.seat ?? .averagePassenger
            if trip.seat == nil { notes.append("class not given: average passenger") }
            let seat = factors.seatRow(haul: haul, seat: asked)
            if seat != asked { notes.append("no \(haul.rawValue) \(asked.rawValue) row: \(seat.rawValue) used") }
            guard let air = factors.air[TravelFactors.AirKey(haul, seat)] else {
                throw TravelCalculationError("\(trip.location): the factor set has no \(haul.rawValue) air factor; add one or give another haul")
            }
            let chosen = air.pair(settings.radiativeForcing)
            return TravelLineResult(
                location: trip.location,
                category: .businessTravel,
                part: TravelPart.air.rawValue,
                activity: distance,
                activityUnit: "passenger.km",
                factor: chosen.direct,
                kg: distance * chosen.direct.kgPerUnit,
                wellToTankFactor: wtt ? chosen.wellToTank : nil,
                wellToTankKg: wtt ? distance * (chosen.wellToTank?.kgPerUnit ?? 0) : 0,
                radiativeForcing: settings.radiativeForcing,
                kgWithoutRF: distance * air.withoutRF.direct.kgPerUnit,
                note: notes.isEmpty ? nil : notes.joined(separator: "; ")
            )
        }
        guard let pair = factors.ground[trip.mode] else {
            throw TravelCalculationError("\(trip.location): the factor set has no factor for mode '\(trip.mode.rawValue)'")
        }
        return TravelLineResult(
            location: trip.location,
            category: .businessTravel,
            part: trip.mode.part.rawValue,
            activity: distance,
            activityUnit: pair.direct.unit,
            factor: pair.direct,
            kg: distance * pair.direct.kgPerUnit,
            wellToTankFactor: wtt ? pair.wellToTank : nil,
            wellToTankKg: wtt ? distance * (pair.wellToTank?.kgPerUnit ?? 0) : 0
        )
    }
}
