/// A PACT `string<decimal>`: the exact text as given and its value as a `Double` for computation.
public struct PACTDecimal: Sendable, Hashable, CustomStringConvertible {
    /// The text exactly as in the document (e.g. `"0.800"`).
    public let text: String
    /// The value (15-16 significant digits).
    public let double: Double

    /// A decimal from text of the PACT decimal grammar (optional exponent allowed); nil otherwise.
    public init?(_ text: String) {
        guard let shape = PACTDecimal.Shape(text), let d = Double(text) else { return nil }
        _ = shape
        self.text = text
        self.double = d
    }

    public var description: String { text }

    /// What the grammar tells about a decimal text: sign, zero-ness and whether it has an exponent.
    struct Shape {
        var negative: Bool
        var zero: Bool
        var exponent: Bool

        /// Parses `[+-]?\d+(\.\d+)?([eE][+-]?\d+)?`, anchored at both ends; nil if the text does not match.
        init?(_ text: String) {
            var negative = false
            var zero = true
            var exponent = false
            var it = text.utf8.makeIterator()
            var c = it.next()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                negative = c == UInt8(ascii: "-")
                c = it.next()
            }
            func isDigit(_ b: UInt8?) -> Bool { b.map { $0 &- 48 < 10 } ?? false }
            guard isDigit(c) else { return nil }
            while isDigit(c) {
                if c != UInt8(ascii: "0") { zero = false }
                c = it.next()
            }
            if c == UInt8(ascii: ".") {
                c = it.next()
                guard isDigit(c) else { return nil }
                while isDigit(c) {
                    if c != UInt8(ascii: "0") { zero = false }
                    c = it.next()
                }
            }
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = true
                c = it.next()
                if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
                guard isDigit(c) else { return nil }
                while isDigit(c) { c = it.next() }
            }
            guard c == nil else { return nil }
            self.negative = negative && !zero
            self.zero = zero
            self.exponent = exponent
        }
    }

    /// The text in plain notation without exponent (`"1.2e+3"` → `"1200"`, `"5E-2"` → `"0.05"`);
    /// the text itself when it has no exponent; nil when it is not a decimal.
    public static func plainNotation(_ text: String) -> String? {
        guard let shape = Shape(text) else { return nil }
        guard shape.exponent else { return text }
        let lower = text.lowercased()
        let parts = lower.split(separator: "e", maxSplits: 1)
        guard parts.count == 2, let exp = Int(parts[1]), abs(exp) < 10_000 else { return nil }
        var mantissa = String(parts[0])
        var sign = ""
        if mantissa.hasPrefix("-") || mantissa.hasPrefix("+") {
            if mantissa.hasPrefix("-") { sign = "-" }
            mantissa.removeFirst()
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(pieces[0])
        let fracPart = pieces.count > 1 ? String(pieces[1]) : ""
        var digits = intPart + fracPart
        var point = intPart.count + exp
        if point < 0 {
            digits = String(repeating: "0", count: -point) + digits
            point = 0
        }
        if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
        var whole = String(digits.prefix(point))
        var frac = String(digits.dropFirst(point))
        while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
        if whole.isEmpty { whole = "0" }
        while frac.hasSuffix("0") { frac.removeLast() }
        if shape.zero { sign = "" }
        return sign + whole + (frac.isEmpty ? "" : "." + frac)
    }
}
