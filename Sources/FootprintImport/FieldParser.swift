import FootprintCore
import Foundation

/// A decimal number read from text: exact digits and scale (value = digits x 10^-scale) and the
/// nearest `Double`.
public struct ParsedDecimal: Sendable, Equatable {
    public var digits: Int64
    public var scale: Int
    public var value: Double
}

/// Parses field bytes into numbers, dates and currency codes, without allocating on success.
public enum FieldParser {
    /// Reads `-1234.50`, `12`, `.5`, `1e3`, `1.5E-4`. Returns `nil` for anything else
    /// (thousands separators, decimal commas, currency signs, spaces) or more than 18 digits.
    @inline(__always)
    public static func decimal(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ParsedDecimal? {
        // Fast path for the usual form, `[-+]digits[.digits]` with at most 15 digits in all: the same
        // digits, scale and value as `generalDecimal` (the value is exact, see there), in one pass.
        var p = start
        guard p < end else { return nil }
        let sign = base[p]
        let negative = sign == 45
        if negative || sign == 43 { p += 1 }
        let digitsStart = p
        var digits: Int64 = 0
        while p < end, case let d = base[p] &- 48, d < 10 {
            digits = digits &* 10 &+ Int64(d)
            p += 1
        }
        var scale = 0
        var point = 0
        if p < end && base[p] == 46 {
            p += 1
            point = 1
            let fractionStart = p
            while p < end, case let d = base[p] &- 48, d < 10 {
                digits = digits &* 10 &+ Int64(d)
                p += 1
            }
            scale = p - fractionStart
        }
        let digitCount = p - digitsStart - point
        guard p == end, digitCount >= 1, digitCount <= 15 else { return generalDecimal(base, start, end) }
        var power = 1.0
        for _ in 0..<scale { power *= 10 }
        let signed = negative ? -digits : digits
        return ParsedDecimal(digits: signed, scale: scale, value: Double(signed) / power)
    }

    /// Every form `decimal` accepts, including exponents and up to 18 significant digits.
    static func generalDecimal(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> ParsedDecimal? {
        var p = start
        guard p < end else { return nil }
        var negative = false
        if base[p] == 45 || base[p] == 43 {
            negative = base[p] == 45
            p += 1
        }
        var digits: Int64 = 0
        var count = 0
        var scale = 0
        var sawPoint = false
        var sawDigit = false
        while p < end {
            let c = base[p]
            if c >= 48 && c <= 57 {
                sawDigit = true
                if count > 0 || c != 48 { count += 1 }
                guard count <= 18 else { return nil }
                digits = digits &* 10 &+ Int64(c &- 48)
                if sawPoint { scale += 1 }
            } else if c == 46 && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            p += 1
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if p < end && (base[p] == 101 || base[p] == 69) {
            p += 1
            var expNegative = false
            if p < end && (base[p] == 45 || base[p] == 43) {
                expNegative = base[p] == 45
                p += 1
            }
            var expDigits = 0
            while p < end && base[p] >= 48 && base[p] <= 57 && expDigits < 4 {
                exponent = exponent * 10 + Int(base[p] - 48)
                p += 1
                expDigits += 1
            }
            guard expDigits > 0 else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard p == end else { return nil }
        scale -= exponent
        while scale < 0 {
            let (m, overflow) = digits.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            digits = m
            scale += 1
        }
        guard scale <= 18 else { return nil }
        if negative { digits = -digits }
        let value: Double
        if count <= 15 && scale <= 22 {
            // Exact: digits < 2^53 and 10^scale are both representable, so one division rounds correctly.
            var power = 1.0
            for _ in 0..<scale { power *= 10 }
            value = Double(digits) / power
        } else {
            value = strtodFallback(base, start, end)
        }
        return ParsedDecimal(digits: digits, scale: scale, value: value)
    }

    static func strtodFallback(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
        return Double(text) ?? .nan
    }

    /// Reads a year such as `2024`.
    public static func year(_ text: String) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let y = Int(text), y >= 1 else { return nil }
        return y
    }

    /// Reads a decimal from a `String`.
    public static func decimal(_ text: String) -> ParsedDecimal? {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return decimal(base, 0, buffer.count)
        }
    }
}
