extension ActivityTotals {
    /// The totals of a computed activity inventory.
    public init(_ inventory: ActivityInventory) {
        self.init()
        scope1StationaryKg = inventory.scope1StationaryKg
        scope1MobileKg = inventory.scope1MobileKg
        scope1FugitiveKg = inventory.scope1FugitiveKg
        scope2LocationKg = inventory.scope2LocationKg
        scope2MarketKg = inventory.scope2MarketKg
        category3FuelsKg = inventory.category3FuelsWellToTankKg
        category3EnergyKg = inventory.category3ElectricityWellToTankKg
        category3LossesKg = inventory.category3LossesKg
        biogenicCO2Kg = inventory.biogenicKg
    }
}
