import FootprintCore

/// A PACT footprint as a calculation run used it: linked to a supplier and to one ledger product
/// value, with the figures the engine and the per-line explanation need, kept in the run's inputs.
public struct PACTRunFootprint: Sendable, Equatable, Codable {
    /// The PACT `id`.
    public var id: String
    public var supplier: String
    /// The ledger `product` value the footprint applies to.
    public var product: String
    /// The import that brought the footprint (nil when pulled from a partner).
    public var importID: Int64?
    /// The import's file, or the partner the footprint was pulled from.
    public var origin: String
    /// The unit symbol of `declaredUnitOfMeasurement`.
    public var unit: String
    public var declaredUnitAmount: String
    public var pcfExcludingBiogenicUptake: String
    public var pcfIncludingBiogenicUptake: String
    public var biogenicCO2Uptake: String?
    public var primaryDataShare: String?
    public var technologicalDQR: String?
    public var geographicalDQR: String?
    public var temporalDQR: String?
    /// Effective validity (explicit, or reference period end + 3 years), epoch milliseconds, end exclusive.
    public var validFrom: Int64
    public var validUntil: Int64
    /// The successor's id when the footprint is superseded: it is then used only on dates where no
    /// footprint in force is valid (nil in runs stored before superseded footprints were kept).
    public var supersededBy: String?

    /// The footprint as the engine reads it: kg per unit = pcfExcludingBiogenicUptake / declaredUnitAmount.
    public var productFootprint: ProductFootprint {
        let amount = Double(declaredUnitAmount) ?? .nan
        let pcf = Double(pcfExcludingBiogenicUptake) ?? .nan
        let text = declaredUnitAmount == "1" || Double(declaredUnitAmount) == 1 ? pcfExcludingBiogenicUptake : String(pcf / amount)
        var quality: DataQualityRatings?
        if let t = technologicalDQR, let g = geographicalDQR, let p = temporalDQR {
            quality = DataQualityRatings(technological: t, geographical: g, temporal: p)
        }
        return ProductFootprint(
            supplier: supplier,
            product: product,
            kgPerUnit: pcf / amount,
            kgPerUnitText: text,
            unit: MeasureUnit(parsing: unit),
            source: "PACT \(id) (\(importID.map { "import #\($0) " } ?? "")\(origin))"
                + (supersededBy.map { "; superseded by \($0), in force only where no successor is valid" } ?? ""),
            validity: ValidityPeriod(start: validFrom, end: validUntil),
            pactID: id,
            primaryDataShare: primaryDataShare,
            dataQuality: quality,
            biogenicUptakePerUnit: biogenicCO2Uptake.flatMap(Double.init).map { $0 / amount },
            kgPerUnitIncludingBiogenic: Double(pcfIncludingBiogenicUptake).map { $0 / amount }
        )
    }

    /// What an incremental run compares for the (supplier, product): every figure that can change a line.
    var digestItem: String {
        "p:\(id):\(pcfExcludingBiogenicUptake)/\(declaredUnitAmount):\(unit):\(validFrom)-\(validUntil)" + (supersededBy.map { ":s:\($0)" } ?? "")
    }
}
