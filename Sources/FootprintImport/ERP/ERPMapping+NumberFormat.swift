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
        public var thousandsSeparators: [Character] {
            didSet { separatorBytes = thousandsSeparators.map { Array(String($0).utf8) } }
        }
        /// `thousandsSeparators` as UTF-8, for the parser.
        private var separatorBytes: [[UInt8]] = []

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
            separatorBytes = thousandsSeparators.map { Array(String($0).utf8) }
        }

        init(decimalSeparator: String, thousandsSeparators: [String], codingPath: [any CodingKey]) throws {
            guard decimalSeparator == "." || decimalSeparator == "," else {
                throw DecodingError.corrupted(codingPath, "decimal_separator '\(decimalSeparator)' is not supported; expected \".\" or \",\"")
            }
            var separators: [Character] = []
            for s in thousandsSeparators {
                let named: Character? =
                    switch s.lowercased() {
                    case "space": " "
                    case "nbsp", "no-break space": "\u{00A0}"
                    case "nnbsp", "narrow no-break space": "\u{202F}"
                    default: s.count == 1 ? s.first : nil
                    }
                guard let c = named, Self.allowedThousandsSeparators.contains(c), c != decimalSeparator.first else {
                    throw DecodingError.corrupted(
                        codingPath,
                        "thousands separator '\(s)' is not supported with decimal separator '\(decimalSeparator)'; "
                            + "expected some of \" \", \"\\u00a0\", \"\\u202f\", \".\", \",\", \"'\" other than the decimal separator"
                    )
                }
                separators.append(c)
            }
            self.decimalSeparator = decimalSeparator.first!
            self.thousandsSeparators = separators
            separatorBytes = separators.map { Array(String($0).utf8) }
        }

        /// An example of the format for error messages: `1 234,50`.
        var example: String {
            let t = thousandsSeparators.first.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : String($0) } ?? ""
            return "1\(t)234\(decimalSeparator)50"
        }

        /// Reads a number in this format, or `nil`.
        func parse(_ text: String) -> ERPDecimal? {
            var copy = text
            return copy.withUTF8 { parse(bytes: $0) }
        }

        private func parse(bytes b: UnsafeBufferPointer<UInt8>) -> ERPDecimal? {
            var lo = 0
            var hi = b.count
            // Blanks: space, tab, U+00A0 (C2 A0), U+202F (E2 80 AF).
            func blankAt(_ i: Int) -> Int {
                if i < hi && (b[i] == 32 || b[i] == 9) { return 1 }
                if i + 1 < hi && b[i] == 0xC2 && b[i + 1] == 0xA0 { return 2 }
                if i + 2 < hi && b[i] == 0xE2 && b[i + 1] == 0x80 && b[i + 2] == 0xAF { return 3 }
                return 0
            }
            func blankBefore(_ e: Int) -> Int {
                if e - 1 >= lo && (b[e - 1] == 32 || b[e - 1] == 9) { return 1 }
                if e - 2 >= lo && b[e - 2] == 0xC2 && b[e - 1] == 0xA0 { return 2 }
                if e - 3 >= lo && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && b[e - 1] == 0xAF { return 3 }
                return 0
            }
            func trim() {
                while lo < hi, case let n = blankAt(lo), n > 0 { lo += n }
                while hi > lo, case let n = blankBefore(hi), n > 0 { hi -= n }
            }
            trim()
            var negative = false
            if hi - lo >= 2 && b[lo] == 40 && b[hi - 1] == 41 {  // ( )
                negative = true
                lo += 1
                hi -= 1
                trim()
            }
            if lo < hi && (b[lo] == 45 || b[lo] == 43) {
                if negative { return nil }
                negative = b[lo] == 45
                lo += 1
            } else if hi - lo >= 3 && b[lo] == 0xE2 && b[lo + 1] == 0x88 && b[lo + 2] == 0x92 {  // U+2212 minus sign
                if negative { return nil }
                negative = true
                lo += 3
            } else if hi > lo && b[hi - 1] == 45 && !negative {
                negative = true
                hi -= 1
                trim()
            }
            let decimal: UInt8 = decimalSeparator == "," ? 44 : 46
            let separators = separatorBytes
            var digits: Int64 = 0
            var significant = 0
            var scale = 0
            var inFraction = false
            var sawDigit = false
            var groupSeparator = -1  // index in `separators` of the kind used, -1 before the first
            var groupLength = 0  // digits since the last thousands separator (or the start)
            var firstGroup = true
            var previousWasSeparator = false
            var i = lo
            scan: while i < hi {
                let c = b[i]
                if c >= 48 && c <= 57 {
                    sawDigit = true
                    if significant > 0 || c != 48 { significant += 1 }
                    guard significant <= ERPDecimal.maxDigits else { return nil }
                    digits = digits * 10 + Int64(c - 48)
                    if inFraction { scale += 1 } else { groupLength += 1 }
                    previousWasSeparator = false
                    i += 1
                    continue
                }
                if c == decimal && !inFraction {
                    if previousWasSeparator || (groupSeparator >= 0 && groupLength != 3) { return nil }
                    inFraction = true
                    i += 1
                    continue
                }
                if !inFraction {
                    for (k, sep) in separators.enumerated() where i + sep.count <= hi && b[i] == sep[0] {
                        guard sep.indices.allSatisfy({ b[i + $0] == sep[$0] }) else { continue }
                        // Between digits only, one kind per number, groups of three.
                        guard groupLength > 0, !previousWasSeparator, groupSeparator < 0 || groupSeparator == k else { return nil }
                        guard firstGroup ? groupLength <= 3 : groupLength == 3 else { return nil }
                        firstGroup = false
                        groupSeparator = k
                        groupLength = 0
                        previousWasSeparator = true
                        i += sep.count
                        continue scan
                    }
                }
                return nil
            }
            guard sawDigit, !previousWasSeparator else { return nil }
            if inFraction && scale == 0 { return nil }
            if groupSeparator >= 0 && !inFraction && groupLength != 3 { return nil }
            return ERPDecimal(digits: negative ? -digits : digits, scale: scale)
        }
    }
}
