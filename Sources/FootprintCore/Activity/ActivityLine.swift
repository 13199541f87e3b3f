/// One activity row's result, with its provenance: the input line, every factor applied and the instruments used.
public struct ActivityLine: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case stationaryCombustion = "stationary-combustion"
        case mobileCombustion = "mobile-combustion"
        case fugitive
        case electricity
        case districtHeating = "district-heating"
        case districtCooling = "district-cooling"
    }

    /// A factor applied to the line's quantity.
    public struct Factor: Sendable, Hashable {
        /// `combustion`, `well-to-tank`, `biogenic`, `gwp`, `location`, `residual-mix`, `district-heating`,
        /// `district-cooling`, `electricity-well-to-tank`, `td-losses`.
        public var role: String
        public var kgPerUnit: Double
        public var source: String
        /// The factor's year (the most recent not after the activity's), when it has one.
        public var year: Int?
        /// The area (country or bidding zone) of a grid factor.
        public var area: String?
        public var verified: Bool
    }

    /// A contractual instrument's share of the line.
    public struct InstrumentUse: Sendable, Hashable {
        public var id: String
        public var kwh: Double
        public var kgPerKWh: Double
    }

    public var source: SourceLocation
    public var kind: Kind
    public var site: String
    /// `diesel 120 litres`, `R-410A 1.5 kg (AR6)`, `electricity 2024-03`.
    public var activity: String
    public var quantity: Double
    public var unit: String
    public var scope1Kg = 0.0
    public var scope2LocationKg = 0.0
    public var scope2MarketKg = 0.0
    public var fuelsWellToTankKg = 0.0
    public var electricityWellToTankKg = 0.0
    public var lossesKg = 0.0
    public var biogenicKg = 0.0
    /// The equity share the figures above were multiplied by (1 under the control approaches).
    public var equityShare = 1.0
    public var factors: [Factor] = []
    public var instruments: [InstrumentUse] = []

    public var category3Kg: Double { fuelsWellToTankKg + electricityWellToTankKg + lossesKg }
}
