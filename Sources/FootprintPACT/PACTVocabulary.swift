/// The closed enumerations and identifier formats of the PACT v3 data model (OpenAPI 3.0.x).
public enum PACTVocabulary {
    /// `pcf.declaredUnitOfMeasurement` values.
    public static let declaredUnits: [String] = [
        "liter", "kilogram", "cubic meter", "kilowatt hour", "megajoule", "ton kilometer", "square meter",
        "piece", "hour", "megabit second",
    ]
    /// `pcf.geographyRegionOrSubregion` values (UN M49).
    public static let regions: [String] = [
        "Africa", "Americas", "Asia", "Europe", "Oceania", "Australia and New Zealand", "Central Asia",
        "Eastern Asia", "Eastern Europe", "Latin America and the Caribbean", "Melanesia", "Micronesia",
        "Northern Africa", "Northern America", "Northern Europe", "Polynesia", "South-eastern Asia",
        "Southern Asia", "Southern Europe", "Sub-Saharan Africa", "Western Asia", "Western Europe",
    ]
    /// `status` values.
    public static let statuses: [String] = ["Active", "Deprecated"]
    /// `productOrSectorSpecificRules[].operator` values.
    public static let ruleOperators: [String] = ["PEF", "EPD International", "Other"]
    /// `verification.coverage` values.
    public static let verificationCoverages: [String] = ["PCF calculation model", "PCF program", "product level"]
    /// `pcf.ccuCalculationApproach` values.
    public static let ccuApproaches: [String] = ["Cut-off", "Credit"]

    /// `8-4-4-4-12` hexadecimal digits, either case.
    public static func isUUID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 36 else { return false }
        for (k, c) in u.enumerated() {
            if k == 8 || k == 13 || k == 18 || k == 23 {
                if c != UInt8(ascii: "-") { return false }
            } else if !isHex(c) {
                return false
            }
        }
        return true
    }

    static func isHex(_ c: UInt8) -> Bool {
        (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
    }

    /// Starts with `urn:` (any case) followed by at least one character, without whitespace.
    public static func isURN(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count > 4, u[3] == UInt8(ascii: ":") else { return false }
        guard String(decoding: u[0..<3], as: UTF8.self).lowercased() == "urn" else { return false }
        return !u.contains { $0 <= 0x20 }
    }

    /// An absolute URI: a scheme (`[A-Za-z][A-Za-z0-9+.-]*`), a colon and no whitespace.
    public static func isURI(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon < u.count - 1 else { return false }
        guard u[0].isASCIILetter else { return false }
        for c in u[1..<colon] where !(c.isASCIILetter || (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46) {
            return false
        }
        return !u.contains { $0 <= 0x20 }
    }

    /// `^\d+\.\d+\.\d+(-\d{8})?$`.
    public static func isSpecVersion(_ s: String) -> Bool {
        let parts = s.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        if parts.count == 2 { return parts[1].count == 8 && parts[1].allSatisfy(\.isASCIIDigit) }
        return true
    }

    /// `^[A-Z]{2}$`.
    public static func isCountry(_ s: String) -> Bool {
        s.utf8.count == 2 && s.utf8.allSatisfy { $0 >= 65 && $0 <= 90 }
    }

    /// `^[A-Z]{2}-[A-Z0-9]{1,3}$`.
    public static func isCountrySubdivision(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 4, u.count <= 6, u[2] == UInt8(ascii: "-"), isCountry(String(decoding: u[0..<2], as: UTF8.self)) else {
            return false
        }
        return u[3...].allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) }
    }

    /// `^AR\d+$`.
    public static func isIPCCReport(_ s: String) -> Bool {
        s.hasPrefix("AR") && s.count > 2 && s.dropFirst(2).allSatisfy(\.isASCIIDigit)
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (self >= 65 && self <= 90) || (self >= 97 && self <= 122) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
