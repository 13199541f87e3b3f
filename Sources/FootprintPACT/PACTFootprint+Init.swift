import FootprintCore

extension PACTFootprint {
    /// Validates `json` as a v3 footprint (``PACTValidator``) and reads its fields; throws every
    /// problem when there is at least one error.
    public init(json: JSONValue) throws(PACTValidationError) {
        try self.init(json: json, problems: PACTValidator.validate(json))
    }

    /// Reads a footprint validated before (one the workspace stored after validating it), without
    /// validating it again: for loading many at once. Throws only if a required field cannot be read.
    public init(validated json: JSONValue) throws(PACTValidationError) {
        try self.init(json: json, problems: [])
    }

    /// Builds the footprint from `json` whose validation gave `problems`.
    init(json: JSONValue, problems: [PACTProblem]) throws(PACTValidationError) {
        let rawId = json["id"]?.stringValue
        guard problems.errors.isEmpty else { throw PACTValidationError(id: rawId, problems: problems) }
        guard let pcf = json["pcf"], let f = Reader(json: json, pcf: pcf) else {
            throw PACTValidationError(id: rawId, problems: [PACTProblem(.error, "", "the footprint could not be read after validation")])
        }
        self.json = json
        self.warnings = problems
        self.id = f.id
        self.specVersion = f.specVersion
        self.precedingPfIds = f.preceding
        self.created = f.created
        self.status = f.status
        self.validityPeriodStart = f.validityStart
        self.validityPeriodEnd = f.validityEnd
        self.companyName = f.companyName
        self.companyIds = f.companyIds
        self.productDescription = f.productDescription
        self.productIds = f.productIds
        self.productClassifications = f.classifications
        self.productNameCompany = f.productNameCompany
        self.declaredUnit = f.declaredUnit
        self.declaredUnitAmount = f.declaredUnitAmount
        self.productMassPerDeclaredUnit = f.mass
        self.referencePeriodStart = f.referenceStart
        self.referencePeriodEnd = f.referenceEnd
        self.geographyRegionOrSubregion = f.region
        self.geographyCountry = f.country
        self.geographyCountrySubdivision = f.subdivision
        self.pcfExcludingBiogenicUptake = f.excluding
        self.pcfIncludingBiogenicUptake = f.including
        self.fossilGhgEmissions = f.fossil
        self.biogenicCO2Uptake = f.uptake
        self.primaryDataShare = f.share
        self.dqi = f.dqi
        self.verified = PACTCheck.defined(pcf, "verification") != nil
        self.productIdKeys = Set(f.productIds.map { $0.lowercased() })
        self.companyIdKeys = Set(f.companyIds.map { $0.lowercased() })
        self.classificationKeys = Set(f.classifications.map { $0.lowercased() })
        self.geographyKeys = Set([f.region, f.country, f.subdivision].compactMap { $0?.lowercased() })
        self.defaultValidityEnd = f.referenceEnd.addingYears(3)
    }

    /// Typed reads of an already validated footprint.
    private struct Reader {
        var id, specVersion, companyName, productDescription, productNameCompany, declaredUnit: String
        var preceding, companyIds, productIds, classifications: [String]
        var created, referenceStart, referenceEnd: PACTDateTime
        var validityStart, validityEnd: PACTDateTime?
        var status: Status
        var region, country, subdivision: String?
        var declaredUnitAmount, mass, excluding, including, fossil: PACTDecimal
        var uptake, share: PACTDecimal?
        var dqi: DataQuality?

        init?(json: JSONValue, pcf: JSONValue) {
            func str(_ o: JSONValue, _ k: String) -> String? { PACTCheck.defined(o, k)?.stringValue }
            func strings(_ k: String) -> [String] { PACTCheck.defined(json, k)?.arrayValue?.compactMap(\.stringValue) ?? [] }
            func date(_ o: JSONValue, _ k: String) -> PACTDateTime? { str(o, k).flatMap(PACTDateTime.init) }
            func dec(_ o: JSONValue, _ k: String) -> PACTDecimal? { str(o, k).flatMap(PACTDecimal.init) }
            guard let id = str(json, "id"), let spec = str(json, "specVersion"), let created = date(json, "created"),
                let status = str(json, "status").flatMap(Status.init(rawValue:)),
                let companyName = str(json, "companyName"), let description = str(json, "productDescription"),
                let name = str(json, "productNameCompany"), let unit = str(pcf, "declaredUnitOfMeasurement"),
                let amount = dec(pcf, "declaredUnitAmount"), let mass = dec(pcf, "productMassPerDeclaredUnit"),
                let refStart = date(pcf, "referencePeriodStart"), let refEnd = date(pcf, "referencePeriodEnd"),
                let excluding = dec(pcf, "pcfExcludingBiogenicUptake"), let including = dec(pcf, "pcfIncludingBiogenicUptake"),
                let fossil = dec(pcf, "fossilGhgEmissions")
            else { return nil }
            self.id = id.lowercased()
            self.specVersion = spec
            self.created = created
            self.status = status
            self.companyName = companyName
            self.productDescription = description
            self.productNameCompany = name
            self.declaredUnit = unit
            self.declaredUnitAmount = amount
            self.mass = mass
            self.referenceStart = refStart
            self.referenceEnd = refEnd
            self.excluding = excluding
            self.including = including
            self.fossil = fossil
            self.preceding = strings("precedingPfIds").map { $0.lowercased() }
            self.companyIds = strings("companyIds")
            self.productIds = strings("productIds")
            self.classifications = strings("productClassifications")
            self.validityStart = date(json, "validityPeriodStart")
            self.validityEnd = date(json, "validityPeriodEnd")
            self.region = str(pcf, "geographyRegionOrSubregion")
            self.country = str(pcf, "geographyCountry")
            self.subdivision = str(pcf, "geographyCountrySubdivision")
            self.uptake = dec(pcf, "biogenicCO2Uptake")
            self.share = dec(pcf, "primaryDataShare")
            if let q = PACTCheck.defined(pcf, "dqi"), let t = dec(q, "technologicalDQR"), let g = dec(q, "geographicalDQR"),
                let m = dec(q, "temporalDQR")
            {
                self.dqi = DataQuality(technological: t, geographical: g, temporal: m)
            }
        }
    }
}
