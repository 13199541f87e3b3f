/// The physical dimension a unit measures; conversion happens only within one dimension.
public enum UnitDimension: String, Sendable, Hashable, Codable, CaseIterable {
    case mass, energy, volume, freight, count, time
    /// Distance travelled by a vehicle (base km).
    case distance
    /// Distance travelled by one passenger (base passenger-km).
    case passengerDistance
    /// Hotel accommodation (base room-night: one room occupied for one night).
    case accommodation
    /// Surface area (base m2), a PACT declared unit.
    case area
    /// Data transmission capacity over time (base megabit second), a PACT declared unit for services.
    case dataTransfer
}

/// A unit of measure for quantities and average-data factors.
///
/// Known units carry a dimension and their size in the dimension's base unit
/// (kg, MJ, l, tkm, piece, hour). A unit the catalogue does not know is still a unit:
/// it matches only itself, with a conversion factor of exactly 1.
public struct MeasureUnit: Sendable, Hashable, CustomStringConvertible {
    /// The canonical symbol (`kg`, `kWh`, `m3`, ...), or the text as given for an unknown unit.
    public let symbol: String
    /// The dimension, or `nil` for a unit the catalogue does not know.
    public let dimension: UnitDimension?
    /// Size of one of this unit in the dimension's base unit.
    public let baseUnits: Double

    public var description: String { symbol }

    init(symbol: String, dimension: UnitDimension?, baseUnits: Double) {
        self.symbol = symbol
        self.dimension = dimension
        self.baseUnits = baseUnits
    }

    /// Looks a unit up by symbol or alias (`kg`, `tonne`, `kwh`, `m³`, `pcs`, ...).
    /// An unknown symbol gives a dimensionless unit that converts only to itself.
    public init(parsing text: String) {
        if let known = UnitCatalog.lookup(text) {
            self = known
        } else {
            self.init(symbol: text, dimension: nil, baseUnits: 1)
        }
    }

    /// The factor that turns a quantity in `self` into a quantity in `target`,
    /// or `nil` when the two units cannot be converted (different or unknown dimensions).
    public func conversionFactor(to target: MeasureUnit) -> Double? {
        if symbol == target.symbol { return 1 }
        guard let dimension, dimension == target.dimension else { return nil }
        return baseUnits / target.baseUnits
    }
}
