extension TravelResult {
    /// The result as JSON (snake_case keys; kg CO2e unrounded; a category whose file is absent is `null`):
    /// `period`, `radiative_forcing`, `well_to_tank_included`, `homeworking_included`, `category6_kgco2e`,
    /// `category7_kgco2e`, `category6` {parts}, `category7` {sample and parts}, `warnings`, and with
    /// `lines`, every line's provenance.
    public func json(lines includeLines: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("period", period.json()),
            ("radiative_forcing", .string(settings.radiativeForcing.rawValue)),
            ("well_to_tank_included", .bool(settings.includeWellToTank)),
            ("homeworking_included", .bool(settings.includeHomeworking)),
            ("category6_kgco2e", businessTravel.map { .number($0.totalKg) } ?? .null),
            ("category7_kgco2e", commuting.map { .number($0.totalKg) } ?? .null),
            ("category6", businessTravel.map(Self.json) ?? .null),
            ("category7", commuting.map { Self.json($0, settings) } ?? .null),
            ("warnings", .array(warnings.map { .string($0) })),
        ]
        if includeLines { members.append(("lines", .array(lines.map(Self.json)))) }
        return .object(members)
    }

    static func json(_ t: BusinessTravelResult) -> JSONValue {
        .object(
            [
                ("air_kgco2e", .number(t.kg(.air))), ("air_without_rf_kgco2e", .number(t.airKgWithoutRF)),
                ("air_rf_kgco2e", .number(t.airRFKg)),
            ]
                + [TravelPart.rail, .road, .sea, .hotel].map { ("\($0.rawValue)_kgco2e", JSONValue.number(t.kg($0))) }
                + [
                    ("wtt_kgco2e", .number(t.wellToTankKg)), ("lines", .integer(t.lines)),
                    ("outside_period", .object([("lines", .integer(t.outsidePeriod))])),
                    (
                        "hotel_fallback_room_nights",
                        .object(t.fallbackNights.sortedByKey().map { ($0.key, JSONValue.number($0.value)) })
                    ),
                ]
        )
    }

    static func json(_ c: CommutingResult, _ settings: TravelSettings) -> JSONValue {
        .object([
            ("respondents", .integer(c.respondents)), ("headcount", .number(c.workforce.headcount)),
            ("response_rate", .number(c.responseRate)), ("minimum_response_rate", .number(settings.minimumResponseRate)),
            ("working_weeks", .number(c.workforce.workingWeeks)), ("hours_per_day", .number(c.workforce.hoursPerDay)),
            ("sample_kgco2e", .number(c.sampleKg)), ("mean_kgco2e_per_respondent", .number(c.meanKgPerRespondent)),
            (
                "by_mode_kgco2e",
                .object(CommuteMode.allCases.filter { $0 != .homeWorking }.map { ($0.rawValue, JSONValue.number(c.kg($0))) })
            ),
            ("homeworking_kgco2e", .number(c.homeworkingKg)), ("wtt_kgco2e", .number(c.wellToTankKg)),
        ])
    }

    static func json(_ l: TravelLineResult) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("file", .string(l.location.file)), ("line", .integer(l.location.line)), ("scope3_category", .integer(l.category.rawValue)),
            ("part", .string(l.part)), ("activity", .number(l.activity)), ("activity_unit", .string(l.activityUnit)),
            ("kgco2e", .number(l.kg)),
        ]
        if let f = l.factor {
            m += [
                ("factor", .string(f.name)), ("factor_kgco2e_per_unit", .number(f.kgPerUnit)), ("factor_unit", .string(f.unit)),
                ("factor_source", .string(f.source)),
            ]
        }
        m.append(("wtt_kgco2e", .number(l.wellToTankKg)))
        if let w = l.wellToTankFactor { m += [("wtt_factor_kgco2e_per_unit", .number(w.kgPerUnit)), ("wtt_factor_source", .string(w.source))] }
        if let rf = l.radiativeForcing { m.append(("radiative_forcing", .string(rf.rawValue))) }
        if let k = l.kgWithoutRF { m.append(("kgco2e_without_rf", .number(k))) }
        if let n = l.note { m.append(("note", .string(n))) }
        return .object(m)
    }
}
