extension TravelResult {
    /// A short report: the two categories with their parts, the choices made, and the warnings.
    public func text() -> String {
        func kg(_ v: Double) -> String { Self.grouped(v) + " kg" }
        var out = ["Business travel and commuting, \(period)"]
        out.append(
            "choices: air \(settings.radiativeForcing.rawValue) radiative forcing; well-to-tank "
                + "\(settings.includeWellToTank ? "included" : "not included"); home-working \(settings.includeHomeworking ? "included" : "not included")"
        )
        if let t = businessTravel {
            out.append("3.6 Business travel: \(kg(t.totalKg)) CO2e (\(t.lines) lines; \(t.outsidePeriod) outside the period, left out)")
            out.append("  air \(kg(t.kg(.air))) (without RF \(kg(t.airKgWithoutRF)); RF \(kg(t.airRFKg)))")
            out.append("  rail \(kg(t.kg(.rail))), road \(kg(t.kg(.road))), sea \(kg(t.kg(.sea))), hotel \(kg(t.kg(.hotel)))")
            out.append("  well-to-tank \(kg(t.wellToTankKg))")
        } else {
            out.append("3.6 Business travel: not computed (no travel.csv)")
        }
        if let c = commuting {
            out.append(
                "3.7 Employee commuting: \(kg(c.totalKg)) CO2e (\(c.respondents) respondents of \(c.workforce.headcount.formatted()) FTE, "
                    + "response rate \(TravelCalculator.percent(c.responseRate)); mean \(kg(c.meanKgPerRespondent)) per respondent)"
            )
            let modes = CommuteMode.allCases.filter { $0 != .homeWorking && c.kg($0) > 0 }.map { "\($0.rawValue) \(kg(c.kg($0)))" }
            out.append("  " + (modes.isEmpty ? "no travel" : modes.joined(separator: ", ")))
            out.append("  home-working \(kg(c.homeworkingKg)), well-to-tank \(kg(c.wellToTankKg))")
        } else {
            out.append("3.7 Employee commuting: not computed (no commuting_survey.csv)")
        }
        out += warnings.map { "warning: \($0)" }
        return out.joined(separator: "\n") + "\n"
    }

    /// `12,345.6`: one decimal, thousands grouped.
    static func grouped(_ v: Double) -> String {
        let tenths = Int64((abs(v) * 10).rounded())
        var whole = String(tenths / 10)
        var i = whole.count - 3
        while i > 0 {
            whole.insert(",", at: whole.index(whole.startIndex, offsetBy: i))
            i -= 3
        }
        return (v < 0 && tenths != 0 ? "-" : "") + whole + "." + String(tenths % 10)
    }
}
