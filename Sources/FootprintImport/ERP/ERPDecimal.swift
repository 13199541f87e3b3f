/// An exact decimal read from an export: `digits` x 10^-`scale`, at most 18 significant digits and
/// 18 decimals (what the canonical reader accepts). Never passes through binary floating point.
struct ERPDecimal: Sendable, Hashable {
    var digits: Int64
    var scale: Int

    static let maxDigits = 18

    /// The canonical text: `-1234.50`, `0.5`, `12`; as many decimals as `scale`.
    var text: String {
        let negative = digits < 0
        let magnitude = digits.magnitude
        var body = String(magnitude)
        if scale > 0 {
            if body.count <= scale { body = String(repeating: "0", count: scale - body.count + 1) + body }
            body.insert(".", at: body.index(body.endIndex, offsetBy: -scale))
        }
        return negative ? "-" + body : body
    }

    /// `self - other`, exactly at the larger scale; `nil` on overflow past 18 digits.
    func subtracting(_ other: ERPDecimal) -> ERPDecimal? {
        let scale = max(self.scale, other.scale)
        guard let a = Self.rescaled(digits, from: self.scale, to: scale),
            let b = Self.rescaled(other.digits, from: other.scale, to: scale)
        else { return nil }
        let (d, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow, d.magnitude < 1_000_000_000_000_000_000 else { return nil }
        return ERPDecimal(digits: d, scale: scale)
    }

    private static func rescaled(_ digits: Int64, from: Int, to: Int) -> Int64? {
        var d = digits
        for _ in from..<to {
            let (m, overflow) = d.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            d = m
        }
        return d
    }
}
