import FootprintCore
import Testing

@testable import FootprintPACT

@Suite struct PACTv2MappingTests {
    func mappedExample() throws -> (json: JSONValue, problems: [PACTProblem]) {
        PACTv2Mapping.toV3(try Fixtures.json("example-get-footprint-v2.json")["data"]!)
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v2), "../shared/pact/example-get-footprint-v2.json is absent"))
    func specV2ExampleMapsToValidV3() throws {
        let (json, problems) = try mappedExample()
        #expect(errorLines(problems) == [])
        let pcf = json["pcf"]!
        #expect(json["specVersion"]?.stringValue == "3.0.3")
        #expect(json["version"] == nil)
        #expect(pcf["declaredUnitOfMeasurement"]?.stringValue == "liter")
        #expect(pcf["declaredUnit"] == nil)
        #expect(pcf["declaredUnitAmount"]?.stringValue == "1")
        #expect(pcf["pcfExcludingBiogenicUptake"]?.stringValue == "1.63")
        #expect(pcf["pcfIncludingBiogenicUptake"]?.stringValue == "1.85")
        #expect(pcf["landUseChangeGhgEmissions"]?.stringValue == "0.8")
        #expect(pcf["biogenicCO2Uptake"]?.stringValue == "-1.5")
        #expect(pcf["biogenicNonCO2Emissions"]?.stringValue == "0.4")
        #expect(pcf["exemptedEmissionsPercent"]?.stringValue == "0")
        #expect(pcf["primaryDataShare"]?.stringValue == "12.9")
        #expect(pcf["dqi"]?["technologicalDQR"]?.stringValue == "1.6")
        #expect(pcf["dqi"]?["coveragePercent"] == nil)
        #expect(pcf["ipccCharacterizationFactors"] == .array([.string("AR6")]))
        #expect(pcf["crossSectoralStandards"] == .array([.string("GHGP-Product"), .string("ISO14067")]))
        #expect(pcf["productMassPerDeclaredUnit"]?.stringValue == "0")
        #expect(pcf["verification"] == nil)
        #expect(json["productClassifications"] == .array([.string("urn:cpc:6398")]))
        #expect(json["extensions"] != nil)
        let warnings = problems.warnings
        #expect(warnings.contains { $0.path == "/pcf/productMassPerDeclaredUnit" })
        #expect(warnings.contains { $0.path == "/pcf/dqi" && $0.message.contains("1 to 3") })
        let dropped = try #require(warnings.first { $0.message.hasPrefix("v2 fields without a v3 equivalent") })
        for name in [
            "version", "pcf.iLucGhgEmissions", "pcf.landManagementGhgEmissions", "pcf.characterizationFactors",
            "pcf.biogenicAccountingMethodology", "pcf.uncertaintyAssessmentDescription", "pcf.dqi.coveragePercent",
        ] {
            #expect(dropped.message.contains(name), "\(name)")
        }
        let f = try PACTFootprint(json: json)
        #expect(f.declaredUnit == "liter")
    }

    @Test func numbersBecomeDecimalStringsExactly() {
        let v2 = JSONValue.object([("pcf", .object([("unitaryProductAmount", .decimal("0.10")), ("pCfExcludingBiogenic", .decimal("1.5E+2"))]))])
        let pcf = PACTv2Mapping.toV3(v2).json["pcf"]!
        #expect(pcf["declaredUnitAmount"]?.stringValue == "0.10")
        #expect(pcf["pcfExcludingBiogenicUptake"]?.stringValue == "150")
    }

    @Test func assuranceBecomesVerification() {
        let v2 = JSONValue.object([
            (
                "pcf",
                .object([
                    (
                        "assurance",
                        .object([
                            ("assurance", .bool(true)), ("coverage", .string("PCF system")), ("level", .string("limited")),
                            ("providerName", .string("Auditor")),
                        ])
                    )
                ])
            )
        ])
        let (json, problems) = PACTv2Mapping.toV3(v2)
        #expect(json["pcf"]?["verification"] == .object([("coverage", .string("PCF calculation model")), ("providerName", .string("Auditor"))]))
        #expect(problems.contains { $0.message.contains("pcf.assurance.level") })
    }

    @Test func missingIncludingFigureIsDerivedWithAWarning() {
        let v2 = JSONValue.object([("pcf", .object([("pCfExcludingBiogenic", .string("2")), ("biogenicCarbonWithdrawal", .string("-0.5"))]))])
        let (json, problems) = PACTv2Mapping.toV3(v2)
        #expect(json["pcf"]?["pcfIncludingBiogenicUptake"]?.stringValue == "1.5")
        #expect(problems.contains { $0.severity == .warning && $0.path == "/pcf/pcfIncludingBiogenicUptake" })
    }
}
