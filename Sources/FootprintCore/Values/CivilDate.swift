/// The proleptic Gregorian calendar, without time zones: the one place for leap years, month
/// lengths, day numbers and `YYYY-MM-DD` text (ledger dates, engagement dates, PACT date-times).
public enum CivilDate {
    /// Days since 1970-01-01 of a `YYYY-MM-DD` date (the first 10 characters of an ISO 8601
    /// timestamp are enough); nil when the text is not a valid date.
    public static func dayNumber(_ text: String) -> Int? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1, d <= daysInMonth(y, m)
        else { return nil }
        return Int(days(year: Int64(y), month: Int64(m), day: Int64(d)))
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    public static func days(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The proleptic Gregorian date of a day number (Howard Hinnant's civil_from_days).
    public static func civil(days z0: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The `YYYY-MM-DD` text of a day number.
    public static func text(_ day: Int) -> String {
        let (y, m, d) = civil(days: Int64(day))
        func pad(_ n: Int64, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    /// Whether `text` is a valid `YYYY-MM-DD` date (exactly 10 characters).
    public static func isValid(_ text: String) -> Bool { text.count == 10 && dayNumber(text) != nil }

    /// Whether `year` has a 29 February.
    @inlinable
    public static func isLeap<Year: BinaryInteger>(_ year: Year) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1...12) of `year`.
    @inlinable
    public static func daysIn<Number: BinaryInteger>(month: Number, year: Number) -> Number {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The number of days in `month` of `year`, for the ledger's dates (no generic dispatch on the hot path).
    @inlinable @inline(__always)
    public static func daysIn(month: Int32, year: Int32) -> Int32 {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int { daysIn(month: m, year: y) }
}
