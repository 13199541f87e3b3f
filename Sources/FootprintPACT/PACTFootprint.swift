import FootprintCore

/// A validated PACT v3 `ProductFootprint`: the whole JSON object as given (unknown fields and
/// extensions preserved) and typed copies of the fields Footprint uses.
public struct PACTFootprint: Sendable {
    /// `Active` or `Deprecated`.
    public enum Status: String, Sendable, Hashable {
        case active = "Active"
        case deprecated = "Deprecated"
    }

    /// The three data quality ratings (1 best .. 5).
    public struct DataQuality: Sendable, Hashable {
        public var technological: PACTDecimal
        public var geographical: PACTDecimal
        public var temporal: PACTDecimal
    }

    /// The footprint as a JSON object, exactly as read (numbers as exact text).
    public let json: JSONValue
    /// Warnings of validation (the footprint has no errors).
    public let warnings: [PACTProblem]

    /// `id`, lowercased.
    public let id: String
    public let specVersion: String
    /// `precedingPfIds`, lowercased; empty when absent.
    public let precedingPfIds: [String]
    public let created: PACTDateTime
    public let status: Status
    public let validityPeriodStart: PACTDateTime?
    public let validityPeriodEnd: PACTDateTime?
    public let companyName: String
    public let companyIds: [String]
    public let productDescription: String
    public let productIds: [String]
    /// `productClassifications`; empty when absent.
    public let productClassifications: [String]
    public let productNameCompany: String

    /// `pcf.declaredUnitOfMeasurement` (a v3 enumeration value such as `"kilogram"`).
    public let declaredUnit: String
    public let declaredUnitAmount: PACTDecimal
    public let productMassPerDeclaredUnit: PACTDecimal
    public let referencePeriodStart: PACTDateTime
    /// Exclusive end of the reference period.
    public let referencePeriodEnd: PACTDateTime
    public let geographyRegionOrSubregion: String?
    public let geographyCountry: String?
    public let geographyCountrySubdivision: String?
    /// kgCO2e per declared unit, excluding biogenic CO2 uptake.
    public let pcfExcludingBiogenicUptake: PACTDecimal
    /// kgCO2e per declared unit, including biogenic CO2 uptake.
    public let pcfIncludingBiogenicUptake: PACTDecimal
    public let fossilGhgEmissions: PACTDecimal
    public let biogenicCO2Uptake: PACTDecimal?
    public let primaryDataShare: PACTDecimal?
    public let dqi: DataQuality?
    /// True when `pcf.verification` is present.
    public let verified: Bool

    /// Lowercased `productIds`, for case-insensitive filters.
    public let productIdKeys: Set<String>
    /// Lowercased `companyIds`.
    public let companyIdKeys: Set<String>
    /// Lowercased `productClassifications`.
    public let classificationKeys: Set<String>
    /// Lowercased geography values (none for Global).
    public let geographyKeys: Set<String>

    /// Start of validity: `validityPeriodStart`, else `referencePeriodEnd` (Technical Specifications, Validity Period).
    public var effectiveValidityStart: PACTDateTime { validityPeriodStart ?? referencePeriodEnd }
    /// End of validity: `validityPeriodEnd`, else `referencePeriodEnd` + 3 years.
    public var effectiveValidityEnd: PACTDateTime { validityPeriodEnd ?? defaultValidityEnd }
    let defaultValidityEnd: PACTDateTime

    /// The geography as written (subdivision, country or region), nil for Global.
    public var geography: String? { geographyCountrySubdivision ?? geographyCountry ?? geographyRegionOrSubregion }
}
