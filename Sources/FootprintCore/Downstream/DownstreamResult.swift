/// Category 11 (use of sold products), Category 12 (their end of life, and returned sold products)
/// and the return programme (Category 5 for the company's own equipment) for a reporting period,
/// with every line's provenance, the sales left out and why, and warnings.
public struct DownstreamResult: Sendable, Hashable {
    public var period: ReportingPeriod
    /// Nil when there is no `sales.csv`.
    public var usePhase: UsePhaseResult?
    /// Nil when there is no `sales.csv`.
    public var endOfLife: EndOfLifeResult?
    /// Nil when there is no `returns.csv`.
    public var takeBack: TakeBackResult?
    /// Category 13; nil when there is no `leased_equipment.csv`.
    public var leasedAssets: LeasedAssetsResult?
    /// Every line, in input order: sales' use phase and end of life, then returns, then leased equipment.
    public var lines: [DownstreamLineResult]
    /// Sales left out of a category, each with its reason.
    public var exclusions: [DownstreamExclusion]
    public var warnings: [String]

    public init(
        period: ReportingPeriod,
        usePhase: UsePhaseResult? = nil,
        endOfLife: EndOfLifeResult? = nil,
        takeBack: TakeBackResult? = nil,
        leasedAssets: LeasedAssetsResult? = nil,
        lines: [DownstreamLineResult] = [],
        exclusions: [DownstreamExclusion] = [],
        warnings: [String] = []
    ) {
        self.period = period
        self.usePhase = usePhase
        self.endOfLife = endOfLife
        self.takeBack = takeBack
        self.leasedAssets = leasedAssets
        self.lines = lines
        self.exclusions = exclusions
        self.warnings = warnings
    }

    /// The computed categories' totals in kg CO2e (a category without its file has no entry), for
    /// `CorporateInventory`: 11 from sales, 12 from sales and returned sold products, 5 from own returns,
    /// 13 from leased equipment.
    public var kgByCategory: [Scope3Category: Double] {
        var result: [Scope3Category: Double] = [:]
        if let usePhase { result[.useOfSoldProducts] = usePhase.kg }
        if let endOfLife { result[.endOfLifeTreatmentOfSoldProducts] = endOfLife.kg }
        if let takeBack {
            result[.wasteGeneratedInOperations] = takeBack.own.totalKg
            result[.endOfLifeTreatmentOfSoldProducts, default: 0] += takeBack.sold.totalKg
        }
        if let leasedAssets { result[.downstreamLeasedAssets] = leasedAssets.kg }
        return result
    }
}

/// Category 11: the lifetime use-phase emissions of the products sold in the period, location-based.
public struct UsePhaseResult: Sendable, Hashable {
    public var kg = 0.0
    /// Units sold in the period and computed, and their lifetime kWh.
    public var units = 0.0
    public var lifetimeKWh = 0.0
    /// Sales computed, sales dated outside the period (left out), and units excluded (no data).
    public var lines = 0
    public var outsidePeriod = 0
    public var excludedUnits = 0.0
    /// The grid basis: always location-based in this version (recorded in the result).
    public var basis = GridFactor.Basis.location

    public init() {}
}

/// Category 12 from sales: the expected end of life of the products sold in the period.
public struct EndOfLifeResult: Sendable, Hashable {
    public var kg = 0.0
    /// The mass sold and computed, and its split by treatment.
    public var massKg = 0.0
    public var massKgByTreatment: [Treatment: Double] = [:]
    public var lines = 0
    public var excludedUnits = 0.0
    /// The mass of the excluded sales whose mass is known (no end-of-life profile).
    public var excludedKg = 0.0

    public init() {}
}

/// The return programme in the period: the company's own equipment (Category 5) and returned sold
/// products (Category 12), each with its waste indicators and circularity KPIs.
public struct TakeBackResult: Sendable, Hashable {
    public var own = WasteIndicators()
    public var sold = WasteIndicators()
    public var lines = 0
    public var outsidePeriod = 0

    public init() {}

    /// Both owners together.
    public var total: WasteIndicators { own.adding(sold) }
}

/// What returned equipment became (kg by treatment, the ESRS E5 waste indicators), the emissions of
/// its treatment and transport, and the circularity KPIs.
public struct WasteIndicators: Sendable, Hashable {
    public var returnedKg = 0.0
    public var units = 0.0
    public var kgByTreatment: [Treatment: Double] = [:]
    public var treatmentKgCO2e = 0.0
    public var transportKgCO2e = 0.0

    public init() {}

    public func kg(_ treatment: Treatment) -> Double { kgByTreatment[treatment] ?? 0 }
    public var totalKg: Double { treatmentKgCO2e + transportKgCO2e }
    /// Re-used and refurbished (ESRS E5: preparation for re-use).
    public var reusedKg: Double { kg(.reuse) + kg(.refurbishment) }
    /// Diverted from disposal: re-used, refurbished, recycled.
    public var divertedKg: Double { reusedKg + kg(.recycling) }
    /// Directed to disposal: incinerated and landfilled.
    public var disposedKg: Double { kg(.incineration) + kg(.landfill) }
    /// Share of the returned mass re-used or refurbished, 0...1 (nil without returns).
    public var reuseRate: Double? { rate(reusedKg) }
    public var recyclingRate: Double? { rate(kg(.recycling)) }
    public var diversionRate: Double? { rate(divertedKg) }
    /// Share of the mass not re-used that was recycled (the programme's "recycles 99.9% of the rest").
    public var recyclingRateOfRest: Double? {
        let rest = returnedKg - reusedKg
        return rest > 0 ? kg(.recycling) / rest : nil
    }

    private func rate(_ kg: Double) -> Double? { returnedKg > 0 ? kg / returnedKg : nil }

    func adding(_ other: WasteIndicators) -> WasteIndicators {
        var sum = self
        sum.returnedKg += other.returnedKg
        sum.units += other.units
        for (t, kg) in other.kgByTreatment { sum.kgByTreatment[t, default: 0] += kg }
        sum.treatmentKgCO2e += other.treatmentKgCO2e
        sum.transportKgCO2e += other.transportKgCO2e
        return sum
    }
}
