import ArgumentParser
import FootprintCore

/// `--period YEAR` and `--fiscal-year-start MONTH`: the reporting period of a calculation.
struct PeriodOption: ParsableArguments {
    @Option(
        name: .long,
        help: """
            The reporting period: a fiscal year named by the year it ends (2024 or FY2024), or 'all' (every line). \
            Lines dated outside it are counted, not computed. A workspace's default is 'latest' (the fiscal year \
            of its latest purchase); with --data, every line counts unless a period is given.
            """
    )
    var period: String?

    @Option(
        name: .customLong("fiscal-year-start"),
        help: "With --data and --period: the month (1-12) the fiscal year starts in (default: company.json's, else 1, the calendar year)."
    )
    var fiscalYearStart: Int?

    func validate() throws {
        if let month = fiscalYearStart, !(1...12).contains(month) {
            throw ValidationError("--fiscal-year-start \(month) is not a month; expected 1 (January) to 12 (December)")
        }
        if fiscalYearStart != nil && period == nil {
            throw ValidationError("--fiscal-year-start applies with --period; give the fiscal year as well, such as --period 2024")
        }
    }

    /// The period asked for of a data folder; nil without `--period` or with `all` (every line counts).
    /// `defaultStart`: the fiscal year's start month when `--fiscal-year-start` is not given.
    func reportingPeriod(defaultStart: Int = 1) throws -> ReportingPeriod? {
        guard let period, period.lowercased() != "all" else { return nil }
        if period.lowercased() == "latest" {
            throw ValidationError("--period latest applies to a workspace; with --data, give the fiscal year, such as --period 2024")
        }
        let month = fiscalYearStart ?? defaultStart
        guard let parsed = ReportingPeriod(parsing: period, startMonth: month) else {
            throw ValidationError(
                "--period '\(period)' is not a fiscal year; expected the year the fiscal year ends in, such as 2024 or FY2024 (years 1 to 9998)"
            )
        }
        return parsed
    }
}
