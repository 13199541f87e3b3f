/// One row of `product_use.csv`: a product bought for resale (`product` given), or the default of a
/// product type (`product` nil), with what is known of its use: energy per year, lifetime, mass, and
/// where the figures come from. A product's empty field takes its type's default.
public struct UseProfile: Sendable, Hashable {
    public var location: SourceLocation
    /// Nil: the row is the default of `productType`.
    public var product: String?
    public var productType: String
    /// Typical power in use, W; with `hoursPerYear`, the energy per year.
    public var powerW: Double?
    public var hoursPerYear: Double?
    /// The energy per year given directly (kWh), instead of power and hours.
    public var kwhPerYearGiven: Double?
    /// A duty cycle of modes per year (active, idle, sleep, off), instead of one power and its hours.
    public var dutyCycle: DutyCycle?
    /// Years of use, more than 0.
    public var lifetimeYears: Double?
    /// Mass of one unit, kg (Category 12).
    public var massKg: Double?
    /// Where the figures come from: `vendor data sheet ...`.
    public var source: String

    public init(
        location: SourceLocation,
        product: String?,
        productType: String,
        powerW: Double? = nil,
        hoursPerYear: Double? = nil,
        kwhPerYear: Double? = nil,
        dutyCycle: DutyCycle? = nil,
        lifetimeYears: Double? = nil,
        massKg: Double? = nil,
        source: String
    ) {
        self.location = location
        self.product = product
        self.productType = productType
        self.powerW = powerW
        self.hoursPerYear = hoursPerYear
        self.kwhPerYearGiven = kwhPerYear
        self.dutyCycle = dutyCycle
        self.lifetimeYears = lifetimeYears
        self.massKg = massKg
        self.source = source
    }

    /// kWh per year: as given, or the duty cycle's, or power × hours / 1000; nil when the row has none.
    public var kwhPerYear: Double? {
        if let kwhPerYearGiven { return kwhPerYearGiven }
        if let dutyCycle { return dutyCycle.kwh }
        guard let powerW, let hoursPerYear else { return nil }
        return powerW * hoursPerYear / 1000
    }

    /// How the kWh per year were found, for the line's provenance.
    var energyStep: String? {
        if let kwhPerYearGiven { return "\(kwhPerYearGiven.downstreamText) kWh per year (given)" }
        if let dutyCycle { return "\(dutyCycle.text) per year / 1000 = \(dutyCycle.kwh.downstreamText) kWh per year" }
        guard let powerW, let hoursPerYear, let kwh = kwhPerYear else { return nil }
        return "\(powerW.downstreamText) W × \(hoursPerYear.downstreamText) h per year / 1000 = \(kwh.downstreamText) kWh per year"
    }
}

/// One row of `end_of_life.csv`: the expected treatment of a product type at its end of life, in a
/// country of use or (country nil) anywhere.
public struct EndOfLifeProfile: Sendable, Hashable {
    public var location: SourceLocation
    public var productType: String
    public var country: String?
    public var shares: TreatmentShares
    public var source: String

    public init(location: SourceLocation, productType: String, country: String?, shares: TreatmentShares, source: String) {
        self.location = location
        self.productType = productType
        self.country = country
        self.shares = shares
        self.source = source
    }
}
