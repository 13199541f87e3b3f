import FootprintCore

/// Maps a PACT v2.x `ProductFootprint` onto the v3 data model (Technical Specifications v2.3 → v3.0).
///
/// Renames (`declaredUnit` → `declaredUnitOfMeasurement`, `pCfExcludingBiogenic` →
/// `pcfExcludingBiogenicUptake`, ...), JSON numbers → decimal strings with their exact text,
/// `crossSectoralStandardsUsed` values → v3 codes, `productCategoryCpc` → `urn:cpc:<code>` in
/// `productClassifications`, `assurance` → `verification`. Fields v3 no longer has are dropped
/// and listed in one warning (they are not kept under an extension: an extension needs a
/// published schema URL). Missing v3-mandatory figures are filled with a warning:
/// `productMassPerDeclaredUnit` = "0", `pcfIncludingBiogenicUptake` = excluding + withdrawal.
/// v2 data quality ratings (scale 1..3) are copied unchanged with a warning.
public enum PACTv2Mapping {
    /// The `specVersion` written into mapped footprints.
    public static let mappedSpecVersion = "3.0.3"

    /// The v3 footprint and every problem: mapping warnings, then the v3 validation of the result.
    public static func toV3(_ v2: JSONValue) -> (json: JSONValue, problems: [PACTProblem]) {
        guard let members = v2.objectMembers else {
            return (v2, [PACTProblem(.error, "", "found \(PACTCheck.describe(v2)); expected a JSON object (a v2 ProductFootprint)")])
        }
        var m = Mapper()
        var out: [(String, JSONValue)] = []
        var cpc: String?
        for (key, value) in members {
            switch key {
            case "specVersion": out.append((key, .string(mappedSpecVersion)))
            case "version", "updated", "statusComment": m.dropped.append(key)
            case "productCategoryCpc":
                if let s = value.stringValue, !s.isEmpty { cpc = PACTVocabulary.isURN(s) ? s : "urn:cpc:" + s }
            case "pcf": out.append((key, m.carbonFootprint(value)))
            default: out.append((key, value))
            }
        }
        if let cpc {
            var classes = out.first { $0.0 == "productClassifications" }?.1.arrayValue ?? []
            if !classes.contains(where: { $0.stringValue?.lowercased() == cpc.lowercased() }) { classes.append(.string(cpc)) }
            if let k = out.firstIndex(where: { $0.0 == "productClassifications" }) {
                out[k].1 = .array(classes)
            } else {
                let at = (out.firstIndex { $0.0 == "productIds" }).map { $0 + 1 } ?? out.count
                out.insert(("productClassifications", .array(classes)), at: at)
            }
        }
        if !m.dropped.isEmpty {
            m.problems.append(PACTProblem(.warning, "", "v2 fields without a v3 equivalent were dropped: " + m.dropped.joined(separator: ", ")))
        }
        let json = JSONValue.object(out)
        return (json, m.problems + PACTValidator.validate(json))
    }

    /// v2 `crossSectoralStandardsUsed` / `crossSectoralStandards` values → v3 codes; others unchanged.
    public static let standardNames: [String: String] = [
        "GHG Protocol Product standard": "GHGP-Product",
        "GHGP Product": "GHGP-Product",
        "ISO Standard 14067": "ISO14067",
        "ISO Standard 14044": "ISO14040-44",
        "PACT Methodology 1.0": "PACT-1.0",
        "PACT Methodology 2.0": "PACT-2.0",
        "PACT Methodology 3.0": "PACT-3.0",
    ]

    /// v2 `assurance.coverage` → v3 `verification.coverage` (`corporate level` and `product line` have none).
    public static let coverages: [String: String] = [
        "product level": "product level",
        "PCF system": "PCF calculation model",
    ]
}

/// The state of one mapping: dropped field names and warnings.
private struct Mapper {
    var dropped: [String] = []
    var problems: [PACTProblem] = []

    static let renames: [String: String] = [
        "declaredUnit": "declaredUnitOfMeasurement",
        "unitaryProductAmount": "declaredUnitAmount",
        "pCfExcludingBiogenic": "pcfExcludingBiogenicUptake",
        "pCfIncludingBiogenic": "pcfIncludingBiogenicUptake",
        "dLucGhgEmissions": "landUseChangeGhgEmissions",
        "biogenicCarbonWithdrawal": "biogenicCO2Uptake",
        "otherBiogenicGhgEmissions": "biogenicNonCO2Emissions",
        "ipccCharacterizationFactorsSources": "ipccCharacterizationFactors",
    ]
    static let droppedPCF: Set<String> = [
        "iLucGhgEmissions", "landManagementGhgEmissions", "biogenicAccountingMethodology", "uncertaintyAssessmentDescription",
    ]

    /// A JSON number as a decimal string with the same digits (exponent expanded); other values unchanged.
    static func decimalString(_ v: JSONValue) -> JSONValue {
        switch v {
        case .decimal(let t): return .string(PACTDecimal.plainNotation(t) ?? t)
        case .integer(let n): return .string(String(n))
        case .number(let d): return .string(PACTDecimal.plainNotation("\(d)") ?? "\(d)")
        default: return v
        }
    }

    mutating func carbonFootprint(_ pcf: JSONValue) -> JSONValue {
        guard let members = pcf.objectMembers else { return pcf }
        var out: [(String, JSONValue)] = []
        var usedStandards: JSONValue?
        var characterization: JSONValue?
        for (key, value) in members {
            if Self.droppedPCF.contains(key) {
                dropped.append("pcf." + key)
                continue
            }
            switch key {
            case "characterizationFactors":
                characterization = value
                dropped.append("pcf.characterizationFactors")
            case "crossSectoralStandardsUsed": usedStandards = value
            case "crossSectoralStandards": out.append((key, Self.standards(value)))
            case "dqi": out.append((key, dqi(value)))
            case "assurance": if let v = verification(value) { out.append(("verification", v)) }
            case "productOrSectorSpecificRules", "secondaryEmissionFactorSources", "referencePeriodStart", "referencePeriodEnd",
                "geographyRegionOrSubregion", "geographyCountry", "geographyCountrySubdivision", "packagingEmissionsIncluded",
                "boundaryProcessesDescription", "exemptedEmissionsDescription", "allocationRulesDescription":
                out.append((key, value))
            default: out.append((Self.renames[key] ?? key, Self.decimalString(value)))
            }
        }
        func has(_ k: String) -> Bool { out.contains { $0.0 == k } }
        if !has("crossSectoralStandards"), let usedStandards { out.append(("crossSectoralStandards", Self.standards(usedStandards))) }
        if !has("ipccCharacterizationFactors"), let c = characterization?.stringValue {
            out.append(("ipccCharacterizationFactors", .array([.string(c)])))
        }
        if !has("productMassPerDeclaredUnit") {
            let at = (out.firstIndex { $0.0 == "declaredUnitAmount" }).map { $0 + 1 } ?? out.count
            out.insert(("productMassPerDeclaredUnit", .string("0")), at: at)
            problems.append(
                PACTProblem(
                    .warning,
                    "/pcf/productMassPerDeclaredUnit",
                    "missing in the v2 footprint (optional in v2, required in v3); filled with \"0\" (mass not relevant or not known); expected the product mass in kg per declared unit if it matters"
                )
            )
        }
        if !has("pcfIncludingBiogenicUptake"), let ex = out.first(where: { $0.0 == "pcfExcludingBiogenicUptake" })?.1.stringValue,
            let exD = PACTDecimal(ex)
        {
            let uptake = out.first { $0.0 == "biogenicCO2Uptake" }?.1.stringValue.flatMap(PACTDecimal.init)
            let value = uptake.map { PACTDecimal.plainNotation("\(exD.double + $0.double)") ?? "\(exD.double + $0.double)" } ?? ex
            let at = (out.firstIndex { $0.0 == "pcfExcludingBiogenicUptake" }).map { $0 + 1 } ?? out.count
            out.insert(("pcfIncludingBiogenicUptake", .string(value)), at: at)
            problems.append(
                PACTProblem(
                    .warning,
                    "/pcf/pcfIncludingBiogenicUptake",
                    "missing in the v2 footprint (pCfIncludingBiogenic); derived as pcfExcludingBiogenicUptake + biogenicCO2Uptake = \"\(value)\"; expected the supplier's own figure"
                )
            )
        }
        return .object(out)
    }

    static func standards(_ v: JSONValue) -> JSONValue {
        guard let items = v.arrayValue else { return v }
        var out: [JSONValue] = []
        for item in items {
            let mapped = item.stringValue.map { JSONValue.string(PACTv2Mapping.standardNames[$0] ?? $0) } ?? item
            if !out.contains(mapped) { out.append(mapped) }
        }
        return .array(out)
    }

    mutating func dqi(_ v: JSONValue) -> JSONValue {
        guard let members = v.objectMembers else { return v }
        var out: [(String, JSONValue)] = []
        for (key, value) in members {
            if ["coveragePercent", "completenessDQR", "reliabilityDQR"].contains(key) {
                dropped.append("pcf.dqi." + key)
                continue
            }
            out.append((key, Self.decimalString(value)))
        }
        problems.append(
            PACTProblem(
                .warning,
                "/pcf/dqi",
                "v2 data quality ratings use the scale 1 to 3 and were copied unchanged; v3 uses 1 to 5: expected the supplier to re-rate them"
            )
        )
        return .object(out)
    }

    /// `assurance` with `assurance: true` → `verification`; otherwise nothing (not verified).
    mutating func verification(_ v: JSONValue) -> JSONValue? {
        guard let members = v.objectMembers else { return nil }
        guard v["assurance"]?.boolValue == true else {
            dropped.append("pcf.assurance (assurance: false)")
            return nil
        }
        var out: [(String, JSONValue)] = []
        for (key, value) in members {
            switch key {
            case "assurance": continue
            case "coverage":
                if let s = value.stringValue, let c = PACTv2Mapping.coverages[s] {
                    out.append((key, .string(c)))
                } else {
                    dropped.append("pcf.assurance.coverage (\(value.stringValue ?? "?"))")
                }
            case "level", "boundary": dropped.append("pcf.assurance." + key)
            default: out.append((key, value))
            }
        }
        return .object(out)
    }
}
