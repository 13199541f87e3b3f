/// A reporting period: a fiscal year of the company, from its first to its last day (both included).
///
/// A fiscal year starts on the first day of `startMonth` (1 = January: the calendar year, the
/// default) and lasts twelve months. It is named by the calendar year in which it **ends**, as
/// most companies name theirs: with a fiscal year starting in July, `2024` runs from 2023-07-01 to
/// 2024-06-30. With the calendar year, `2024` is 2024-01-01 to 2024-12-31.
public struct ReportingPeriod: Sendable, Hashable, CustomStringConvertible {
    /// The fiscal year's name: the calendar year of its last day.
    public let year: Int
    /// The month (1...12) on whose first day the fiscal year starts.
    public let startMonth: Int
    /// The first and last day, as the number YYYYMMDD (as ledger dates are held on the hot path).
    public let start: Int32
    public let end: Int32

    /// The fiscal year `year` of a company whose fiscal year starts in `startMonth`; nil when the
    /// month is not 1...12 or the year not 1...9998.
    public init?(fiscalYear year: Int, startMonth: Int = 1) {
        guard (1...12).contains(startMonth), (1...9998).contains(year) else { return nil }
        self.year = year
        self.startMonth = startMonth
        let firstYear = startMonth == 1 ? year : year - 1
        start = Int32(firstYear * 10000 + startMonth * 100 + 1)
        let lastMonth = startMonth == 1 ? 12 : startMonth - 1
        end = Int32(year * 10000 + lastMonth * 100 + CivilDate.daysIn(month: lastMonth, year: year))
    }

    /// Reads `2024` or `FY2024` (case-insensitive) as the fiscal year ending in 2024.
    public init?(parsing text: String, startMonth: Int = 1) {
        var t = Substring(text)
        if t.lowercased().hasPrefix("fy") { t = t.dropFirst(2) }
        guard t.count == 4, t.allSatisfy(\.isASCII), let year = Int(t) else { return nil }
        self.init(fiscalYear: year, startMonth: startMonth)
    }

    /// The fiscal year (of a company whose fiscal year starts in `startMonth`) that contains `date` (YYYYMMDD).
    public static func containing(_ date: Int32, startMonth: Int = 1) -> ReportingPeriod? {
        let year = Int(date / 10000)
        let month = Int(date / 100 % 100)
        let endYear = startMonth == 1 || month < startMonth ? year : year + 1
        return ReportingPeriod(fiscalYear: endYear, startMonth: startMonth)
    }

    /// Whether the day `date` (YYYYMMDD) lies in the period.
    @inlinable @inline(__always)
    public func contains(_ date: Int32) -> Bool { date >= start && date <= end }

    /// `YYYY-MM-DD` of the first and last day.
    public var startText: String { Self.text(start) }
    public var endText: String { Self.text(end) }

    /// `2024` for a calendar year, `FY2024` otherwise.
    public var name: String { startMonth == 1 ? String(year) : "FY\(year)" }

    /// `2024` for a calendar year, `FY2024 (2023-07-01 to 2024-06-30)` otherwise.
    public var description: String {
        startMonth == 1 ? String(year) : "FY\(year) (\(startText) to \(endText))"
    }

    /// `YYYY-MM-DD` of a day given as the number YYYYMMDD.
    public static func text(_ date: Int32) -> String {
        let y = Int(date / 10000)
        let m = Int(date / 100 % 100)
        let d = Int(date % 100)
        return CivilDate.text(Int(CivilDate.days(year: Int64(y), month: Int64(m), day: Int64(d))))
    }

    /// `{"start": "2024-01-01", "end": "2024-12-31", "fiscal_year": 2024, "start_month": 1}`.
    public func json() -> JSONValue {
        .object([
            ("start", .string(startText)), ("end", .string(endText)), ("fiscal_year", .integer(year)),
            ("start_month", .integer(startMonth)),
        ])
    }
}
