/// When a footprint may be used: from `start` (inclusive) to `end` (exclusive), in milliseconds since
/// 1970-01-01T00:00:00Z; either bound may be open.
///
/// Purchase lines carry a date, not an instant: a line dated D is read as D at 00:00 UTC, so it is
/// covered when `start <= D 00:00Z < end`. `firstDate` and `endDate` are those bounds as YYYYMMDD
/// numbers, so that the engine compares a line's date with two integers.
public struct ValidityPeriod: Sendable, Hashable {
    public var start: Int64?
    public var end: Int64?

    public init(start: Int64?, end: Int64?) {
        self.start = start
        self.end = end
    }

    static let dayMilliseconds: Int64 = 86_400_000

    /// The first date (YYYYMMDD) whose midnight UTC is at or after `start`; `Int32.min` when open.
    public var firstDate: Int32 { start.map { CivilDate.yyyymmdd(days: Self.ceilDays($0)) } ?? Int32.min }
    /// The first date (YYYYMMDD) whose midnight UTC is at or after `end`: the first date not covered; `Int32.max` when open.
    public var endDate: Int32 { end.map { CivilDate.yyyymmdd(days: Self.ceilDays($0)) } ?? Int32.max }

    /// Whether a line dated `date` (YYYYMMDD) is covered.
    public func contains(date: Int32) -> Bool { date >= firstDate && date < endDate }

    static func ceilDays(_ ms: Int64) -> Int64 {
        let q = ms / dayMilliseconds, r = ms % dayMilliseconds
        return r > 0 ? q + 1 : q
    }
}

/// Day numbers and YYYYMMDD integers, for the engine's validity checks.
extension CivilDate {
    /// YYYYMMDD of a day number.
    public static func yyyymmdd(days: Int64) -> Int32 {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Int32(clamping: y * 10000 + m * 100 + d)
    }

    /// The day number of YYYYMMDD.
    public static func days(yyyymmdd date: Int32) -> Int64 {
        var y = Int64(date / 10000)
        let m = Int64(date / 100 % 100), d = Int64(date % 100)
        if m <= 2 { y -= 1 }
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
