/// A supplier's product carbon footprint (cradle-to-gate) per declared unit.
///
/// Footprints read from `product_footprints.csv` carry only the figure, its unit and its source; a
/// footprint taken from a PACT ProductFootprint also carries its validity period, primary data share,
/// data-quality ratings, biogenic figures and PACT id. Those are `nil` for CSV footprints, which are
/// valid on every date and behave exactly as before.
public struct ProductFootprint: Sendable, Hashable {
    public var supplier: String
    public var product: String
    /// kg CO2e per one `unit` (for PACT: pcfExcludingBiogenicUptake / declaredUnitAmount).
    public var kgPerUnit: Double
    public var kgPerUnitText: String
    public var unit: MeasureUnit
    /// Where the footprint came from (a file record, or a PACT footprint id).
    public var source: String
    public var location: SourceLocation?
    /// When the footprint may be used; `nil`: on every date.
    public var validity: ValidityPeriod?
    /// The PACT ProductFootprint `id` (a UUID), for footprints taken from PACT.
    public var pactID: String?
    /// PACT `primaryDataShare`: percent of primary data in the footprint, exact decimal text.
    public var primaryDataShare: String?
    /// PACT `dqi`: technological, geographical and temporal data-quality ratings.
    public var dataQuality: DataQualityRatings?
    /// Biogenic CO2 uptake in kg CO2e per one `unit` (PACT biogenicCO2Uptake / declaredUnitAmount, <= 0).
    /// Reported apart: never added to emissions.
    public var biogenicUptakePerUnit: Double?
    /// kg CO2e per one `unit` including biogenic uptake (PACT pcfIncludingBiogenicUptake / declaredUnitAmount).
    /// Reported apart: the calculation uses `kgPerUnit`.
    public var kgPerUnitIncludingBiogenic: Double?
    /// For a whole-life footprint (a vendor's product sheet often includes the use phase): the share of
    /// the use phase, 0...1, and the whole-life figure as given. `kgPerUnit` is then the cradle-to-gate
    /// part, `wholeLifeKgPerUnit x (1 - usePhaseShare)`: only that counts in Categories 1 and 2 (the use
    /// phase of what is sold belongs to Category 11). Nil for a cradle-to-gate footprint.
    public var usePhaseShare: Double?
    public var wholeLifeKgPerUnit: Double?
    /// The period the footprint's data describe (PACT referencePeriodStart and End), first and last
    /// day as YYYYMMDD; nil when not given. Recorded and shown, not used in the figure.
    public var referencePeriod: ClosedRange<Int32>?
    /// The footprint of a refurbished unit (product_footprints.csv `refurbished`): a purchase of the
    /// refurbished article (its own product id) uses it, and its line says so. False for new products.
    public var refurbished = false

    /// What of the validity decides the method, for a run's digests: empty for a footprint valid on every date.
    public var validityDigest: String {
        validity.map { ":v\($0.firstDate)-\($0.endDate)" } ?? ""
    }

    /// `valid 2024-01-01 to 2024-12-31; reference period 2023-01-01 to 2023-12-31; primary data 45%;
    /// data quality 1.5/2/1`: what the file says of the footprint's scope besides its boundary; empty
    /// when it says nothing.
    public var scopeText: String {
        func day(_ d: Int32) -> String { CivilDate.text(Int(CivilDate.days(yyyymmdd: d))) }
        var parts: [String] = []
        if let validity {
            let first = validity.start == nil ? "any date" : day(validity.firstDate)
            let last = validity.end == nil ? "any date" : day(CivilDate.yyyymmdd(days: CivilDate.days(yyyymmdd: validity.endDate) - 1))
            parts.append("valid \(first) to \(last)")
        }
        if let referencePeriod { parts.append("reference period \(day(referencePeriod.lowerBound)) to \(day(referencePeriod.upperBound))") }
        if let primaryDataShare { parts.append("primary data \(primaryDataShare)%") }
        if let dataQuality {
            parts.append(
                "data quality \(dataQuality.technological)/\(dataQuality.geographical)/\(dataQuality.temporal) (technological/geographical/temporal)"
            )
        }
        return parts.joined(separator: "; ")
    }

    /// `cradle-to-gate`, or `cradle-to-grave (use phase 80%)`: the footprint's boundary as counted.
    public var boundaryText: String {
        guard let usePhaseShare, let wholeLifeKgPerUnit else { return "cradle-to-gate" }
        return "cradle-to-gate part of a whole-life \(wholeLifeKgPerUnit) kg per \(unit.symbol) (use phase \(usePhaseShare * 100)% left out)"
    }

    public init(
        supplier: String,
        product: String,
        kgPerUnit: Double,
        kgPerUnitText: String? = nil,
        unit: MeasureUnit,
        source: String = "product_footprints.csv",
        location: SourceLocation? = nil,
        validity: ValidityPeriod? = nil,
        pactID: String? = nil,
        primaryDataShare: String? = nil,
        dataQuality: DataQualityRatings? = nil,
        biogenicUptakePerUnit: Double? = nil,
        kgPerUnitIncludingBiogenic: Double? = nil
    ) {
        self.supplier = supplier
        self.product = product
        self.kgPerUnit = kgPerUnit
        self.kgPerUnitText = kgPerUnitText ?? String(kgPerUnit)
        self.unit = unit
        self.source = source
        self.location = location
        self.validity = validity
        self.pactID = pactID
        self.primaryDataShare = primaryDataShare
        self.dataQuality = dataQuality
        self.biogenicUptakePerUnit = biogenicUptakePerUnit
        self.kgPerUnitIncludingBiogenic = kgPerUnitIncludingBiogenic
    }
}

/// The data-quality ratings of a PACT footprint (`dqi`), as exact decimal texts (1 best, 5 worst in v3).
public struct DataQualityRatings: Sendable, Hashable {
    public var technological: String
    public var geographical: String
    public var temporal: String

    public init(technological: String, geographical: String, temporal: String) {
        self.technological = technological
        self.geographical = geographical
        self.temporal = temporal
    }
}
