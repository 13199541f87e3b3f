public import FootprintCore

extension TravelDataReader {
    /// `commuting_survey.csv`: respondent, mode, days_per_week, and one_way_km for every mode that
    /// travels (optional for bicycle and walk, none for home-working). A respondent may have several
    /// rows (one per mode); their days may add up to 7 at most.
    public static func survey(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [CommuteAnswer] {
        var result: [CommuteAnswer] = []
        var days: [String: (total: Double, lines: [Int])] = [:]
        try ReferenceDataReader.rows(table, required: ["respondent", "mode", "days_per_week"], optional: ["one_way_km"], &diagnostics) { r in
            let respondent = r.required("respondent")
            let perWeek = r.nonNegative("days_per_week", required: true, "days per week")
            if let perWeek, perWeek > 7 {
                r.fail("days_per_week", "'\(r.optional("days_per_week")!)' is more than the 7 days of a week; expected 0 to 7")
            }
            guard let modeText = r.required("mode") else { return }
            guard let mode = CommuteMode(parsing: modeText) else {
                return r.fail("mode", "'\(modeText)' is not a commuting mode; expected one of \(CommuteMode.accepted)")
            }
            var km: Double?
            if mode == .homeWorking {
                if let text = r.optional("one_way_km"), FieldParser.decimal(text)?.value != 0 {
                    r.fail("one_way_km", "'\(text)' is given for home-working; leave one_way_km empty")
                }
            } else {
                let needed = !mode.isZeroEmission
                if needed && r.optional("one_way_km") == nil {
                    r.fail("one_way_km", "the field is empty; mode '\(mode.rawValue)' needs the one-way distance in km")
                } else {
                    km = r.nonNegative("one_way_km", required: false, "a distance in km")
                }
            }
            guard r.diagnostics.isEmpty, let respondent, let perWeek else { return }
            days[respondent, default: (0, [])].total += perWeek
            days[respondent, default: (0, [])].lines.append(r.row.line)
            result.append(
                CommuteAnswer(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    respondent: respondent,
                    mode: mode,
                    oneWayKm: km,
                    daysPerWeek: perWeek
                )
            )
        }
        for (respondent, d) in days where d.total > 7 {
            diagnostics.append(
                Diagnostic(
                    file: table.file,
                    line: d.lines[0],
                    column: "days_per_week",
                    message: "respondent '\(respondent)' reports \(d.total) days per week over lines "
                        + "\(d.lines.map(String.init).joined(separator: ", ")); expected at most 7 in all"
                )
            )
        }
        return result
    }

    /// `workforce.csv`: year, headcount (FTE), working_weeks (default 46), hours_per_day (default 7.5); one row per year.
    public static func workforce(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [Workforce] {
        var result: [Workforce] = []
        var seen: [Int: Int] = [:]
        try ReferenceDataReader.rows(table, required: ["year", "headcount"], optional: ["working_weeks", "hours_per_day"], &diagnostics) { r in
            let year = r.year("year")
            let headcount = r.decimal("headcount")
            let weeks = r.decimal("working_weeks", required: false)
            let hours = r.decimal("hours_per_day", required: false)
            if let headcount, headcount.value <= 0 {
                r.fail("headcount", "'\(r.optional("headcount")!)' is not a headcount; expected a positive number of full-time equivalents")
            }
            if let weeks, !(weeks.value > 0 && weeks.value <= 53) {
                r.fail("working_weeks", "'\(r.optional("working_weeks")!)' is not a number of working weeks; expected more than 0 and at most 53")
            }
            if let hours, !(hours.value > 0 && hours.value <= 24) {
                r.fail("hours_per_day", "'\(r.optional("hours_per_day")!)' is not a working day; expected more than 0 and at most 24 hours")
            }
            guard r.diagnostics.isEmpty, let year, let headcount else { return }
            if let first = seen[year] { return r.fail("year", "duplicate workforce row for \(year); it is already on line \(first)") }
            seen[year] = r.row.line
            result.append(
                Workforce(
                    location: SourceLocation(file: table.file, line: r.row.line),
                    year: year,
                    headcount: headcount.value,
                    workingWeeks: weeks?.value ?? Workforce.defaultWorkingWeeks,
                    hoursPerDay: hours?.value ?? Workforce.defaultHoursPerDay
                )
            )
        }
        return result
    }
}
