/// The factors of end-of-life treatment and of the transport of returns: per tonne of waste electrical
/// and electronic equipment (WEEE) by treatment, and per tonne.km by vehicle. `DownstreamFactors.desnz2024`
/// is the built-in set. Re-use and refurbishment have none: they are not waste treatments.
public struct DownstreamFactors: Sendable, Hashable {
    /// kg CO2e per tonne, by treatment (recycling, incineration, landfill).
    public var weee: [Treatment: CitedFactor]
    /// kg CO2e per tonne.km, by vehicle.
    public var freight: [FreightMode: CitedFactor]

    public init(weee: [Treatment: CitedFactor], freight: [FreightMode: CitedFactor]) {
        self.weee = weee
        self.freight = freight
    }

    /// Every figure of the set, once, for checking against the source.
    public var allFactors: [CitedFactor] {
        Treatment.allCases.compactMap { weee[$0] } + FreightMode.allCases.compactMap { freight[$0] }
    }
}
