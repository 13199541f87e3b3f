import FootprintCore

/// Decimal figures of `pcf` the semantic and arithmetic layers use (nil when absent or invalid).
struct CarbonFigures {
    var decimals: [String: PACTDecimal] = [:]
    var referenceStart: PACTDateTime?
    var referenceEnd: PACTDateTime?
    var declaredUnit: String?
}

extension PACTCheck {
    /// Decimal fields of `CarbonFootprint`, with their sign constraint and whether they are required.
    static let pcfDecimals: [(String, DecimalSign, Bool)] = [
        ("declaredUnitAmount", .positive, true),
        ("productMassPerDeclaredUnit", .nonNegative, true),
        ("pcfExcludingBiogenicUptake", .any, true),
        ("pcfIncludingBiogenicUptake", .any, true),
        ("fossilCarbonContent", .nonNegative, true),
        ("fossilGhgEmissions", .nonNegative, true),
        ("exemptedEmissionsPercent", .nonNegative, true),
        ("biogenicCarbonContent", .nonNegative, false),
        ("recycledCarbonContent", .nonNegative, false),
        ("landUseChangeGhgEmissions", .nonNegative, false),
        ("landCarbonLeakage", .nonNegative, false),
        ("landManagementFossilGhgEmissions", .nonNegative, false),
        ("landManagementBiogenicCO2Emissions", .nonNegative, false),
        ("landManagementBiogenicCO2Removals", .nonPositive, false),
        ("biogenicCO2Uptake", .nonPositive, false),
        ("biogenicNonCO2Emissions", .nonNegative, false),
        ("landAreaOccupation", .nonNegative, false),
        ("aircraftGhgEmissions", .nonNegative, false),
        ("packagingGhgEmissions", .nonNegative, false),
        ("packagingBiogenicCarbonContent", .nonNegative, false),
        ("outboundLogisticsGhgEmissions", .nonNegative, false),
        ("ccsTechnologicalCO2Capture", .nonPositive, false),
        ("technologicalCO2Removals", .nonPositive, false),
        ("ccuCarbonContent", .nonNegative, false),
        ("primaryDataShare", .nonNegative, false),
    ]

    /// The schema layer of `CarbonFootprint`.
    mutating func carbonFootprint(_ pcf: JSONValue) -> CarbonFigures {
        var figures = CarbonFigures()
        let p = "/pcf"
        if let v = required(pcf, "declaredUnitOfMeasurement", p, "one of " + PACTVocabulary.declaredUnits.map { "\"\($0)\"" }.joined(separator: ", "))
        {
            figures.declaredUnit = oneOf(v, p + "/declaredUnitOfMeasurement", PACTVocabulary.declaredUnits)
        }
        for (key, sign, isRequired) in Self.pcfDecimals {
            let value = isRequired ? required(pcf, key, p, "\(sign.noun) as a string, such as \"1\"") : Self.defined(pcf, key)
            if let value, let d = decimal(value, p + "/" + key, sign) { figures.decimals[key] = d }
        }
        if let v = required(pcf, "referencePeriodStart", p, "a date-time") { figures.referenceStart = dateTime(v, p + "/referencePeriodStart") }
        if let v = required(pcf, "referencePeriodEnd", p, "a date-time") { figures.referenceEnd = dateTime(v, p + "/referencePeriodEnd") }
        geography(pcf)
        for key in ["boundaryProcessesDescription", "technologicalCO2CaptureOrigin", "exemptedEmissionsDescription", "allocationRulesDescription"] {
            if let v = Self.defined(pcf, key) { _ = string(v, p + "/" + key) }
        }
        for key in ["packagingEmissionsIncluded", "ccsTechnologicalCO2CaptureIncluded"] {
            if let v = Self.defined(pcf, key) { _ = bool(v, p + "/" + key) }
        }
        if let v = Self.defined(pcf, "ccuCalculationApproach") { _ = oneOf(v, p + "/ccuCalculationApproach", PACTVocabulary.ccuApproaches) }
        if let v = Self.defined(pcf, "ccuCreditCertification") {
            _ = formatted(v, p + "/ccuCreditCertification", PACTVocabulary.isURI, "an absolute URI such as \"https://registry.example.org/cert/1\"")
        }
        if let v = required(pcf, "ipccCharacterizationFactors", p, "an array such as [\"AR6\"]"),
            let items = array(v, p + "/ipccCharacterizationFactors", unique: true)
        {
            for (k, item) in items.enumerated() {
                _ = formatted(
                    item,
                    p + "/ipccCharacterizationFactors/\(k)",
                    PACTVocabulary.isIPCCReport,
                    "\"AR\" and a report number, such as \"AR6\""
                )
            }
        }
        if let v = required(pcf, "crossSectoralStandards", p, "an array such as [\"ISO14067\"]"),
            let items = array(v, p + "/crossSectoralStandards", unique: true)
        {
            for (k, item) in items.enumerated() { _ = string(item, p + "/crossSectoralStandards/\(k)", nonEmpty: true) }
        }
        if let v = Self.defined(pcf, "productOrSectorSpecificRules"), let items = array(v, p + "/productOrSectorSpecificRules", unique: true) {
            for (k, item) in items.enumerated() { rule(item, p + "/productOrSectorSpecificRules/\(k)") }
        }
        if let v = Self.defined(pcf, "secondaryEmissionFactorSources"), let items = array(v, p + "/secondaryEmissionFactorSources", unique: false) {
            for (k, item) in items.enumerated() {
                let q = p + "/secondaryEmissionFactorSources/\(k)"
                guard object(item, q) != nil else { continue }
                if let s = required(item, "name", q, "a non-empty string") { _ = string(s, q + "/name", nonEmpty: true) }
                if let s = required(item, "version", q, "a non-empty string") { _ = string(s, q + "/version", nonEmpty: true) }
            }
        }
        if let v = Self.defined(pcf, "dqi"), object(v, p + "/dqi") != nil {
            for key in ["technologicalDQR", "geographicalDQR", "temporalDQR"] {
                if let s = required(v, key, p + "/dqi", "a rating from \"1\" to \"5\""), let d = decimal(s, p + "/dqi/" + key) {
                    if d.double < 1 || d.double > 5 {
                        error(p + "/dqi/" + key, "\"\(d.text)\" is outside the data quality rating scale; expected a value from 1 (best) to 5")
                    }
                }
            }
        }
        if let v = Self.defined(pcf, "verification"), object(v, p + "/verification") != nil {
            let q = p + "/verification"
            if let s = Self.defined(v, "coverage") { _ = oneOf(s, q + "/coverage", PACTVocabulary.verificationCoverages) }
            if let s = Self.defined(v, "completedAt") { _ = dateTime(s, q + "/completedAt") }
            for key in ["providerName", "standardName", "comments"] {
                if let s = Self.defined(v, key) { _ = string(s, q + "/" + key) }
            }
        }
        return figures
    }

    /// At most one of the three geography fields, each in its format.
    mutating func geography(_ pcf: JSONValue) {
        let p = "/pcf"
        var given: [String] = []
        if let v = Self.defined(pcf, "geographyRegionOrSubregion") {
            given.append("geographyRegionOrSubregion")
            _ = oneOf(v, p + "/geographyRegionOrSubregion", PACTVocabulary.regions)
        }
        if let v = Self.defined(pcf, "geographyCountry") {
            given.append("geographyCountry")
            _ = formatted(v, p + "/geographyCountry", PACTVocabulary.isCountry, "an ISO 3166-1 alpha-2 code in capitals, such as \"DE\"")
        }
        if let v = Self.defined(pcf, "geographyCountrySubdivision") {
            given.append("geographyCountrySubdivision")
            _ = formatted(
                v,
                p + "/geographyCountrySubdivision",
                PACTVocabulary.isCountrySubdivision,
                "an ISO 3166-2 code in capitals, such as \"DE-BW\""
            )
        }
        if given.count > 1 {
            error(p, "found \(given.joined(separator: " and ")); expected at most one geography field (none means Global)")
        }
    }

    mutating func rule(_ v: JSONValue, _ path: String) {
        guard object(v, path) != nil else { return }
        let op = required(v, "operator", path, "\"PEF\", \"EPD International\" or \"Other\"").flatMap {
            oneOf($0, path + "/operator", PACTVocabulary.ruleOperators)
        }
        if let names = required(v, "ruleNames", path, "an array of rule names"), let items = array(names, path + "/ruleNames", unique: true) {
            for (k, item) in items.enumerated() { _ = string(item, path + "/ruleNames/\(k)", nonEmpty: true) }
        }
        let other = Self.defined(v, "otherOperatorName").flatMap { string($0, path + "/otherOperatorName") }
        if op == "Other" && (other ?? "").isEmpty {
            error(path + "/otherOperatorName", "operator is \"Other\" but otherOperatorName is missing or empty; expected the name of the operator")
        } else if let op, op != "Other", other != nil {
            warning(path + "/otherOperatorName", "otherOperatorName is given for operator \"\(op)\"; expected it only with operator \"Other\"")
        }
    }
}
