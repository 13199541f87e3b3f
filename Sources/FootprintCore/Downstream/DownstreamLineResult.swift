/// The factor a downstream line used: a grid factor (Category 11) or a cited DESNZ figure.
public struct LineFactor: Sendable, Hashable {
    public var name: String
    public var kgPerUnit: Double
    public var unit: String
    public var source: String

    public init(name: String, kgPerUnit: Double, unit: String, source: String) {
        self.name = name
        self.kgPerUnit = kgPerUnit
        self.unit = unit
        self.source = source
    }

    public init(_ cited: CitedFactor) {
        self.init(name: cited.name, kgPerUnit: cited.kgPerUnit, unit: cited.unit, source: cited.source)
    }

    /// A grid factor, with the `grid_factors.csv` line it came from or `built-in`.
    public init(_ grid: GridFactor) {
        self.init(
            name: "grid \(grid.area) \(grid.year) \(grid.basis.rawValue)",
            kgPerUnit: grid.kgPerKWh,
            unit: "kWh",
            source: grid.source + (grid.location.map { " (\($0))" } ?? " (built-in)")
        )
    }
}

/// The emissions of one input row (or one treatment of it), with where they came from: the row,
/// the factor and its source, and every conversion from the input to the kg.
public struct DownstreamLineResult: Sendable, Hashable {
    /// The part of the result a line belongs to.
    public enum Part: String, Sendable, Hashable {
        /// Category 11: the direct use phase of a sale.
        case use
        /// Category 12: the expected end of life of a sale.
        case endOfLife = "end-of-life"
        /// Category 5 or 12: a treatment of returned equipment.
        case takeBack = "take-back"
        /// Category 5 or 12: the transport of returned equipment to the treatment site.
        case takeBackTransport = "take-back-transport"
        /// Category 13: the electricity of equipment we own and run at a customer's site.
        case leasedAsset = "leased-asset"
    }

    public var location: SourceLocation
    public var category: Scope3Category
    public var part: Part
    /// The product sold (sales), the product type (returns) or the equipment (leased equipment).
    public var product: String
    public var productType: String
    /// The customer at whose site leased equipment runs (Category 13 lines).
    public var customer: String?
    /// The treatment, for end-of-life and take-back lines.
    public var treatment: Treatment?
    /// The activity the factor multiplies: lifetime kWh, tonnes treated or tonne.km.
    public var activity: Double
    public var activityUnit: String
    /// Nil for re-use and refurbishment (no factor: not a waste treatment).
    public var factor: LineFactor?
    public var kg: Double
    /// Each conversion, in order, from the input to `kg`.
    public var steps: [String]
    /// Where the inputs other than the factor come from (the use profile's or end-of-life row's source).
    public var inputSource: String?

    public init(
        location: SourceLocation,
        category: Scope3Category,
        part: Part,
        product: String,
        productType: String,
        customer: String? = nil,
        treatment: Treatment? = nil,
        activity: Double,
        activityUnit: String,
        factor: LineFactor?,
        kg: Double,
        steps: [String],
        inputSource: String? = nil
    ) {
        self.location = location
        self.category = category
        self.part = part
        self.product = product
        self.productType = productType
        self.customer = customer
        self.treatment = treatment
        self.activity = activity
        self.activityUnit = activityUnit
        self.factor = factor
        self.kg = kg
        self.steps = steps
        self.inputSource = inputSource
    }
}

/// A sale left out of a category, counted and stated: why, and how much it holds.
public struct DownstreamExclusion: Sendable, Hashable {
    public var location: SourceLocation
    public var category: Scope3Category
    public var product: String
    public var units: Double
    /// The mass left out, when known (Category 12).
    public var kg: Double?
    public var reason: String

    public init(location: SourceLocation, category: Scope3Category, product: String, units: Double, kg: Double? = nil, reason: String) {
        self.location = location
        self.category = category
        self.product = product
        self.units = units
        self.kg = kg
        self.reason = reason
    }
}
