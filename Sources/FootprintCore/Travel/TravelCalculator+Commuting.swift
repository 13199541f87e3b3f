extension TravelCalculator {
    /// Category 7: each answer's year (one-way km × 2 × days per week × working weeks; home-working
    /// days × working weeks × hours per day), summed over the respondents, divided by their number and
    /// multiplied by the headcount.
    static func commuting(
        _ survey: [CommuteAnswer],
        _ workforce: [Workforce],
        _ period: ReportingPeriod,
        _ settings: TravelSettings,
        _ factors: TravelFactors,
        _ result: inout TravelResult
    ) throws(TravelCalculationError) -> CommutingResult {
        guard let staff = workforce.first(where: { $0.year == period.year }) else {
            let years = workforce.map { String($0.year) }.joined(separator: ", ")
            throw TravelCalculationError(
                "workforce.csv: no row for \(period.year) (\(years.isEmpty ? "the file is absent or empty" : "it has \(years)")); "
                    + "commuting_survey.csv is extrapolated to the headcount of the period: add a row 'year,headcount' for \(period.year)"
            )
        }
        let respondents = Set(survey.map(\.respondent)).count
        guard respondents > 0 else {
            throw TravelCalculationError("commuting_survey.csv: the survey has no answers; remove the file or add the respondents' rows")
        }
        var commuting = CommutingResult(respondents: respondents, workforce: staff, sampleKgByMode: [:], sampleWellToTankKg: 0)
        for answer in survey {
            let line = try self.line(answer, staff, settings, factors)
            commuting.sampleKgByMode[answer.mode, default: 0] += line.kg
            commuting.sampleWellToTankKg += line.wellToTankKg
            result.lines.append(line)
        }
        let rate = commuting.responseRate
        if rate < settings.minimumResponseRate {
            result.warnings.append(
                "commuting: \(respondents) respondents for a headcount of \(staff.headcount.formatted()) is a response rate of "
                    + "\(percent(rate)), under \(percent(settings.minimumResponseRate)); the survey may not represent the workforce"
            )
        } else if rate > 1 {
            result.warnings.append(
                "commuting: \(respondents) respondents is more than the headcount of \(staff.headcount.formatted()) (workforce.csv:\(staff.location.line)); check the headcount"
            )
        }
        return commuting
    }

    static func line(
        _ answer: CommuteAnswer,
        _ staff: Workforce,
        _ settings: TravelSettings,
        _ factors: TravelFactors
    ) throws(TravelCalculationError)
        -> TravelLineResult
    {
        let days = answer.daysPerWeek * staff.workingWeeks
        if answer.mode == .homeWorking {
            let hours = days * staff.hoursPerDay
            let included = settings.includeHomeworking
            return TravelLineResult(
                location: answer.location,
                category: .employeeCommuting,
                part: answer.mode.rawValue,
                activity: hours,
                activityUnit: "FTE hours",
                factor: factors.homeworking,
                kg: included ? hours * factors.homeworking.kgPerUnit : 0,
                wellToTankFactor: nil,
                wellToTankKg: 0,
                note: included ? nil : "home-working not included (setting)"
            )
        }
        let km = (answer.oneWayKm ?? 0) * 2 * days
        let pair = factors.commuting[answer.mode]
        if pair == nil && !answer.mode.isZeroEmission {
            throw TravelCalculationError("\(answer.location): the factor set has no factor for commuting mode '\(answer.mode.rawValue)'")
        }
        let wtt = settings.includeWellToTank ? pair?.wellToTank : nil
        return TravelLineResult(
            location: answer.location,
            category: .employeeCommuting,
            part: answer.mode.rawValue,
            activity: km,
            activityUnit: pair?.direct.unit ?? "km",
            factor: pair?.direct,
            kg: km * (pair?.direct.kgPerUnit ?? 0),
            wellToTankFactor: wtt,
            wellToTankKg: km * (wtt?.kgPerUnit ?? 0),
            note: answer.mode.isZeroEmission ? "no emissions in use" : nil
        )
    }

    static func percent(_ rate: Double) -> String {
        let p = (rate * 1000).rounded() / 10
        return "\(p.formatted())%"
    }
}
