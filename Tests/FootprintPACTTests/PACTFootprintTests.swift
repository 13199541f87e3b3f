import FootprintCore
import Testing

@testable import FootprintPACT

@Suite struct PACTFootprintTests {
    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func typedFieldsOfTheSpecExample() throws {
        let f = try PACTFootprint(json: try Fixtures.v3Example())
        #expect(f.id == "8b26f3b8-f5d9-4adf-8a11-02e05d273e58")
        #expect(f.specVersion == "3.0.0")
        #expect(f.status == .active)
        #expect(f.created.text == "2025-04-30T00:00:00+00:00")
        #expect(f.declaredUnit == "piece")
        #expect(f.declaredUnitAmount.text == "1")
        #expect(f.productMassPerDeclaredUnit.double == 25)
        #expect(f.pcfExcludingBiogenicUptake.text == "77.0")
        #expect(f.geographyCountrySubdivision == "DE-BW")
        #expect(f.geographyCountry == nil)
        #expect(f.geography == "DE-BW")
        #expect(f.primaryDataShare?.text == "13.1")
        #expect(f.dqi?.geographical.text == "3.4")
        #expect(f.verified)
        #expect(f.productIds == ["urn:gtin:5268596541023"])
        #expect(f.productClassifications == ["urn:pact:productclassification:un-cpc:7892"])
        #expect(f.warnings.map(\.path) == ["/validityPeriodEnd"])
        #expect(f.effectiveValidityStart.text == "2024-12-31T00:00:00+00:00")
        #expect(f.json == (try Fixtures.v3Example()))
    }

    @Test func validityDefaultsToThreeYearsAfterReferenceEnd() throws {
        let f = try PACTFootprint(json: Fixtures.minimal(referenceEnd: "2024-02-29T12:00:00+01:00"))
        #expect(f.validityPeriodStart == nil)
        #expect(f.effectiveValidityStart.text == "2024-02-29T12:00:00+01:00")
        #expect(f.effectiveValidityEnd.text == "2027-02-28T11:00:00Z")
        #expect(!f.verified)
        #expect(f.dqi == nil)
    }

    @Test func idIsLowercased() throws {
        let f = try PACTFootprint(json: Fixtures.minimal(id: "ABCDEF01-2222-4333-8444-555555555555"))
        #expect(f.id == "abcdef01-2222-4333-8444-555555555555")
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func validationErrorListsEveryProblem() throws {
        let json = try Fixtures.cleanV3().setting(path: ["pcf", "declaredUnitAmount"], to: .string("1abc"))
            .setting("created", to: .string("yesterday"))
        do {
            _ = try PACTFootprint(json: json)
            Issue.record("accepted")
        } catch {
            #expect(error.id == "8b26f3b8-f5d9-4adf-8a11-02e05d273e58")
            #expect(Set(error.problems.map(\.path)) == ["/created", "/pcf/declaredUnitAmount"])
            #expect(error.description.contains("footprint 8b26f3b8-f5d9-4adf-8a11-02e05d273e58: /created: \"yesterday\""))
        }
    }
}

@Suite struct PACTValueTests {
    @Test(
        arguments: [
            ("2025-04-30T00:00:00Z", Int64(1_745_971_200_000)),
            ("2025-04-30T00:00:00+00:00", 1_745_971_200_000),
            ("2025-04-30T02:00:00.5+02:00", 1_745_971_200_500),
            ("2025-04-29t19:00:00.123456-05:00", 1_745_971_200_123),
            ("1970-01-01T00:00:00Z", 0),
            ("1969-12-31T23:59:59.999Z", -1),
            ("2024-02-29T00:00:00Z", 1_709_164_800_000),
        ] as [(String, Int64)]
    )
    func dateTimes(text: String, ms: Int64) throws {
        let d = try #require(PACTDateTime(text))
        #expect(d.epochMilliseconds == ms)
        #expect(d.text == text)
        #expect(PACTDateTime(epochMilliseconds: ms).epochMilliseconds == ms)
    }

    @Test(arguments: [
        "2025-04-30", "2025-04-30T00:00:00", "2025-02-29T00:00:00Z", "2025-04-30T24:00:00Z", "2025-04-30T00:00Z",
        "2025-04-30T00:00:00+0200", "2025-04-30 00:00:00Z", "2025-04-30T00:00:00.Z", "x",
    ])
    func invalidDateTimes(text: String) {
        #expect(PACTDateTime(text) == nil)
    }

    @Test func dateTimeWriting() {
        #expect(PACTDateTime(epochMilliseconds: 1_745_971_200_000).text == "2025-04-30T00:00:00Z")
        #expect(PACTDateTime(epochMilliseconds: 1_745_971_200_007).text == "2025-04-30T00:00:00.007Z")
        #expect(PACTDateTime(epochMilliseconds: -1).text == "1969-12-31T23:59:59.999Z")
    }

    @Test(arguments: [("1.2e+3", "1200"), ("5E-2", "0.05"), ("-0.5e1", "-5"), ("12", "12"), ("0e5", "0"), ("1.25e1", "12.5")])
    func plainNotation(text: String, plain: String) {
        #expect(PACTDecimal.plainNotation(text) == plain)
    }

    @Test func decimals() {
        #expect(PACTDecimal("0.800")?.double == 0.8)
        #expect(PACTDecimal("0.800")?.text == "0.800")
        #expect(PACTDecimal("+1")?.double == 1)
        for bad in ["1abc", "abc0", ".5", "5.", "", "-", "1,5", "0x10", "NaN", "1e"] { #expect(PACTDecimal(bad) == nil, "\(bad)") }
    }
}
