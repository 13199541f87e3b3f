/// Computes Category 6 from the trips and Category 7 from the commuting survey: a pure function of
/// the rows, the period, the settings and the factors.
public enum TravelCalculator {
    public static func calculate(
        _ data: TravelData,
        period: ReportingPeriod,
        settings: TravelSettings = TravelSettings(),
        factors: TravelFactors = .desnz2024
    ) throws(TravelCalculationError) -> TravelResult {
        var result = TravelResult(period: period, settings: settings, lines: [], warnings: [])
        if let trips = data.trips {
            var travel = BusinessTravelResult()
            for trip in trips {
                guard period.contains(trip.date) else {
                    travel.outsidePeriod += 1
                    continue
                }
                let line = try self.line(trip, settings, factors)
                travel.lines += 1
                travel.kgByPart[trip.mode.part, default: 0] += line.kg
                travel.wellToTankKg += line.wellToTankKg
                if trip.mode == .air { travel.airKgWithoutRF += line.kgWithoutRF ?? line.kg }
                if trip.mode == .hotel, let country = trip.country, factors.hotel(country: country) == nil {
                    travel.fallbackNights[country, default: 0] += trip.nights ?? 0
                }
                result.lines.append(line)
            }
            for (country, nights) in travel.fallbackNights.sorted(by: { $0.key < $1.key }) {
                result.warnings.append(
                    "hotel: the factors have no figure for '\(country)' (\(nights.formatted()) room nights); \(factors.hotelFallback.name) "
                        + "(\(factors.hotelFallback.kgPerUnit) kg per room night) was used"
                )
            }
            result.businessTravel = travel
        }
        if let survey = data.survey {
            result.commuting = try commuting(survey, data.workforce, period, settings, factors, &result)
        }
        return result
    }
}

extension Double {
    /// A number as the messages show it: integers without a fraction.
    func formatted() -> String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
