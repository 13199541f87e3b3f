/// A supplier's disclosed emissions for one reporting year (tonnes CO2e) and its revenue.
public struct SupplierDisclosure: Sendable, Hashable {
    public var supplier: String
    public var year: Int
    public var scope1Tonnes: Double
    public var scope2Tonnes: Double
    public var scope3UpstreamTonnes: Double
    public var revenue: Double
    public var currency: CurrencyCode
    public var location: SourceLocation?

    public init(
        supplier: String,
        year: Int,
        scope1Tonnes: Double,
        scope2Tonnes: Double,
        scope3UpstreamTonnes: Double,
        revenue: Double,
        currency: CurrencyCode,
        location: SourceLocation? = nil
    ) {
        self.supplier = supplier
        self.year = year
        self.scope1Tonnes = scope1Tonnes
        self.scope2Tonnes = scope2Tonnes
        self.scope3UpstreamTonnes = scope3UpstreamTonnes
        self.revenue = revenue
        self.currency = currency
        self.location = location
    }

    /// Emission intensity in kg CO2e per unit of `currency`:
    /// (scope1 + scope2 + scope3_upstream) x 1000 / revenue.
    /// Whether the disclosure reports upstream Scope 3 (above zero): a supplier's emissions are
    /// complete only with what it buys; a 0 is a scope not reported, not a supplier without suppliers.
    public var coversUpstreamScope3: Bool { scope3UpstreamTonnes > 0 }

    public var kgPerCurrencyUnit: Double {
        (scope1Tonnes + scope2Tonnes + scope3UpstreamTonnes) * 1000 / revenue
    }
}
