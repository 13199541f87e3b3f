/// A kg CO2e per kWh factor for purchased energy in an area (a country or a bidding zone) and year.
public struct GridFactor: Sendable, Hashable {
    /// What the factor measures.
    public enum Basis: String, Sendable, Hashable, CaseIterable {
        /// The physical grid mix (Scope 2 location-based).
        case location
        /// The residual mix: what is left once tracked attributes are taken out (Scope 2 market-based, uncovered kWh).
        case residualMix = "residual-mix"
        case districtHeating = "district-heating"
        case districtCooling = "district-cooling"
    }

    /// `NO`, `SE3`, ...: a country (ISO 3166 alpha-2) or a bidding zone, upper case.
    public var area: String
    public var year: Int
    public var basis: Basis
    public var kgPerKWh: Double
    public var source: String
    /// Checked against a retrieved copy of the source; a `grid_factors.csv` row is the user's own and counts as verified.
    public var verified: Bool
    /// The `grid_factors.csv` line, or nil for a built-in figure.
    public var location: SourceLocation?

    public init(area: String, year: Int, basis: Basis, kgPerKWh: Double, source: String, verified: Bool = true, location: SourceLocation? = nil) {
        self.area = area
        self.year = year
        self.basis = basis
        self.kgPerKWh = kgPerKWh
        self.source = source
        self.verified = verified
        self.location = location
    }
}
