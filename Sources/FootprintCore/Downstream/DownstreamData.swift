/// What the company sells and takes back (docs/downstream.md), as read and checked (FootprintImport's
/// `DownstreamDataReader`). A file that is absent leaves its list nil or empty, and what needs it is
/// not computed.
public struct DownstreamData: Sendable, Hashable {
    /// `sales.csv`: one sale of a product per row. Nil when the file is absent (Categories 11 and 12
    /// from sales not computed).
    public var sales: [Sale]?
    /// `product_use.csv`: the products bought for resale with their use profiles, and defaults per product type.
    public var useProfiles: [UseProfile]
    /// `end_of_life.csv`: the expected treatment of each product type (and country) at its end of life.
    public var endOfLife: [EndOfLifeProfile]
    /// `returns.csv`: what the return programme took back. Nil when the file is absent.
    public var returns: [ProductReturn]?
    /// `leased_equipment.csv`: equipment we own and run at customers' sites (Category 13). Nil when absent.
    public var leasedEquipment: [LeasedEquipment]?
    /// `avoided_emissions.csv`: comparisons reported apart as avoided emissions, never in a category. Nil when absent.
    public var avoided: [AvoidedEmissionComparison]?

    public init(
        sales: [Sale]? = nil,
        useProfiles: [UseProfile] = [],
        endOfLife: [EndOfLifeProfile] = [],
        returns: [ProductReturn]? = nil,
        leasedEquipment: [LeasedEquipment]? = nil,
        avoided: [AvoidedEmissionComparison]? = nil
    ) {
        self.sales = sales
        self.useProfiles = useProfiles
        self.endOfLife = endOfLife
        self.returns = returns
        self.leasedEquipment = leasedEquipment
        self.avoided = avoided
    }

    /// Whether no file gives sales, returns or leased equipment, the inputs that make a category
    /// (avoided emissions make none).
    public var isEmpty: Bool { sales == nil && returns == nil && leasedEquipment == nil }
}

/// One row of `sales.csv`: units of a product sold on a date, to be used in a country.
public struct Sale: Sendable, Hashable {
    public var location: SourceLocation
    /// YYYYMMDD.
    public var date: Int32
    public var product: String
    public var quantity: Double
    /// Where the product will be used: ISO 3166 alpha-2, upper case (its grid factor).
    public var country: String
    /// As the sale names it; checked against `product_use.csv`'s row of the product when given.
    public var productType: String?
    public var customer: String?
    public var reference: String?

    public init(
        location: SourceLocation,
        date: Int32,
        product: String,
        quantity: Double,
        country: String,
        productType: String? = nil,
        customer: String? = nil,
        reference: String? = nil
    ) {
        self.location = location
        self.date = date
        self.product = product
        self.quantity = quantity
        self.country = country
        self.productType = productType
        self.customer = customer
        self.reference = reference
    }
}
