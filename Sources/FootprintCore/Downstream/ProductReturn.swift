/// One row of `returns.csv`: equipment a return programme took back in a period, by product type,
/// with its outcomes and the transport to the treatment site.
public struct ProductReturn: Sendable, Hashable {
    /// Whose equipment it was: the company's own (Category 5, its waste) or products it sold (Category 12).
    public enum Owner: String, Sendable, Hashable, CaseIterable {
        case own, sold

        public var category: Scope3Category { self == .own ? .wasteGeneratedInOperations : .endOfLifeTreatmentOfSoldProducts }
    }

    public var location: SourceLocation
    /// YYYYMMDD: when the programme took it back (the reporting period it counts in).
    public var date: Int32
    public var productType: String
    public var owner: Owner
    public var units: Double?
    /// The mass returned, kg.
    public var kg: Double
    /// The outcomes, as shares of the mass (given as percent, or worked out from the kg per outcome).
    public var shares: TreatmentShares
    /// Whether the row gave kg per outcome rather than percent.
    public var outcomesInKg: Bool
    /// One-way distance to the treatment site, km; nil: not given (no transport line).
    public var transportKm: Double?
    public var transportMode: FreightMode
    /// The programme or the record the figures come from.
    public var programme: String?
    /// Whether the row gives no outcomes: `programme` names the supplier whose take-back answer gives
    /// the shares (`shares` is empty until the calculation takes them from the answer).
    public var sharesFromAnswer: Bool

    public init(
        location: SourceLocation,
        date: Int32,
        productType: String,
        owner: Owner,
        units: Double? = nil,
        kg: Double,
        shares: TreatmentShares,
        outcomesInKg: Bool = false,
        transportKm: Double? = nil,
        transportMode: FreightMode = .hgv,
        programme: String? = nil,
        sharesFromAnswer: Bool = false
    ) {
        self.location = location
        self.date = date
        self.productType = productType
        self.owner = owner
        self.units = units
        self.kg = kg
        self.shares = shares
        self.outcomesInKg = outcomesInKg
        self.transportKm = transportKm
        self.transportMode = transportMode
        self.programme = programme
        self.sharesFromAnswer = sharesFromAnswer
    }
}

/// The vehicle that takes returns to the treatment site (its DESNZ tonne.km factor).
public enum FreightMode: String, Sendable, Hashable, CaseIterable {
    /// An average heavy goods vehicle, average laden.
    case hgv
    /// An average van up to 3.5 tonnes.
    case van
}
