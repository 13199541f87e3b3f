import FootprintCore
import Foundation

/// Valid PACT v3 footprints of our own making, varied where the filters look.
enum FootprintFixtures {
    struct Spec {
        var id: String = UUID().uuidString.lowercased()
        var status = "Active"
        var companyIds = ["urn:pact:footprint.example:company-id:nordic-it"]
        var productIds = ["urn:pact:footprint.example:product-id:managed-workplace"]
        var classifications: [String]? = ["urn:unspsc:81112200"]
        var country: String? = "NO"
        var region: String? = nil
        var validityStart: String? = "2025-01-01T00:00:00Z"
        var validityEnd: String? = "2027-01-01T00:00:00Z"
        var preceding: [String]? = nil
        var pcf = "12.5"
    }

    static func footprint(_ s: Spec) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(s.id)),
            ("specVersion", .string("3.0.3")),
        ]
        if let preceding = s.preceding { members.append(("precedingPfIds", .array(preceding.map { .string($0) }))) }
        members += [
            ("created", .string("2025-03-01T09:00:00Z")),
            ("status", .string(s.status)),
        ]
        if let start = s.validityStart { members.append(("validityPeriodStart", .string(start))) }
        if let end = s.validityEnd { members.append(("validityPeriodEnd", .string(end))) }
        members += [
            ("companyName", .string("Nordic IT Services AS")),
            ("companyIds", .array(s.companyIds.map { .string($0) })),
            ("productDescription", .string("Managed workplace service, one user for one month")),
            ("productIds", .array(s.productIds.map { .string($0) })),
        ]
        if let classifications = s.classifications { members.append(("productClassifications", .array(classifications.map { .string($0) }))) }
        members.append(("productNameCompany", .string("Managed workplace")))
        var pcf: [(String, JSONValue)] = [
            ("declaredUnitOfMeasurement", .string("piece")),
            ("declaredUnitAmount", .string("1")),
            ("productMassPerDeclaredUnit", .string("0")),
            ("referencePeriodStart", .string("2024-01-01T00:00:00Z")),
            ("referencePeriodEnd", .string("2025-01-01T00:00:00Z")),
        ]
        if let country = s.country { pcf.append(("geographyCountry", .string(country))) }
        if let region = s.region { pcf.append(("geographyRegionOrSubregion", .string(region))) }
        pcf += [
            ("pcfExcludingBiogenicUptake", .string(s.pcf)),
            ("pcfIncludingBiogenicUptake", .string(s.pcf)),
            ("fossilCarbonContent", .string("0")),
            ("fossilGhgEmissions", .string(s.pcf)),
            ("biogenicCO2Uptake", .string("0")),
            ("packagingEmissionsIncluded", .bool(false)),
            ("ipccCharacterizationFactors", .array([.string("AR6")])),
            ("crossSectoralStandards", .array([.string("GHGP-Product"), .string("ISO14067")])),
            ("exemptedEmissionsPercent", .string("0")),
            ("primaryDataShare", .string("62.5")),
            ("dqi", .object([("technologicalDQR", .string("2")), ("geographicalDQR", .string("1.5")), ("temporalDQR", .string("1"))])),
        ]
        members.append(("pcf", .object(pcf)))
        return .object(members)
    }

    static func document(_ specs: [Spec]) -> Data {
        Data(JSONValue.array(specs.map(footprint)).compactData())
    }
}
