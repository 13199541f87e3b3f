/// The activity side of a corporate inventory for a reporting period: Scope 1, Scope 2 on both
/// bases, Category 3 and biogenic CO2, with every line's provenance and every exclusion's reason.
public struct ActivityInventory: Sendable, Hashable {
    /// A valid instrument's volume and how much of it covered consumption.
    public struct Coverage: Sendable, Hashable {
        public var id: String
        public var kind: EnergyInstrument.Kind
        public var volumeKWh: Double
        public var coveredKWh: Double
    }

    public var period: ReportingPeriod
    public var lines: [ActivityLine]
    public var exclusions: [ActivityExclusion]
    public var coverage: [Coverage]

    public init(period: ReportingPeriod, lines: [ActivityLine], exclusions: [ActivityExclusion], coverage: [Coverage]) {
        self.period = period
        self.lines = lines
        self.exclusions = exclusions
        self.coverage = coverage
    }

    func sum(_ kinds: Set<ActivityLine.Kind>? = nil, _ value: (ActivityLine) -> Double) -> Double {
        var total = CompensatedSum()
        for line in lines where kinds?.contains(line.kind) ?? true { total.add(value(line)) }
        return total.value
    }

    public var scope1StationaryKg: Double { sum([.stationaryCombustion], \.scope1Kg) }
    public var scope1MobileKg: Double { sum([.mobileCombustion], \.scope1Kg) }
    public var scope1FugitiveKg: Double { sum([.fugitive], \.scope1Kg) }
    public var scope1Kg: Double { sum(nil, \.scope1Kg) }
    public var scope2LocationKg: Double { sum(nil, \.scope2LocationKg) }
    public var scope2MarketKg: Double { sum(nil, \.scope2MarketKg) }
    public var category3FuelsWellToTankKg: Double { sum(nil, \.fuelsWellToTankKg) }
    public var category3ElectricityWellToTankKg: Double { sum(nil, \.electricityWellToTankKg) }
    public var category3LossesKg: Double { sum(nil, \.lossesKg) }
    public var category3Kg: Double { sum(nil, \.category3Kg) }
    /// Biogenic CO2 of bio blends, reported apart: not in any scope.
    public var biogenicKg: Double { sum(nil, \.biogenicKg) }

    /// kWh by carrier, of the rows in the inventory.
    public var kwhByCarrier: [EnergyCarrier: Double] {
        [
            .electricity: sum([.electricity], \.quantity), .districtHeating: sum([.districtHeating], \.quantity),
            .districtCooling: sum([.districtCooling], \.quantity),
        ]
    }

    /// kWh of electricity covered by instruments, all instruments together.
    public var coveredKWh: Double { coverage.reduce(0) { $0 + $1.coveredKWh } }

    /// The number of exclusions of each reason, in the reasons' order.
    public var exclusionCounts: [(reason: ActivityExclusion.Reason, count: Int)] {
        ActivityExclusion.Reason.allCases.compactMap { reason in
            let n = exclusions.count { $0.reason == reason }
            return n == 0 ? nil : (reason, n)
        }
    }
}
