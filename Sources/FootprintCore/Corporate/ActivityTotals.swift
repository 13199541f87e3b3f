/// The totals of a company's own activity data (fuels, refrigerants, energy) for a period, in kg
/// CO2e: Scope 1, Scope 2 on both bases, and the Category 3 emissions upstream of the same fuels
/// and energy. Biogenic CO2 of biofuels is reported apart, in no scope.
public struct ActivityTotals: Sendable, Hashable {
    public var scope1StationaryKg = 0.0
    public var scope1MobileKg = 0.0
    public var scope1FugitiveKg = 0.0
    public var scope2LocationKg = 0.0
    public var scope2MarketKg = 0.0
    /// Category 3: well-to-tank of fuels, of purchased energy, and transmission and distribution losses.
    public var category3FuelsKg = 0.0
    public var category3EnergyKg = 0.0
    public var category3LossesKg = 0.0
    public var biogenicCO2Kg = 0.0

    public init() {}

    public var scope1Kg: Double { scope1StationaryKg + scope1MobileKg + scope1FugitiveKg }
    public var category3Kg: Double { category3FuelsKg + category3EnergyKg + category3LossesKg }
}
