public import FootprintCore

/// One purchase line of a calculation run with everything that produced its figure: the input
/// fields as imported, and the method, emissions and provenance obtained by evaluating the line
/// again with the reference data the run read (checked bit for bit against the stored figure).
public struct RunLine: Sendable {
    public var run: Int64
    public var importID: Int64
    /// The file the line was imported from (for an ERP export, the export's name).
    public var file: String
    /// Line of the record in the canonical file (after any ERP conversion).
    public var line: Int
    /// Line of the record in the file as given (the ERP export's own line when converted).
    public var sourceLine: Int
    public var purchaseID: String
    /// YYYY-MM-DD.
    public var date: String
    public var supplier: String
    public var category: String
    /// The line's own Scope 3 category, else the factor library's default for its category, else 1.
    public var scope3: Scope3Category
    /// The amount exactly as the file gave it.
    public var amount: String
    public var currency: String
    public var product: String?
    /// The quantity exactly as the file gave it.
    public var quantity: String?
    public var unit: String?
    public var customer: String?
    /// The method that computed the line, `nil` when unmapped.
    public var method: CalculationMethod?
    /// kg CO2e (0 when unmapped): equal, bit for bit, to the figure the run stored.
    public var kg: Double
    public var provenance: LineProvenance

    public var methodName: String { method?.name ?? CalculationMethod.unmappedName }
}

/// How a line's figure was obtained: the footprint, disclosure or factor, where it came from, and
/// every conversion on the way (the columns of `calculate --lines-out`).
public struct LineProvenance: Sendable {
    /// The footprint, intensity or factor that multiplied the activity, as its source gave it
    /// (the intensity, which is derived, as a number).
    public var factorValue: String?
    /// Its unit: a unit symbol, or a currency for hybrid and spend-based lines.
    public var factorUnit: String?
    public var source: LineSource?
    /// The multiplier that took the quantity into the factor's unit (1 when none was needed).
    public var unitConversion: Double
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
}

/// Which lines of a run to return.
public struct RunLineFilter: Sendable {
    /// Supplier id, exactly as in the ledger.
    public var supplier: String?
    /// Factor category, exactly as in the ledger.
    public var category: String?
    /// A method name (`supplier-specific`, `hybrid`, `average-data`, `spend-based`) or `unmapped`.
    public var method: String?
    /// At most this many lines.
    public var limit: Int?

    public init(supplier: String? = nil, category: String? = nil, method: String? = nil, limit: Int? = nil) {
        self.supplier = supplier
        self.category = category
        self.method = method
        self.limit = limit
    }

    /// The method names `method` accepts.
    public static let methodNames = CalculationMethod.allCases.map(\.name) + [CalculationMethod.unmappedName]
}

/// What checking a run's lines found: every line of the run evaluated again with the run's own
/// reference data and compared with the stored result.
public struct RunVerification: Sendable {
    public var run: CalculationRun
    /// Lines checked: all lines of the run.
    public var lines: Int
    /// Lines by method (`CalculationMethod.rawValue`), index 4 unmapped.
    public var linesByMethod: [Int]
    /// Sum of the lines' kg (compensated).
    public var kg: Double
    /// Lines whose stored result came from an earlier run of the chain (an incremental run's parents).
    public var inheritedLines: Int
    /// Lines handed to the caller (after the filter), when lines were asked for.
    public var written: Int
    /// Biogenic CO2 uptake of the lines handed out (supplier-specific lines with a PACT footprint that
    /// reports it), kg CO2e: reported apart, never part of the inventory.
    public var biogenicUptakeKg: Double = 0
}
