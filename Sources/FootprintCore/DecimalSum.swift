/// An exact sum of decimal amounts (money), kept as an integer count of 10^-18 units.
/// Amounts are read from text as a scaled integer and never pass through binary floating point.
public struct DecimalSum: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Number of decimal places kept.
    public static let scale = 18
    @usableFromInline static let powers: [Int128] = (0...scale).map { p in
        var v: Int128 = 1
        for _ in 0..<p { v *= 10 }
        return v
    }

    /// The sum in units of 10^-18.
    public var units: Int128 = 0

    public init() {}

    /// A value of `digits` x 10^-`scale`.
    public init(digits: Int64, scale: Int) {
        units = Int128(digits) * Self.powers[Self.scale - scale]
    }

    /// A value of `units` x 10^-`scale` (scale 0...18), for sums of many amounts of one scale.
    public init(units: Int128, scale: Int) {
        self.units = units * Self.powers[Self.scale - scale]
    }

    /// Adds `digits` x 10^-`scale` (scale 0...18).
    @inlinable @inline(__always)
    public mutating func add(digits: Int64, scale: Int) {
        units += Int128(digits) * Self.powers[Self.scale - scale]
    }

    public mutating func add(_ other: DecimalSum) { units += other.units }

    public static func < (lhs: DecimalSum, rhs: DecimalSum) -> Bool { lhs.units < rhs.units }

    /// The nearest `Double`, for display and ratios.
    public var doubleValue: Double { Double(units) / 1e18 }

    /// Exact decimal text without trailing zeros: `-1234.5`, `0`, `12`.
    public var description: String {
        let negative = units < 0
        let magnitude = negative ? -units : units
        let whole = magnitude / Self.powers[Self.scale]
        var fraction = String(magnitude % Self.powers[Self.scale])
        fraction = String(repeating: "0", count: Self.scale - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        let sign = negative ? "-" : ""
        return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// The sum rounded half away from zero to `places` decimals, as text (for reports).
    public func formatted(places: Int) -> String {
        let divisor = Self.powers[Self.scale - places]
        var rounded = units / divisor
        let remainder = units % divisor
        if remainder * 2 >= divisor { rounded += 1 } else if remainder * 2 <= -divisor { rounded -= 1 }
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        let whole = magnitude / Self.powers[places]
        var text = "\(negative ? "-" : "")\(whole)"
        if places > 0 {
            let fraction = String(magnitude % Self.powers[places])
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }
}
