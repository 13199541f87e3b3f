import FootprintCore

/// The sign a decimal field must have.
enum DecimalSign {
    case any, positive, nonNegative, nonPositive

    var noun: String {
        switch self {
        case .any: "a decimal"
        case .positive: "a positive decimal"
        case .nonNegative: "a decimal greater than or equal to 0"
        case .nonPositive: "a decimal less than or equal to 0"
        }
    }

    var example: String {
        switch self {
        case .any: "digits with an optional sign and decimal point, such as \"1\", \"0.5\" or \"-2.25\""
        case .positive: "digits greater than 0, such as \"1\" or \"0.5\""
        case .nonNegative: "digits, 0 or more, such as \"0\" or \"12.5\""
        case .nonPositive: "0 or a negative number, such as \"0\" or \"-1.5\""
        }
    }
}

/// Collects problems while walking a footprint; the type-checking helpers return the value when it is usable.
struct PACTCheck {
    var problems: [PACTProblem] = []

    mutating func error(_ path: String, _ message: String) { problems.append(PACTProblem(.error, path, message)) }
    mutating func warning(_ path: String, _ message: String) { problems.append(PACTProblem(.warning, path, message)) }

    /// A member that is present and not null (PACT: "undefined" is absent or null).
    static func defined(_ object: JSONValue, _ key: String) -> JSONValue? {
        guard let v = object[key], !v.isNull else { return nil }
        return v
    }

    /// How a value reads in a message: strings quoted (shortened), others by kind.
    static func describe(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return "\"" + (s.count > 60 ? String(s.prefix(57)) + "..." : s) + "\""
        case .decimal(let t): return "the number \(t)"
        case .integer(let n): return "the number \(n)"
        case .number(let d): return "the number \(d)"
        case .bool(let b): return "\(b)"
        case .null: return "null"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value of a required member, or an error naming it.
    mutating func required(_ object: JSONValue, _ key: String, _ base: String, _ expected: String) -> JSONValue? {
        guard let v = object[key] else {
            error(base + "/" + key, "required field '\(key)' is missing; expected \(expected)")
            return nil
        }
        if v.isNull {
            error(base + "/" + key, "required field '\(key)' is null; expected \(expected)")
            return nil
        }
        return v
    }

    mutating func object(_ v: JSONValue, _ path: String) -> JSONValue? {
        if case .object = v { return v }
        error(path, "found \(Self.describe(v)); expected a JSON object")
        return nil
    }

    mutating func string(_ v: JSONValue, _ path: String, nonEmpty: Bool = false) -> String? {
        guard case .string(let s) = v else {
            error(path, "found \(Self.describe(v)); expected a string")
            return nil
        }
        if nonEmpty && s.isEmpty {
            error(path, "found an empty string; expected at least one character")
            return nil
        }
        return s
    }

    mutating func bool(_ v: JSONValue, _ path: String) -> Bool? {
        guard case .bool(let b) = v else {
            error(path, "found \(Self.describe(v)); expected true or false")
            return nil
        }
        return b
    }

    mutating func oneOf(_ v: JSONValue, _ path: String, _ allowed: [String]) -> String? {
        guard let s = string(v, path) else { return nil }
        if allowed.contains(s) { return s }
        let hint = allowed.first { $0.lowercased() == s.lowercased() }.map { " (values are case-sensitive: write \"\($0)\")" } ?? ""
        error(path, "\(Self.describe(v)) is not an allowed value; expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ") + hint)
        return nil
    }

    mutating func formatted(_ v: JSONValue, _ path: String, _ test: (String) -> Bool, _ expected: String) -> String? {
        guard let s = string(v, path) else { return nil }
        if test(s) { return s }
        error(path, "\(Self.describe(v)) is not valid; expected \(expected)")
        return nil
    }

    mutating func uuid(_ v: JSONValue, _ path: String) -> String? {
        formatted(v, path, PACTVocabulary.isUUID, "a UUID such as \"8b26f3b8-f5d9-4adf-8a11-02e05d273e58\"")
    }

    mutating func dateTime(_ v: JSONValue, _ path: String) -> PACTDateTime? {
        guard let s = string(v, path) else { return nil }
        if let d = PACTDateTime(s) { return d }
        error(
            path,
            "\(Self.describe(v)) is not an RFC 3339 date-time; expected a date, time and offset such as \"2025-04-30T00:00:00Z\" or \"2025-04-30T12:00:00.000+02:00\""
        )
        return nil
    }

    /// A decimal string with the given sign; a JSON number is an error (v3 writes decimals as strings),
    /// an exponent is accepted with a warning.
    mutating func decimal(_ v: JSONValue, _ path: String, _ sign: DecimalSign = .any) -> PACTDecimal? {
        let numberText: String?
        switch v {
        case .decimal(let t): numberText = t
        case .integer(let n): numberText = String(n)
        case .number(let d): numberText = "\(d)"
        default: numberText = nil
        }
        if let t = numberText {
            let plain = PACTDecimal.plainNotation(t) ?? t
            error(
                path,
                "found the number \(t) (not a string); expected a decimal string such as \"\(plain)\": PACT v3 writes every decimal as a JSON string"
            )
            return nil
        }
        guard let s = string(v, path) else { return nil }
        guard let shape = PACTDecimal.Shape(s), let d = PACTDecimal(s) else {
            error(path, "\(Self.describe(v)) is not \(sign.noun); expected \(sign.example)")
            return nil
        }
        let ok: Bool
        switch sign {
        case .any: ok = true
        case .positive: ok = !shape.zero && !shape.negative
        case .nonNegative: ok = !shape.negative
        case .nonPositive: ok = shape.zero || shape.negative
        }
        guard ok else {
            error(path, "\(Self.describe(v)) is not \(sign.noun); expected \(sign.example)")
            return nil
        }
        if shape.exponent {
            let plain = PACTDecimal.plainNotation(s) ?? s
            warning(
                path,
                "\(Self.describe(v)) uses an exponent, which the v3 schema's decimal pattern does not allow; read as \(plain); expected plain notation such as \"\(plain)\""
            )
        }
        return d
    }

    /// An array of at least one item, items unique (exactly equal) if asked; returns the items.
    mutating func array(_ v: JSONValue, _ path: String, unique: Bool) -> [JSONValue]? {
        guard case .array(let items) = v else {
            error(path, "found \(Self.describe(v)); expected an array")
            return nil
        }
        if items.isEmpty {
            error(path, "found an empty array; expected at least one item (omit the field when there is nothing to list)")
            return nil
        }
        if unique {
            var seen = Set<String>()
            for (k, item) in items.enumerated() where !seen.insert(item.compactString()).inserted {
                error(path + "/\(k)", "\(Self.describe(item)) appears more than once; expected every item to be unique")
            }
        }
        return items
    }

    /// An array of unique URN strings.
    mutating func urns(_ v: JSONValue, _ path: String) -> [String]? {
        guard let items = array(v, path, unique: true) else { return nil }
        var out: [String] = []
        for (k, item) in items.enumerated() {
            if let s = formatted(item, path + "/\(k)", PACTVocabulary.isURN, "a URN such as \"urn:gtin:4712345060507\"") {
                out.append(s)
            }
        }
        return out.count == items.count ? out : nil
    }
}
