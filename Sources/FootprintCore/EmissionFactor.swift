/// An emission factor from a factor library: kg CO2e per unit of spend or of activity.
public struct EmissionFactor: Sendable, Hashable {
    /// What one unit of the factor is.
    public enum Basis: Sendable, Hashable {
        /// Spend-based: kg CO2e per unit of `currency`, at `priceYear` prices (`nil`: no price adjustment).
        case spend(currency: CurrencyCode, priceYear: Int?)
        /// Average-data: kg CO2e per unit of activity.
        case activity(unit: MeasureUnit)
    }

    public var category: String
    public var name: String
    /// The factor as a number, for computing.
    public var kgPerUnit: Double
    /// The factor exactly as given in its source.
    public var kgPerUnitText: String
    public var basis: Basis
    /// The publication the factor comes from, as the library names it.
    public var source: String
    /// The record the factor was read from.
    public var location: SourceLocation?

    public init(
        category: String,
        name: String,
        kgPerUnit: Double,
        kgPerUnitText: String? = nil,
        basis: Basis,
        source: String,
        location: SourceLocation? = nil
    ) {
        self.category = category
        self.name = name
        self.kgPerUnit = kgPerUnit
        self.kgPerUnitText = kgPerUnitText ?? String(kgPerUnit)
        self.basis = basis
        self.source = source
        self.location = location
    }

    /// The unit text of the factor: a currency code or a unit symbol.
    public var unitText: String {
        switch basis {
        case .spend(let currency, _): currency.description
        case .activity(let unit): unit.symbol
        }
    }
}
