import ArgumentParser
import FootprintCore

/// `--period YEAR` and `--fiscal-year-start MONTH`: the reporting period of a calculation.
struct PeriodOption: ParsableArguments {
    @Option(
        name: .long,
        help: "The reporting period: a fiscal year named by the year it ends (2024 or FY2024). Lines dated outside it are counted, not computed."
    )
    var period: String?

    @Option(name: .customLong("fiscal-year-start"), help: "With --period: the month (1-12) the fiscal year starts in (default 1, the calendar year).")
    var fiscalYearStart: Int?

    func validate() throws {
        if let month = fiscalYearStart, !(1...12).contains(month) {
            throw ValidationError("--fiscal-year-start \(month) is not a month; expected 1 (January) to 12 (December)")
        }
        if fiscalYearStart != nil && period == nil {
            throw ValidationError("--fiscal-year-start applies with --period; give the fiscal year as well, such as --period 2024")
        }
        _ = try reportingPeriod()
    }

    /// The period asked for; nil without `--period` (every line counts).
    func reportingPeriod() throws -> ReportingPeriod? {
        guard let period else { return nil }
        let month = fiscalYearStart ?? 1
        guard let parsed = ReportingPeriod(parsing: period, startMonth: month) else {
            throw ValidationError(
                "--period '\(period)' is not a fiscal year; expected the year the fiscal year ends in, such as 2024 or FY2024 (years 1 to 9998)"
            )
        }
        return parsed
    }
}
