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

    /// From the midnight (UTC) of `firstDay` to the end of `lastDay` (YYYYMMDD, both included; nil: open).
    public init(firstDay: Int32?, lastDay: Int32?) {
        start = firstDay.map { CivilDate.days(yyyymmdd: $0) * Self.dayMilliseconds }
        end = lastDay.map { (CivilDate.days(yyyymmdd: $0) + 1) * Self.dayMilliseconds }
    }

    static let dayMilliseconds: Int64 = 86_400_000

    /// The first date (YYYYMMDD) whose midnight UTC is at or after `start`; `Int32.min` when open.
    public var firstDate: Int32 { start.map { CivilDate.yyyymmdd(days: Self.ceilDays($0)) } ?? Int32.min }
    /// The first date (YYYYMMDD) whose midnight UTC is at or after `end`: the first date not covered; `Int32.max` when open.
    public var endDate: Int32 { end.map { CivilDate.yyyymmdd(days: Self.ceilDays($0)) } ?? Int32.max }

    /// Whether a line dated `date` (YYYYMMDD) is covered.
    public func contains(date: Int32) -> Bool { date >= firstDate && date < endDate }

    static func ceilDays(_ ms: Int64) -> Int64 {
        let q = ms / dayMilliseconds
        let r = ms % dayMilliseconds
        return r > 0 ? q + 1 : q
    }
}

/// Day numbers and YYYYMMDD integers, for the engine's validity checks.
extension CivilDate {
    /// YYYYMMDD of a day number.
    public static func yyyymmdd(days: Int64) -> Int32 {
        let (y, m, d) = civil(days: days)
        return Int32(clamping: y * 10000 + m * 100 + d)
    }

    /// The day number of YYYYMMDD.
    public static func days(yyyymmdd date: Int32) -> Int64 {
        days(year: Int64(date / 10000), month: Int64(date / 100 % 100), day: Int64(date % 100))
    }
}
