extension ERPMapping {
    /// How an export writes numbers: the decimal separator (`.` or `,`) and the thousands separators
    /// it may use (space, no-break space U+00A0, narrow no-break space U+202F, `.`, `,`, `'`).
    ///
    /// A number is an optional sign, digits with optional thousands separators (groups of three, one
    /// kind of separator per number), then optionally the decimal separator and decimals. The sign
    /// is a leading `-` or `+`, a trailing `-` (`1234,50-`), or parentheses (`(1 234,50)`).
    public struct NumberFormat: Sendable, Hashable {
        /// `.` or `,`.
        public var decimalSeparator: Character
        /// Characters allowed between groups of three digits in the integer part.
        public var thousandsSeparators: [Character]

        /// The separators a mapping may name.
        public static let allowedThousandsSeparators: [Character] = [" ", "\u{00A0}", "\u{202F}", ".", ",", "'"]

        /// `.` decimal point and no thousands separators, as in the canonical files.
        public init() {
            decimalSeparator = "."
            thousandsSeparators = []
        }

        /// Checks the separators; `nil` if they are not allowed or the decimal separator is also a
        /// thousands separator.
        public init?(decimalSeparator: Character, thousandsSeparators: [Character]) {
            guard decimalSeparator == "." || decimalSeparator == ",",
                thousandsSeparators.allSatisfy(Self.allowedThousandsSeparators.contains),
                !thousandsSeparators.contains(decimalSeparator)
            else { return nil }
            self.decimalSeparator = decimalSeparator
            self.thousandsSeparators = thousandsSeparators
        }

        init(decimalSeparator: String, thousandsSeparators: [String], codingPath: [any CodingKey]) throws {
            guard decimalSeparator == "." || decimalSeparator == "," else {
                throw DecodingError.dataCorrupted(.init(
                    codingPath: codingPath,
                    debugDescription: "decimal_separator '\(decimalSeparator)' is not supported; expected \".\" or \",\""))
            }
            var separators: [Character] = []
            for s in thousandsSeparators {
                let named: Character? = switch s.lowercased() {
                case "space": " "
                case "nbsp", "no-break space": "\u{00A0}"
                case "nnbsp", "narrow no-break space": "\u{202F}"
                default: s.count == 1 ? s.first : nil
                }
                guard let c = named, Self.allowedThousandsSeparators.contains(c), c != decimalSeparator.first else {
                    throw DecodingError.dataCorrupted(.init(
                        codingPath: codingPath,
                        debugDescription: "thousands separator '\(s)' is not supported with decimal separator '\(decimalSeparator)'; "
                            + "expected some of \" \", \"\\u00a0\", \"\\u202f\", \".\", \",\", \"'\" other than the decimal separator"))
                }
                separators.append(c)
            }
            self.decimalSeparator = decimalSeparator.first!
            self.thousandsSeparators = separators
        }

        /// An example of the format for error messages: `1 234,50`.
        var example: String {
            let t = thousandsSeparators.first.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : String($0) } ?? ""
            return "1\(t)234\(decimalSeparator)50"
        }

        /// Reads a number in this format, or `nil`.
        func parse(_ text: String) -> ERPDecimal? {
            var scalars = Substring(text).unicodeScalars[...]
            func isBlank(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\t" || s == "\u{00A0}" || s == "\u{202F}" }
            func trim() {
                while let f = scalars.first, isBlank(f) { scalars.removeFirst() }
                while let l = scalars.last, isBlank(l) { scalars.removeLast() }
            }
            trim()
            var negative = false
            if scalars.first == "(" && scalars.last == ")" {
                negative = true
                scalars = scalars.dropFirst().dropLast()
                trim()
            }
            if let f = scalars.first, f == "-" || f == "+" || f == "\u{2212}" {
                if negative { return nil }
                negative = f != "+"
                scalars.removeFirst()
            } else if scalars.last == "-" && !negative {
                negative = true
                scalars.removeLast()
                trim()
            }
            let decimal = decimalSeparator.unicodeScalars.first!
            var digits: Int64 = 0
            var significant = 0
            var scale = 0
            var inFraction = false
            var sawDigit = false
            var fractionDigits = 0
            var groupSeparator: Unicode.Scalar?
            var groupLength = 0  // digits since the last thousands separator (or the start)
            var firstGroup = true
            var previousWasSeparator = false
            for s in scalars {
                if s.value >= 48 && s.value <= 57 {
                    let v = s.value
                    sawDigit = true
                    if significant > 0 || v != 48 { significant += 1 }
                    guard significant <= ERPDecimal.maxDigits else { return nil }
                    digits = digits * 10 + Int64(v - 48)
                    if inFraction {
                        scale += 1
                        fractionDigits += 1
                    } else {
                        groupLength += 1
                    }
                    previousWasSeparator = false
                } else if s == decimal && !inFraction {
                    if groupSeparator != nil && (groupLength != 3 || previousWasSeparator) { return nil }
                    if previousWasSeparator { return nil }
                    inFraction = true
                } else if !inFraction, thousandsSeparators.contains(Character(s)) {
                    // Between digits only, one kind per number, groups of three.
                    guard groupLength > 0, !previousWasSeparator, groupSeparator == nil || groupSeparator == s else { return nil }
                    if firstGroup {
                        guard groupLength <= 3 else { return nil }
                        firstGroup = false
                    } else {
                        guard groupLength == 3 else { return nil }
                    }
                    groupSeparator = s
                    groupLength = 0
                    previousWasSeparator = true
                } else {
                    return nil
                }
            }
            guard sawDigit, !previousWasSeparator else { return nil }
            if inFraction && fractionDigits == 0 { return nil }
            if groupSeparator != nil && !inFraction && groupLength != 3 { return nil }
            guard scale <= ERPDecimal.maxDigits else { return nil }
            return ERPDecimal(digits: negative ? -digits : digits, scale: scale)
        }
    }
}
