import FootprintCore
import Testing

@testable import FootprintPACT

@Suite struct PACTValidatorTests {
    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func specExampleHasNoErrorsAndOnlyTheValidityWarning() throws {
        let problems = PACTValidator.validate(try Fixtures.v3Example())
        #expect(errorLines(problems) == [])
        #expect(problems.warnings.map(\.path) == ["/validityPeriodEnd"])
        #expect(problems.warnings[0].message.contains("2027-09-30T00:00:00Z"))
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func cleanExampleAndMinimalHaveNoProblems() throws {
        #expect(PACTValidator.validate(try Fixtures.cleanV3()) == [])
        #expect(PACTValidator.validate(Fixtures.minimal()) == [])
    }

    /// The negative checks of NOTES §4 (and those the buggy schema patterns let through).
    @Test(
        .enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"),
        arguments: [
            (["pcf", "declaredUnitAmount"], JSONValue.decimal("1"), "/pcf/declaredUnitAmount", "not a string"),
            (["pcf", "productMassPerDeclaredUnit"], nil, "/pcf/productMassPerDeclaredUnit", "missing"),
            (["pcf", "crossSectoralStandards"], nil, "/pcf/crossSectoralStandards", "missing"),
            (["pcf", "exemptedEmissionsPercent"], nil, "/pcf/exemptedEmissionsPercent", "missing"),
            (["pcf", "declaredUnitOfMeasurement"], .string("ton"), "/pcf/declaredUnitOfMeasurement", "\"ton\" is not an allowed value"),
            (["pcf", "fossilGhgEmissions"], .string("-1"), "/pcf/fossilGhgEmissions", "greater than or equal to 0"),
            (["pcf", "geographyCountry"], .string("DE"), "/pcf", "at most one geography"),
            (["specVersion"], .string("3.0"), "/specVersion", "major.minor.patch"),
            (["created"], .string("2025-04-30"), "/created", "not an RFC 3339 date-time"),
            (["pcf", "declaredUnitAmount"], .string("1abc"), "/pcf/declaredUnitAmount", "\"1abc\" is not a positive decimal"),
            (["pcf", "declaredUnitAmount"], .string("0.000"), "/pcf/declaredUnitAmount", "not a positive decimal"),
            (["pcf", "declaredUnitAmount"], .string(" 1"), "/pcf/declaredUnitAmount", "not a positive decimal"),
            (["pcf", "biogenicCO2Uptake"], .string("abc0"), "/pcf/biogenicCO2Uptake", "less than or equal to 0"),
            (["pcf", "biogenicCO2Uptake"], .string("-5x"), "/pcf/biogenicCO2Uptake", "less than or equal to 0"),
            (["pcf", "biogenicCO2Uptake"], .string("1"), "/pcf/biogenicCO2Uptake", "less than or equal to 0"),
            (["pcf", "dqi", "technologicalDQR"], .string("7"), "/pcf/dqi/technologicalDQR", "from 1 (best) to 5"),
            (["pcf", "dqi", "temporalDQR"], .string("0.5"), "/pcf/dqi/temporalDQR", "from 1 (best) to 5"),
            (["id"], .string("not-a-uuid"), "/id", "UUID"),
            (["status"], .string("active"), "/status", "write \"Active\""),
            (["productIds"], .array([.string("gtin:123")]), "/productIds/0", "URN"),
            (["productIds"], .array([]), "/productIds", "empty array"),
            (["companyIds"], .array([.string("urn:a:b"), .string("urn:a:b")]), "/companyIds/1", "more than once"),
            (["companyName"], .string(""), "/companyName", "empty string"),
            (["pcf", "geographyCountrySubdivision"], .string("de-bw"), "/pcf/geographyCountrySubdivision", "ISO 3166-2"),
            (["pcf", "ipccCharacterizationFactors"], .array([.string("AR6x")]), "/pcf/ipccCharacterizationFactors/0", "AR6"),
            (["pcf", "packagingGhgEmissions"], .string("1"), "/pcf/packagingGhgEmissions", "packagingEmissionsIncluded is false"),
            (
                ["pcf", "productOrSectorSpecificRules"], .array([.object([("operator", .string("Other")), ("ruleNames", .array([.string("R")]))])]),
                "/pcf/productOrSectorSpecificRules/0/otherOperatorName", "\"Other\""
            ),
            (["precedingPfIds"], .array([.string("8B26F3B8-F5D9-4ADF-8A11-02E05D273E58")]), "/precedingPfIds/0", "own id"),
            (["validityPeriodStart"], .string("2028-01-01T00:00:00Z"), "/validityPeriodEnd", "not after validityPeriodStart"),
            (["pcf", "referencePeriodEnd"], .string("2024-01-01T00:00:00Z"), "/pcf/referencePeriodEnd", "not after referencePeriodStart"),
            (["pcf", "verification", "coverage"], .string("corporate level"), "/pcf/verification/coverage", "not an allowed value"),
            (["pcf"], .string("x"), "/pcf", "expected a JSON object"),
        ] as [([String], JSONValue?, String, String)]
    )
    func errors(path: [String], value: JSONValue?, problemPath: String, message: String) throws {
        let json = try Fixtures.cleanV3().setting(path: path, to: value)
        let errors = PACTValidator.validate(json).errors
        #expect(errors.contains { $0.path == problemPath && $0.message.contains(message) }, "\(errors)")
        #expect(throws: PACTValidationError.self) { try PACTFootprint(json: json) }
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func ccsCouplingIsAnError() throws {
        let pcf = try Fixtures.cleanV3()["pcf"]!
            .setting("ccsTechnologicalCO2CaptureIncluded", to: .bool(false))
            .setting("technologicalCO2Removals", to: .string("-1"))
        let errors = PACTValidator.validate(try Fixtures.cleanV3().setting("pcf", to: pcf)).errors
        #expect(errors.map(\.path) == ["/pcf/technologicalCO2Removals"])
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func unknownFieldsAndNullOptionalsAreAccepted() throws {
        let json = try Fixtures.cleanV3()
            .setting("x-vendor", to: .object([("anything", .decimal("1e400"))]))
            .setting(path: ["pcf", "biogenicCarbonWithdrawal"], to: .decimal("3"))
            .setting("comment", to: .null)
        #expect(PACTValidator.validate(json) == [])
        let f = try PACTFootprint(json: json)
        #expect(f.json["x-vendor"] != nil)
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func exponentIsAWarningAndReadAsPlainNumber() throws {
        let json = try Fixtures.cleanV3().setting(path: ["pcf", "fossilGhgEmissions"], to: .string("7.7e+1"))
        let problems = PACTValidator.validate(json)
        #expect(problems.errors.isEmpty)
        #expect(problems.contains { $0.severity == .warning && $0.path == "/pcf/fossilGhgEmissions" && $0.message.contains("\"77\"") })
        #expect(try PACTFootprint(json: json).fossilGhgEmissions.double == 77)
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func sumRulesAreWarningsOnly() throws {
        let json = try Fixtures.cleanV3().setting(path: ["pcf", "pcfIncludingBiogenicUptake"], to: .string("70"))
            .setting(path: ["pcf", "fossilGhgEmissions"], to: .string("60"))
        let problems = PACTValidator.validate(json)
        #expect(problems.errors.isEmpty)
        #expect(Set(problems.warnings.map(\.path)) == ["/pcf/pcfExcludingBiogenicUptake", "/pcf/pcfIncludingBiogenicUptake"])
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func validityStartBeforeReferenceEndIsAWarning() throws {
        let json = try Fixtures.cleanV3().setting("validityPeriodStart", to: .string("2024-06-01T00:00:00Z"))
        let problems = PACTValidator.validate(json)
        #expect(problems.errors.isEmpty)
        #expect(problems.warnings.map(\.path) == ["/validityPeriodStart"])
    }

    @Test func everyMissingRequiredFieldIsNamed() {
        let problems = PACTValidator.validate(.object([]))
        let paths = Set(problems.errors.map(\.path))
        for key in [
            "id", "specVersion", "created", "status", "companyName", "companyIds", "productDescription", "productIds", "productNameCompany", "pcf",
        ] {
            #expect(paths.contains("/" + key), "\(key)")
        }
        #expect(PACTValidator.validate(.array([])).errors.map(\.path) == [""])
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func messagesSayWhatWasFoundAndExpected() throws {
        let json = try Fixtures.cleanV3().setting(path: ["pcf", "declaredUnitAmount"], to: .string("1abc"))
        let e = PACTValidator.validate(json).errors[0]
        #expect(
            e.description == "/pcf/declaredUnitAmount: \"1abc\" is not a positive decimal; expected digits greater than 0, such as \"1\" or \"0.5\""
        )
    }
}

/// services.csv's `pact_unit` (FootprintCore, without the PACT module) accepts exactly PACT v3's declared units.
@Test func serviceDeclaredUnitsArePACTs() {
    #expect(Service.pactDeclaredUnits == PACTVocabulary.declaredUnits)
}
