/// One row of `leased_equipment.csv`: equipment the company owns and runs at a customer's site
/// (a consumption-based service), whose electricity the customer pays for, over a span of dates:
/// Category 13 (downstream leased assets) for the company, Scope 2 energy for the customer.
public struct LeasedEquipment: Sendable, Hashable {
    /// The energy of the row over its dates: metered, or power × hours (one power, or a duty cycle of modes).
    public enum Energy: Sendable, Hashable {
        /// kWh read from a meter for the whole row (all its units).
        case metered(kwh: Double)
        /// Per unit; multiplied by the row's units.
        case power(DutyCycle)
    }

    public var location: SourceLocation
    /// The equipment's id (an asset number, a contract line).
    public var equipment: String
    /// What it is (`network-equipment`, `server`), when given.
    public var productType: String?
    /// The customer at whose site it runs, as customers.csv names it: its statement shows the kWh.
    public var customer: String
    /// Where it runs: ISO 3166 alpha-2, upper case (its grid factor).
    public var country: String
    /// YYYYMMDD, the first and last day the row covers (both included).
    public var start: Int32
    public var end: Int32
    /// Units of the equipment the power figures are multiplied by (1 when not given).
    public var units: Double
    public var energy: Energy
    /// Where the figures come from: the meter, the vendor's data sheet.
    public var source: String
    public var reference: String?

    public init(
        location: SourceLocation,
        equipment: String,
        productType: String? = nil,
        customer: String,
        country: String,
        start: Int32,
        end: Int32,
        units: Double = 1,
        energy: Energy,
        source: String,
        reference: String? = nil
    ) {
        self.location = location
        self.equipment = equipment
        self.productType = productType
        self.customer = customer
        self.country = country
        self.start = start
        self.end = end
        self.units = units
        self.energy = energy
        self.source = source
        self.reference = reference
    }

    /// The kWh of the row over all its dates.
    public var kwh: Double {
        switch energy {
        case .metered(let kwh): kwh
        case .power(let cycle): cycle.kwh * units
        }
    }

    /// The days the row covers, both ends included.
    public var days: Int64 { CivilDate.days(yyyymmdd: end) - CivilDate.days(yyyymmdd: start) + 1 }

    /// How the kWh were found, for the line's provenance.
    var energyStep: String {
        let span = "\(ReportingPeriod.text(start)) to \(ReportingPeriod.text(end))"
        switch energy {
        case .metered(let kwh):
            return "\(kwh.downstreamText) kWh metered, \(span)"
        case .power(let cycle):
            let unitsText = units == 1 ? "" : "\(units.downstreamText) units × "
            return "\(unitsText)\(cycle.text) / 1000 = \(self.kwh.downstreamText) kWh, \(span)"
        }
    }
}
