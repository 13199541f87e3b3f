import FootprintCore

extension FieldParser {
    /// Reads `YYYY-MM-DD` and returns it as the number YYYYMMDD, or `nil` if it is not a valid calendar
    /// date. One pass over the ten bytes; inlined, as every purchase line has a date.
    @inline(__always)
    public static func date(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32? {
        guard end - start == 10 else { return nil }
        let b = base + start
        // A byte minus '0' wraps to 208 or more for anything below '0', so `< 10` alone checks a digit.
        @inline(__always) func digit(_ i: Int) -> Int32 { Int32(b[i] &- 48) }
        let y0 = digit(0)
        let y1 = digit(1)
        let y2 = digit(2)
        let y3 = digit(3)
        let m0 = digit(5)
        let m1 = digit(6)
        let d0 = digit(8)
        let d1 = digit(9)
        guard b[4] == 45, b[7] == 45, y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
        let year = y0 &* 1000 &+ y1 &* 100 &+ y2 &* 10 &+ y3
        let month = m0 &* 10 &+ m1
        let day = d0 &* 10 &+ d1
        guard year >= 1, month >= 1, month <= 12, day >= 1, day <= 28 || day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        return year &* 10000 &+ month &* 100 &+ day
    }
}
