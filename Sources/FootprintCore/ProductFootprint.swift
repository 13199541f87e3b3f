/// A supplier's product carbon footprint (cradle-to-gate) per declared unit.
public struct ProductFootprint: Sendable, Hashable {
    public var supplier: String
    public var product: String
    public var kgPerUnit: Double
    public var kgPerUnitText: String
    public var unit: MeasureUnit
    /// Where the footprint came from (a file record, or a PACT footprint id).
    public var source: String
    public var location: SourceLocation?

    public init(
        supplier: String, product: String, kgPerUnit: Double, kgPerUnitText: String? = nil, unit: MeasureUnit,
        source: String = "product_footprints.csv", location: SourceLocation? = nil
    ) {
        self.supplier = supplier
        self.product = product
        self.kgPerUnit = kgPerUnit
        self.kgPerUnitText = kgPerUnitText ?? String(kgPerUnit)
        self.unit = unit
        self.source = source
        self.location = location
    }
}
