/// A service the company sells (services.csv): the unit its customers are billed in and the PACT v3
/// declared unit its footprint is published per.
public struct Service: Sendable, Hashable {
    /// PACT v3's `declaredUnitOfMeasurement` values, the units a service's `pactUnit` may name (the same
    /// list as `PACTVocabulary.declaredUnits`).
    public static let pactDeclaredUnits: [String] = [
        "liter", "kilogram", "cubic meter", "kilowatt hour", "megajoule", "ton kilometer", "square meter",
        "piece", "hour", "megabit second",
    ]

    public var id: String
    public var name: String
    /// The unit customers are billed in, free text: `vCPU-hour`, `TB-month`, `seat-month`, ...
    public var unit: String
    /// The PACT v3 declared unit the footprint is published per (one of `pactDeclaredUnits`).
    public var pactUnit: String
    /// How many of `unit` make one `pactUnit`: a footprint per `unit` times this is the footprint per
    /// PACT declared unit.
    public var unitsPerPACTUnit: Double
    /// `unitsPerPACTUnit` as written (`1`, `0.5`, `1/2592000`).
    public var unitsPerPACTUnitText: String
    public var description: String?
    public var location: SourceLocation?

    public init(
        id: String,
        name: String,
        unit: String,
        pactUnit: String,
        unitsPerPACTUnit: Double = 1,
        unitsPerPACTUnitText: String = "1",
        description: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.pactUnit = pactUnit
        self.unitsPerPACTUnit = unitsPerPACTUnit
        self.unitsPerPACTUnitText = unitsPerPACTUnitText
        self.description = description
        self.location = location
    }
}
