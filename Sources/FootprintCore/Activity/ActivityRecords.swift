/// A site of the company (`sites.csv`): where fuel, refrigerants and energy are used.
public struct ActivitySite: Sendable, Hashable {
    public var id: String
    public var name: String
    /// ISO 3166 alpha-2, upper case.
    public var country: String
    /// A bidding zone such as `NO1` or `SE3`, when given; its factors are preferred to the country's.
    public var biddingZone: String?
    public var legalEntity: String?
    /// In the organisational boundary (default yes); a site not consolidated is left out and counted.
    public var consolidated: Bool
    public var location: SourceLocation

    public init(
        id: String,
        name: String,
        country: String,
        biddingZone: String? = nil,
        legalEntity: String? = nil,
        consolidated: Bool = true,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.biddingZone = biddingZone
        self.legalEntity = legalEntity
        self.consolidated = consolidated
        self.location = location
    }
}

/// Stationary (boilers, generators) or mobile (vehicles) combustion: reported apart in Scope 1.
public enum CombustionUse: String, Sendable, Hashable, CaseIterable {
    case stationary, mobile
}

/// A quantity of fuel burnt (`fuel.csv`), booked on `date` (YYYYMMDD).
public struct FuelUse: Sendable, Hashable {
    public var date: Int32
    public var site: String
    public var vehicle: String?
    public var fuel: FuelFactor.Fuel
    public var quantity: Double
    public var unit: FuelFactor.Unit
    public var use: CombustionUse
    public var location: SourceLocation

    public init(
        date: Int32,
        site: String,
        vehicle: String? = nil,
        fuel: FuelFactor.Fuel,
        quantity: Double,
        unit: FuelFactor.Unit,
        use: CombustionUse,
        location: SourceLocation
    ) {
        self.date = date
        self.site = site
        self.vehicle = vehicle
        self.fuel = fuel
        self.quantity = quantity
        self.unit = unit
        self.use = use
        self.location = location
    }
}

/// Refrigerant leaked, or topped up to replace a leak (`refrigerants.csv`), on `date` (YYYYMMDD).
public struct RefrigerantLeak: Sendable, Hashable {
    public var date: Int32
    public var site: String
    public var gas: Refrigerant
    public var kg: Double
    public var gwpSet: GWPSet
    public var location: SourceLocation

    public init(date: Int32, site: String, gas: Refrigerant, kg: Double, gwpSet: GWPSet, location: SourceLocation) {
        self.date = date
        self.site = site
        self.gas = gas
        self.kg = kg
        self.gwpSet = gwpSet
        self.location = location
    }
}

/// What a site buys as energy from others: its Scope 2.
public enum EnergyCarrier: String, Sendable, Hashable, CaseIterable {
    case electricity
    case districtHeating = "district-heating"
    case districtCooling = "district-cooling"
}

/// A month's metered or billed energy of a site (`energy.csv`).
public struct EnergyUse: Sendable, Hashable {
    public var site: String
    public var year: Int
    public var month: Int
    public var carrier: EnergyCarrier
    public var kwh: Double
    public var meter: String?
    public var supplier: String?
    public var location: SourceLocation

    public init(
        site: String,
        year: Int,
        month: Int,
        carrier: EnergyCarrier,
        kwh: Double,
        meter: String? = nil,
        supplier: String? = nil,
        location: SourceLocation
    ) {
        self.site = site
        self.year = year
        self.month = month
        self.carrier = carrier
        self.kwh = kwh
        self.meter = meter
        self.supplier = supplier
        self.location = location
    }

    /// The first day of the month, YYYYMMDD.
    public var firstDay: Int32 { Int32(year * 10000 + month * 100 + 1) }
    /// `2024-03`.
    public var monthText: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}
