extension ActivityInventory {
    /// A short readable summary: the totals in tonnes, the instruments and the exclusions.
    public func text() -> String {
        func t(_ kg: Double) -> String {
            let tenths = Int((kg / 100).rounded())
            return "\(tenths / 10).\(abs(tenths % 10)) t CO2e"
        }
        var out = ["Activity inventory \(period) (\(period.startText) to \(period.endText))"]
        out.append("  Scope 1                  \(t(scope1Kg))")
        out.append("    stationary combustion  \(t(scope1StationaryKg))")
        out.append("    mobile combustion      \(t(scope1MobileKg))")
        out.append("    fugitive (refrigerants) \(t(scope1FugitiveKg))")
        out.append("  Scope 2 location-based   \(t(scope2LocationKg))")
        out.append("  Scope 2 market-based     \(t(scope2MarketKg))")
        out.append("  Category 3               \(t(category3Kg))")
        out.append("    well-to-tank of fuels  \(t(category3FuelsWellToTankKg))")
        out.append("    electricity upstream   \(t(category3ElectricityWellToTankKg))")
        out.append("    T&D losses             \(t(category3LossesKg))")
        out.append("  Biogenic CO2 (apart)     \(t(biogenicKg))")
        for c in coverage { out.append("  instrument \(c.id): \(Int(c.coveredKWh.rounded())) of \(Int(c.volumeKWh.rounded())) kWh applied") }
        for (reason, count) in exclusionCounts { out.append("  excluded, \(reason.rawValue): \(count)") }
        for e in exclusions where e.reason != .outsidePeriod { out.append("    \(e.source): \(e.detail)") }
        return out.joined(separator: "\n")
    }
}
