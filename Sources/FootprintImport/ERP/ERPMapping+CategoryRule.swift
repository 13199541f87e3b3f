public import FootprintCore
import Foundation

extension ERPMapping {
    /// ERP values a rule applies to: one exact value (`6540`, `IT-HW`), or an inclusive range of
    /// numeric accounts written `low-high` (`6540-6549`), which matches any all-digit value in it.
    public enum AccountPattern: Sendable, Hashable, Decodable, CustomStringConvertible {
        case exact(String)
        case range(ClosedRange<Int>)

        /// `6540-6549` is a range when both ends are digits and low <= high; anything else is exact.
        public init(_ text: String) {
            let t = text.trimmingCharacters(in: .whitespaces)
            let parts = t.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 2, let lo = Self.accountNumber(parts[0]), let hi = Self.accountNumber(parts[1]), lo <= hi {
                self = .range(lo...hi)
            } else {
                self = .exact(t)
            }
        }

        public init(from decoder: any Decoder) throws {
            self.init(try decoder.singleValueContainer().decode(String.self))
        }

        /// Whether `value` (an ERP value, trimmed) falls under this pattern.
        public func matches(_ value: String) -> Bool {
            switch self {
            case .exact(let e): e == value
            case .range(let r): Self.accountNumber(Substring(value)).map(r.contains) ?? false
            }
        }

        public var description: String {
            switch self {
            case .exact(let e): e
            case .range(let r): "\(r.lowerBound)-\(r.upperBound)"
            }
        }

        /// The whole number an all-digit value (spaces around allowed) stands for, or `nil`.
        static func accountNumber(_ s: Substring) -> Int? {
            var n = 0
            var digits = 0
            var trailing = false
            for c in s.utf8 {
                if c == 32 {
                    if digits > 0 { trailing = true }
                    continue
                }
                guard c >= 48 && c <= 57, !trailing, digits < 18 else { return nil }
                n = n * 10 + Int(c - 48)
                digits += 1
            }
            return digits > 0 ? n : nil
        }
    }

    /// Maps ERP values to a factor category and, optionally, a Scope 3 category.
    public struct CategoryRule: Sendable, Hashable, Decodable {
        /// The GL account(s) or product group this rule applies to.
        public var erp: AccountPattern
        /// The factor category written into the canonical `category` column.
        public var category: String
        /// The Scope 3 category of the matching lines, unless the line's own flag column says otherwise.
        public var scope3: Scope3Category?

        public init(erp: AccountPattern, category: String, scope3: Scope3Category? = nil) {
            self.erp = erp
            self.category = category
            self.scope3 = scope3
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case erp, category, scope3 }

        public init(from decoder: any Decoder) throws {
            try ERPMapping.rejectUnknownKeys(in: decoder, known: CodingKeys.self)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            erp = try c.decode(AccountPattern.self, forKey: .erp)
            category = try c.decode(String.self, forKey: .category).trimmingCharacters(in: .whitespaces)
            guard !category.isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: .category,
                    in: c,
                    debugDescription: "expected a factor category, such as \"computers\""
                )
            }
            if let n = try? c.decodeIfPresent(Int.self, forKey: .scope3) {
                guard let s = Scope3Category(rawValue: n) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .scope3,
                        in: c,
                        debugDescription: "\(n) is not a Scope 3 category; expected 1 to 15"
                    )
                }
                scope3 = s
            } else if let text = try c.decodeIfPresent(String.self, forKey: .scope3) {
                guard let s = Scope3Category(parsing: text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .scope3,
                        in: c,
                        debugDescription: "'\(text)' is not a Scope 3 category; expected 1 to 15"
                    )
                }
                scope3 = s
            } else {
                scope3 = nil
            }
        }
    }
}
