/// A fuel's combustion, well-to-tank and biogenic CO2 factors per unit, from the DESNZ 2024 workbook.
public struct FuelFactor: Sendable, Hashable {
    /// The fuels `fuel.csv` accepts, each mapped to one DESNZ 'Fuels' row.
    public enum Fuel: String, Sendable, Hashable, CaseIterable {
        /// Forecourt diesel: DESNZ 'Diesel (average biofuel blend)'.
        case diesel
        /// DESNZ 'Diesel (100% mineral diesel)'.
        case dieselMineral = "diesel-mineral"
        /// Forecourt petrol: DESNZ 'Petrol (average biofuel blend)'.
        case petrol
        /// Mains natural gas: DESNZ 'Natural gas'.
        case naturalGas = "natural-gas"
        case lpg
        /// Gas oil, also sold as heating oil: DESNZ 'Gas oil'.
        case gasOil = "gas-oil"
    }

    /// The units a fuel quantity is given in. `kwh` is on the gross calorific value, as energy bills are.
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case litres, m3, kwh, kg, tonnes
    }

    public var fuel: Fuel
    public var unit: Unit
    /// Scope 1, kg CO2e per unit.
    public var combustion: CitedFigure
    /// Scope 3 category 3 (well-to-tank), kg CO2e per unit.
    public var wellToTank: CitedFigure
    /// Biogenic CO2 ('Outside of scopes'), kg CO2 per unit; nil when DESNZ gives none.
    public var biogenic: CitedFigure?

    /// The year of the DESNZ edition, recorded as the factor year of every fuel line.
    public static let year = 2024

    /// The built-in factor for a fuel in a unit, or nil when the unit does not suit the fuel.
    public static func builtIn(_ fuel: Fuel, _ unit: Unit) -> FuelFactor? {
        table.first { $0.fuel == fuel && $0.unit == unit }
    }

    /// The units a fuel can be given in.
    public static func units(of fuel: Fuel) -> [Unit] { table.filter { $0.fuel == fuel }.map(\.unit) }
}
