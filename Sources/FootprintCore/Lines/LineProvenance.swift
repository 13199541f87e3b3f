/// How a line's figure was obtained: the footprint, disclosure or factor, where it came from, and
/// every conversion on the way, or why the line could not be computed (the provenance columns of
/// `calculate --lines-out` and `runs lines`, written by `ProvenanceCSV`).
public struct LineProvenance: Sendable {
    /// The method that computed the line, `nil` when unmapped.
    public var method: CalculationMethod?
    /// kg CO2e (0 when unmapped).
    public var kg: Double = 0
    /// The footprint, intensity or factor that multiplied the activity, as its source gave it
    /// (the intensity, which is derived, as a number).
    public var factorValue: String?
    /// Its unit: a unit symbol, or a currency for hybrid and spend-based lines.
    public var factorUnit: String?
    public var source: LineSource?
    /// The multiplier that took the quantity into the factor's unit (1 when none was needed).
    public var unitConversion: Double = 1
    /// Units of the line's currency per USD in the line's year (hybrid and spend-based).
    public var fxLinePerUSD: Double?
    /// Units of the target currency per USD in the line's year (hybrid and spend-based).
    public var fxTargetPerUSD: Double?
    /// index(price year) / index(line year) (spend-based).
    public var priceIndexRatio: Double?
    /// The converted quantity, or the converted and price-adjusted amount, that the factor multiplied.
    public var activity: Double?
    /// Why an unmapped line could not be computed.
    public var unmappedReason: UnmappedReason?
    /// Why a line was left out of the inventory before any method was tried (outside the period, or
    /// of an excluded category); `method` is then nil and `kg` 0.
    public var exclusion: LineExclusion?
    /// For a line that fell through a rule it looked eligible for (its product's footprints were not
    /// valid on its date): why. The line's method is the one it fell to.
    public var fallThrough: FallThrough?
    /// For a supplier-specific line computed from a PACT footprint: its id, primary data share and
    /// data-quality ratings, as the footprint gave them.
    public var pactID: String?
    public var primaryDataShare: String?
    public var dataQuality: DataQualityRatings?
    /// Biogenic CO2 uptake of the line in kg CO2e (quantity / declaredUnitAmount x biogenicCO2Uptake,
    /// <= 0), computed when explaining; reported apart, never part of `kg` or any total.
    public var biogenicUptakeKg: Double?
    /// The boundary of the method and figure that computed the line (margins, cradle-to-gate, the
    /// supplier's scopes); nil when no method computed it.
    public var methodBoundary: MethodBoundary?
    public init() {}

}

/// Where the figure a line used came from.
public struct LineSource: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case footprint, disclosure, factor
    }

    public var kind: Kind
    /// The text of the per-line output's `source` column: what the figure is, file and line, and its source.
    public var label: String
    /// For a factor, the library (`key@version`); for a footprint or disclosure, the imported file.
    public var file: String
    /// The record's line in that file or library table (0 when unknown).
    public var line: Int
    /// The import the record came from (for a factor, the import that installed its library).
    public var importID: Int64?
    /// For a factor, the workspace id of its library.
    public var libraryID: Int64?

    public init(kind: Kind, label: String, file: String, line: Int, importID: Int64? = nil, libraryID: Int64? = nil) {
        self.kind = kind
        self.label = label
        self.file = file
        self.line = line
        self.importID = importID
        self.libraryID = libraryID
    }
}

extension LineProvenance {
    /// The provenance of a line left out of the inventory for `exclusion`.
    public init(exclusion: LineExclusion) {
        self.exclusion = exclusion
    }

    /// The provenance of a line that `engine` evaluated into `r`: the one place where a result's
    /// figures become what people read. `category` and `supplier` name the line's category and
    /// supplier; the sources' `file` and `line` are where the engine's records came from (a
    /// workspace adds the import and library ids).
    public init(
        _ r: LineResult,
        engine: InventoryEngine,
        labels: ProvenanceLabels,
        category: @autoclosure () -> String,
        supplier: @autoclosure () -> String
    ) {
        method = r.method
        kg = r.method == nil ? 0 : r.kg
        unitConversion = r.unitFactor
        if let cause = r.unmapped, r.method == nil { unmappedReason = UnmappedReason(cause, category: category()) }
        fallThrough = FallThrough(r.note, supplier: supplier())
        guard let method = r.method, r.sourceIndex >= 0 else { return }
        let i = Int(r.sourceIndex)
        let label = labels.label(for: r)
        methodBoundary = labels.boundary(for: r)
        switch method {
        case .supplierSpecific:
            let f = engine.footprints[i]
            factorValue = f.kgPerUnitText
            factorUnit = f.unit.symbol
            source = LineSource(kind: .footprint, label: label, file: f.location?.file ?? f.source, line: f.location?.line ?? 0)
            pactID = f.pactID
            primaryDataShare = f.primaryDataShare
            dataQuality = f.dataQuality
            biogenicUptakeKg = f.biogenicUptakePerUnit.map { r.activity * $0 }
        case .hybrid:
            let d = engine.disclosures[i]
            factorValue = "\(d.kgPerCurrencyUnit)"
            factorUnit = d.currency.description
            source = LineSource(kind: .disclosure, label: label, file: d.location?.file ?? "supplier emissions", line: d.location?.line ?? 0)
        case .averageData, .spendBased:
            let f = engine.factors[i]
            factorValue = f.kgPerUnitText
            factorUnit = f.unitText
            source = LineSource(kind: .factor, label: label, file: f.location?.file ?? "factors", line: f.location?.line ?? 0)
        }
        if method == .hybrid || method == .spendBased {
            fxLinePerUSD = r.fromRate
            fxTargetPerUSD = r.toRate
        }
        if method == .spendBased || (method == .hybrid && r.priceFactor != 1) { priceIndexRatio = r.priceFactor }
        activity = r.activity
    }
}
