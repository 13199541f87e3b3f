/// The activity files of a data folder (docs/activity.md), as read: every file is optional.
public struct ActivityData: Sendable, Hashable {
    public var sites: [ActivitySite]
    public var fuel: [FuelUse]
    public var refrigerants: [RefrigerantLeak]
    public var energy: [EnergyUse]
    public var instruments: [EnergyInstrument]
    /// `grid_factors.csv`: overrides and additions to `GridFactor.builtIn`.
    public var gridFactors: [GridFactor]

    public init(
        sites: [ActivitySite] = [],
        fuel: [FuelUse] = [],
        refrigerants: [RefrigerantLeak] = [],
        energy: [EnergyUse] = [],
        instruments: [EnergyInstrument] = [],
        gridFactors: [GridFactor] = []
    ) {
        self.sites = sites
        self.fuel = fuel
        self.refrigerants = refrigerants
        self.energy = energy
        self.instruments = instruments
        self.gridFactors = gridFactors
    }

    /// Whether there is no activity at all (sites alone are not activity).
    public var isEmpty: Bool { fuel.isEmpty && refrigerants.isEmpty && energy.isEmpty }
}
