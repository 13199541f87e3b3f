/// Category 13 (downstream leased assets) in the period: the electricity of the equipment the company
/// owns and runs at its customers' sites, which the customers pay for. The emissions are our Category 13,
/// never our Scope 2; the kWh are each customer's own Scope 2 energy (its statement shows them).
public struct LeasedAssetsResult: Sendable, Hashable {
    public var kg = 0.0
    /// The kWh of the rows in the period (their days in it).
    public var kwh = 0.0
    /// Rows computed, and rows wholly outside the period (left out).
    public var lines = 0
    public var outsidePeriod = 0
    /// Always location-based: the grid of the country where the equipment runs.
    public var basis = GridFactor.Basis.location
    /// The kWh by customer: what each can book as its own Scope 2 energy.
    public var byCustomer: [String: CustomerLeasedEnergy] = [:]

    public init() {}

    /// What the figures mean, said with them.
    public static let note =
        "Equipment we own and run at customers' sites, whose electricity the customers pay for: its emissions are our "
        + "Scope 3 Category 13 (downstream leased assets), not in our Scope 2; the kWh are each customer's own Scope 2 energy, "
        + "shown on its statement"
}

/// The electricity our equipment used at one customer's sites in the period: the customer pays for it,
/// so it is the customer's Scope 2 energy (to be multiplied by the customer's own grid or contract
/// factors), not an allocation of our emissions.
public struct CustomerLeasedEnergy: Sendable, Hashable {
    public var kwhByCountry: [String: Double] = [:]
    /// The equipment ids, sorted, once each.
    public var equipment: [String] = []

    public init(kwhByCountry: [String: Double] = [:], equipment: [String] = []) {
        self.kwhByCountry = kwhByCountry
        self.equipment = equipment
    }

    public var kwh: Double { kwhByCountry.keys.sorted().reduce(0) { $0 + kwhByCountry[$1]! } }

    mutating func add(_ id: String, country: String, kwh: Double) {
        kwhByCountry[country, default: 0] += kwh
        if !equipment.contains(id) {
            equipment.append(id)
            equipment.sort()
        }
    }

    /// `12,345.6 kWh (NO 10,000.0, SE 2,345.6)`.
    public var text: String {
        let countries = kwhByCountry.keys.sorted()
        let split =
            countries.count > 1
            ? " (" + countries.map { "\($0) \(TravelResult.grouped(kwhByCountry[$0]!))" }.joined(separator: ", ") + ")"
            : " in \(countries.first ?? "")"
        return "\(TravelResult.grouped(kwh)) kWh\(split)"
    }
}
