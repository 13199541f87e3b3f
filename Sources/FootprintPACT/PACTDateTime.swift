import FootprintCore

/// A PACT `string<date-time>` (RFC 3339): the text as given and the instant in milliseconds since
/// 1970-01-01T00:00:00Z. Fractional seconds beyond milliseconds are truncated.
public struct PACTDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The text exactly as in the document.
    public let text: String
    /// The instant, in milliseconds since the Unix epoch (UTC).
    public let epochMilliseconds: Int64

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`T` and `Z` in either case); nil for
    /// anything else, including a date without a time or a time without an offset.
    public init?(_ text: String) {
        guard let ms = PACTDateTime.parse(Array(text.utf8)) else { return nil }
        self.text = text
        self.epochMilliseconds = ms
    }

    /// The instant `epochMilliseconds`, written in UTC as `2024-11-08T13:26:00Z` (with `.sss`
    /// when the milliseconds are not zero).
    public init(epochMilliseconds ms: Int64) {
        self.epochMilliseconds = ms
        let days = ms >= 0 ? ms / 86_400_000 : -((-ms + 86_399_999) / 86_400_000)
        let rest = ms - days * 86_400_000
        let (y, m, d) = CivilDate.civil(days: days)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var year = String(y)
        while year.count < 4 { year = "0" + year }
        var t = "\(year)-\(two(m))-\(two(d))T\(two(rest / 3_600_000)):\(two(rest / 60_000 % 60)):\(two(rest / 1000 % 60))"
        if rest % 1000 != 0 {
            let millis = String(rest % 1000)
            t += "." + String(repeating: "0", count: 3 - millis.count) + millis
        }
        self.text = t + "Z"
    }

    public var description: String { text }

    public static func < (a: PACTDateTime, b: PACTDateTime) -> Bool { a.epochMilliseconds < b.epochMilliseconds }

    /// The same wall-clock instant `years` calendar years later (in UTC; 29 February becomes 28 February).
    public func addingYears(_ years: Int) -> PACTDateTime {
        let days = epochMilliseconds >= 0 ? epochMilliseconds / 86_400_000 : -((-epochMilliseconds + 86_399_999) / 86_400_000)
        let rest = epochMilliseconds - days * 86_400_000
        var (y, m, d) = CivilDate.civil(days: days)
        y += Int64(years)
        if m == 2 && d == 29 && !CivilDate.isLeap(y) { d = 28 }
        return PACTDateTime(epochMilliseconds: CivilDate.days(year: y, month: m, day: d) * 86_400_000 + rest)
    }

    static func parse(_ b: [UInt8]) -> Int64? {
        var i = 0
        func digits(_ n: Int) -> Int64? {
            guard i + n <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<i + n {
                let d = b[k] &- 48
                guard d < 10 else { return nil }
                v = v * 10 + Int64(d)
            }
            i += n
            return v
        }
        func expect(_ c: Character) -> Bool {
            guard i < b.count, b[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2) else { return nil }
        guard i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") else { return nil }
        i += 1
        guard let hour = digits(2), expect(":"), let minute = digits(2), expect(":"), let second = digits(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var millis: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var n = 0
            while i < b.count, b[i] &- 48 < 10 {
                if n < 3 { millis = millis * 10 + Int64(b[i] - 48) }
                n += 1
                i += 1
            }
            guard n > 0 else { return nil }
            for _ in n..<max(n, 3) { millis *= 10 }
        }
        var offset: Int64 = 0
        guard i < b.count else { return nil }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(2), expect(":"), let om = digits(2), oh <= 23, om <= 59 else { return nil }
            offset = sign * (oh * 60 + om)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = CivilDate.days(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset * 60
        return seconds * 1000 + millis
    }
}
