/// Category 6 (business travel) and Category 7 (employee commuting) for a reporting period, with
/// their parts, the choices made, every line's provenance, and warnings.
public struct TravelResult: Sendable, Hashable {
    public var period: ReportingPeriod
    public var settings: TravelSettings
    /// Nil when there is no `travel.csv`.
    public var businessTravel: BusinessTravelResult?
    /// Nil when there is no `commuting_survey.csv`.
    public var commuting: CommutingResult?
    /// Every row's result: trips in the period, then survey answers (a respondent's year, before extrapolation).
    public var lines: [TravelLineResult]
    /// What a reader of the figures must know: a low response rate, a hotel country without a figure.
    public var warnings: [String]

    /// The computed categories' totals in kg CO2e (a category whose file is absent has no entry),
    /// for `CorporateInventory`.
    public var kgByCategory: [Scope3Category: Double] {
        var result: [Scope3Category: Double] = [:]
        if let businessTravel { result[.businessTravel] = businessTravel.totalKg }
        if let commuting { result[.employeeCommuting] = commuting.totalKg }
        return result
    }
}

/// Category 6: the trips of `travel.csv` dated in the period.
public struct BusinessTravelResult: Sendable, Hashable {
    /// Direct emissions per part (air with or without RF, as the settings say).
    public var kgByPart: [TravelPart: Double] = [:]
    /// Air without radiative forcing, whatever the setting (to show RF's share).
    public var airKgWithoutRF = 0.0
    /// Well-to-tank of the fuels, counted in the total when the settings include it.
    public var wellToTankKg = 0.0
    /// Trips and stays in the period, and rows dated outside it (left out).
    public var lines = 0
    public var outsidePeriod = 0
    /// Room nights per country the factor set has no figure for (the fallback figure was used).
    public var fallbackNights: [String: Double] = [:]

    public func kg(_ part: TravelPart) -> Double { kgByPart[part] ?? 0 }
    /// Air's radiative-forcing part: 0 without RF.
    public var airRFKg: Double { kg(.air) - airKgWithoutRF }
    public var totalKg: Double { TravelPart.allCases.reduce(0) { $0 + kg($1) } + wellToTankKg }
}

/// Category 7: the survey's respondents' annual emissions, extrapolated to the headcount
/// (mean per respondent × headcount).
public struct CommutingResult: Sendable, Hashable {
    public var respondents: Int
    public var workforce: Workforce
    /// The respondents' own annual emissions per mode, before extrapolation (home-working 0 when not included).
    public var sampleKgByMode: [CommuteMode: Double]
    public var sampleWellToTankKg: Double

    /// Respondents per head (FTE).
    public var responseRate: Double { Double(respondents) / workforce.headcount }
    /// Headcount per respondent: what each respondent's year is multiplied by.
    public var scale: Double { workforce.headcount / Double(respondents) }
    /// Summed in the modes' fixed order, so that the same survey gives the same figure to the last bit
    /// (a dictionary's order changes from one process, or one instance, to the next).
    public var sampleKg: Double { CommuteMode.allCases.reduce(0) { $0 + (sampleKgByMode[$1] ?? 0) } + sampleWellToTankKg }
    public var meanKgPerRespondent: Double { sampleKg / Double(respondents) }
    /// Extrapolated per mode.
    public func kg(_ mode: CommuteMode) -> Double { (sampleKgByMode[mode] ?? 0) * scale }
    public var homeworkingKg: Double { kg(.homeWorking) }
    public var wellToTankKg: Double { sampleWellToTankKg * scale }
    public var totalKg: Double { meanKgPerRespondent * workforce.headcount }
}
