/// A contractual instrument for the market-based Scope 2 (`energy_instruments.csv`): a guarantee
/// of origin, a REC, a PPA or a supplier-specific emission rate, for a volume of electricity.
public struct EnergyInstrument: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case guaranteeOfOrigin = "guarantee-of-origin"
        case rec
        case ppa
        case supplierSpecificRate = "supplier-specific-rate"
    }

    public var id: String
    public var kind: Kind
    /// The volume, in MWh.
    public var mwh: Double
    public var technology: String?
    /// ISO 3166 alpha-2 of the country of production.
    public var country: String
    /// The production period, YYYYMMDD, both days included.
    public var productionStart: Int32
    public var productionEnd: Int32
    /// The day it was cancelled (redeemed) for the company, YYYYMMDD; nil when not cancelled.
    public var cancelledOn: Int32?
    /// The site it is claimed for; nil for the company's consumption in the instrument's market.
    public var site: String?
    /// The emission rate it conveys: 0 for renewable certificates and PPAs, the supplier's rate otherwise.
    public var kgPerKWh: Double
    public var location: SourceLocation

    public init(
        id: String,
        kind: Kind,
        mwh: Double,
        technology: String? = nil,
        country: String,
        productionStart: Int32,
        productionEnd: Int32,
        cancelledOn: Int32?,
        site: String? = nil,
        kgPerKWh: Double = 0,
        location: SourceLocation
    ) {
        self.id = id
        self.kind = kind
        self.mwh = mwh
        self.technology = technology
        self.country = country
        self.productionStart = productionStart
        self.productionEnd = productionEnd
        self.cancelledOn = cancelledOn
        self.site = site
        self.kgPerKWh = kgPerKWh
        self.location = location
    }

    public var kwh: Double { mwh * 1000 }
}
