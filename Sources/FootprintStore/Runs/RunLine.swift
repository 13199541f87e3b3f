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
    /// The line's Scope 3 category (`CategoryRules.scope3`): its own flag, else its category's rule, else
    /// the factor library's default for its category, else 1.
    public var scope3: Scope3Category
    /// The amount exactly as the file gave it.
    public var amount: String
    public var currency: String
    public var product: String?
    /// The quantity exactly as the file gave it.
    public var quantity: String?
    public var unit: String?
    public var customer: String?
    /// The method, emissions and how they were obtained: the kg is equal, bit for bit, to the figure
    /// the run stored.
    public var provenance: LineProvenance

    /// The method that computed the line, `nil` when unmapped.
    public var method: CalculationMethod? { provenance.method }
    /// kg CO2e (0 when unmapped).
    public var kg: Double { provenance.kg }
    /// The method, `unmapped`, or for a line left out of the inventory `outside-period` or `excluded`.
    public var methodName: String { provenance.exclusion?.status.exclusionName ?? method?.name ?? CalculationMethod.unmappedName }
}

/// Which lines of a run to return.
public struct RunLineFilter: Sendable {
    /// Supplier id, exactly as in the ledger.
    public var supplier: String?
    /// Factor category, exactly as in the ledger.
    public var category: String?
    /// A method name (`supplier-specific`, `hybrid`, `average-data`, `spend-based`), `unmapped`, or a
    /// status of lines left out of the inventory (`outside-period`, `excluded`).
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
    public static let methodNames =
        CalculationMethod.allCases.map(\.name) + [CalculationMethod.unmappedName, LineOutcome.outsidePeriodName, LineOutcome.excludedName]
}

/// What checking a run's lines found: every line of the run evaluated again with the run's own
/// reference data and compared with the stored result.
public struct RunVerification: Sendable {
    public var run: CalculationRun
    /// Lines checked: all lines of the run.
    public var lines: Int
    /// Lines by method (`CalculationMethod.rawValue`), index 4 unmapped.
    public var linesByMethod: [Int]
    /// Lines left out of the inventory: dated outside the run's period, and of excluded categories.
    public var outsidePeriodLines = 0
    public var excludedLines = 0
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
