import FootprintCore
import Testing

@testable import FootprintPACT

@Suite struct PACTFilterTests {
    let a: PACTFootprint
    let b: PACTFootprint
    let deprecated: PACTFootprint

    init() throws {
        a = try PACTFootprint(
            json: Fixtures.minimal(
                productIds: ["urn:gtin:1111", "urn:GTIN:ABC"],
                companyIds: ["urn:pact:acme.com:supplier-id:1"],
                classifications: ["urn:unspsc:43211507"],
                country: "DE",
                referenceEnd: "2024-01-01T00:00:00Z"
            )
        )
        b = try PACTFootprint(
            json: Fixtures.minimal(
                id: "22222222-2222-4333-8444-555555555555",
                productIds: ["urn:gtin:2222"],
                companyIds: ["urn:pact:other.com:supplier-id:9"],
                referenceStart: "2022-01-01T00:00:00Z",
                referenceEnd: "2023-01-01T00:00:00Z",
                validity: ("2023-06-01T00:00:00Z", "2024-06-01T00:00:00Z")
            )
        )
        deprecated = try PACTFootprint(json: Fixtures.minimal(id: "33333333-2222-4333-8444-555555555555", status: "Deprecated"))
    }

    func filter(_ q: [(String, String)]) throws -> PACTFilter { try PACTFilter(query: q.map { (name: $0.0, value: $0.1) }) }

    @Test func emptyFilterMatchesAll() throws {
        let f = try filter([("limit", "10"), ("x-acme-invoice", "7"), ("offset", "3")])
        #expect(f.isEmpty)
        #expect(f.ignoredParameters == ["limit", "x-acme-invoice", "offset"])
        #expect([a, b, deprecated].allSatisfy(f.matches))
    }

    @Test func caseInsensitiveIdsAndClassifications() throws {
        #expect(try filter([("productId", "URN:gtin:abc")]).matches(a))
        #expect(try !filter([("productId", "URN:gtin:abc")]).matches(b))
        #expect(try filter([("classification", "URN:UNSPSC:43211507")]).matches(a))
        #expect(try filter([("companyId", "urn:pact:ACME.com:supplier-id:1")]).matches(a))
    }

    @Test func orWithinAndAcross() throws {
        let or = try filter([("companyId", "urn:bogus:1"), ("companyId", "urn:pact:acme.com:supplier-id:1"), ("companyId", "urn:bogus:2")])
        #expect(or.matches(a) && !or.matches(b))
        let and = try filter([("companyId", "urn:pact:acme.com:supplier-id:1"), ("productId", "urn:gtin:2222")])
        #expect(!and.matches(a) && !and.matches(b))
        let both = try filter([("status", "Active"), ("productId", "urn:gtin:1111")])
        #expect(both.matches(a) && !both.matches(b))
    }

    @Test func geographyAgainstAnyField() throws {
        #expect(try filter([("geography", "de")]).matches(a))
        #expect(try !filter([("geography", "XX")]).matches(a))
        #expect(try !filter([("geography", "DE")]).matches(b))
    }

    @Test func statusUnknownMatchesNothingWithoutError() throws {
        let bogus = try filter([("status", "BogusStatus123")])
        #expect(![a, b, deprecated].contains(where: bogus.matches))
        #expect(try filter([("status", "Deprecated")]).matches(deprecated))
        #expect(try !filter([("status", "Deprecated")]).matches(a))
        #expect(try filter([("status", "active")]).matches(a))
    }

    @Test func validityWithDefaults() throws {
        // a: no validity period → [2024-01-01, 2027-01-01].
        #expect(try filter([("validOn", "2024-01-01T00:00:00Z")]).matches(a))
        #expect(try filter([("validOn", "2027-01-01T00:00:00Z")]).matches(a))
        #expect(try !filter([("validOn", "2027-01-01T00:00:00.001Z")]).matches(a))
        #expect(try !filter([("validOn", "1900-01-01T00:00:00Z")]).matches(a))
        #expect(try filter([("validAfter", "2023-12-31T00:00:00Z")]).matches(a))
        #expect(try !filter([("validAfter", "2024-01-01T00:00:00Z")]).matches(a), "strictly after")
        #expect(try filter([("validBefore", "2027-01-02T00:00:00Z")]).matches(a))
        #expect(try !filter([("validBefore", "2027-01-01T00:00:00Z")]).matches(a), "strictly before")
        // b: explicit [2023-06-01, 2024-06-01].
        #expect(try filter([("validOn", "2024-03-01T00:00:00Z")]).matches(b))
        #expect(try !filter([("validOn", "2025-03-01T00:00:00Z")]).matches(b))
        #expect(try filter([("validOn", "2025-03-01T00:00:00Z"), ("validOn", "2024-03-01T00:00:00Z")]).matches(b))
        #expect(try !filter([("validAfter", "2099-12-31T23:59:59Z")]).matches(b))
    }

    @Test func unparsableDateIsAnError() {
        #expect(
            throws: PACTFilterError(
                parameter: "validOn",
                message: "\"2024-01-01\" is not an RFC 3339 date-time; expected a value such as \"2025-01-01T00:00:00Z\""
            )
        ) {
            try filter([("validOn", "2024-01-01")])
        }
    }

    @Test func requestCreatedData() throws {
        let data = try JSONValue.parse(
            string: #"{"productId":["urn:GTIN:1111"],"geography":"DE","validOn":"2025-01-01T00:00:00Z","comment":"please"}"#
        )
        let f = try PACTFilter(requestCreatedData: data)
        #expect(f.productId == ["urn:GTIN:1111"])
        #expect(f.geography == ["DE"])
        #expect(f.matches(a) && !f.matches(b))
        #expect(f.ignoredParameters == ["comment"])
        #expect(throws: PACTFilterError.self) { try PACTFilter(requestCreatedData: .object([("productId", .decimal("5"))])) }
    }
}
