import FootprintCore
import FootprintTestSupport
import Foundation
import Testing

@testable import FootprintPACT

/// The shared PACT example files (read from ../shared/pact, never copied into the project). A test
/// that reads one is enabled only `if: Fixtures.available(NAME)` (see `SharedFolder`).
enum Fixtures {
    static let v3 = "example-footprint-v3.json"
    static let v2 = "example-get-footprint-v2.json"
    static let fulfilledEvent = "example-request-fulfilled-event-v3.json"

    /// Whether the example `name` of ../shared/pact is there (or required, under CI).
    static func available(_ name: String) -> Bool { SharedFolder.isAvailable("pact/" + name) }

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: SharedFolder.file("pact/" + name))
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue.parse(try data(name))
    }

    /// The spec's example-3 (car door) as a v3 footprint.
    static func v3Example() throws -> JSONValue { try json("example-footprint-v3.json") }

    /// The example with its validity period inside the V2 rule (so that it has no warnings at all).
    static func cleanV3() throws -> JSONValue {
        try v3Example().setting("validityPeriodEnd", to: .string("2027-09-30T00:00:00+00:00"))
    }

    /// A minimal valid v3 footprint built by hand.
    static func minimal(
        id: String = "11111111-2222-4333-8444-555555555555",
        productIds: [String] = ["urn:gtin:4712345060507"],
        companyIds: [String] = ["urn:pact:example.com:supplier-id:1"],
        classifications: [String]? = nil,
        status: String = "Active",
        country: String? = nil,
        referenceStart: String = "2023-01-01T00:00:00Z",
        referenceEnd: String = "2024-01-01T00:00:00Z",
        validity: (String, String)? = nil
    ) -> JSONValue {
        var pcf: [(String, JSONValue)] = [
            ("declaredUnitOfMeasurement", .string("kilogram")), ("declaredUnitAmount", .string("1")),
            ("productMassPerDeclaredUnit", .string("1")), ("referencePeriodStart", .string(referenceStart)),
            ("referencePeriodEnd", .string(referenceEnd)), ("pcfExcludingBiogenicUptake", .string("2.5")),
            ("pcfIncludingBiogenicUptake", .string("2.5")), ("fossilCarbonContent", .string("0")),
            ("fossilGhgEmissions", .string("2.5")), ("ipccCharacterizationFactors", .array([.string("AR6")])),
            ("crossSectoralStandards", .array([.string("ISO14067")])), ("exemptedEmissionsPercent", .string("0")),
        ]
        if let country { pcf.append(("geographyCountry", .string(country))) }
        var pf: [(String, JSONValue)] = [
            ("id", .string(id)), ("specVersion", .string("3.0.3")), ("created", .string("2024-02-01T00:00:00Z")),
            ("status", .string(status)), ("companyName", .string("Supplier")),
            ("companyIds", .array(companyIds.map(JSONValue.string))), ("productDescription", .string("Widget")),
            ("productIds", .array(productIds.map(JSONValue.string))), ("productNameCompany", .string("Widget")),
            ("pcf", .object(pcf)),
        ]
        if let classifications { pf.append(("productClassifications", .array(classifications.map(JSONValue.string)))) }
        if let validity {
            pf.append(("validityPeriodStart", .string(validity.0)))
            pf.append(("validityPeriodEnd", .string(validity.1)))
        }
        return .object(pf)
    }
}

extension JSONValue {
    /// A copy with the member at `path` (object keys) set, or removed when `value` is nil.
    func setting(path: [String], to value: JSONValue?) -> JSONValue {
        guard let first = path.first else { return value ?? self }
        if path.count == 1 { return setting(first, to: value) }
        return setting(first, to: (self[first] ?? .object([])).setting(path: Array(path.dropFirst()), to: value))
    }
}

/// The problems of severity error, as `path: message` lines (for readable failures).
func errorLines(_ problems: [PACTProblem]) -> [String] { problems.errors.map(\.description) }
