/// A customer's use of a service in a month (service_usage.csv), in the service's unit.
public struct ServiceUsage: Sendable, Hashable {
    public var customer: String
    public var service: String
    public var year: Int
    /// 1 to 12.
    public var month: Int
    public var quantity: Double
    /// The quantity as written, for provenance.
    public var quantityText: String
    public var revenue: Double?
    public var revenueText: String?
    /// ISO 4217, with a revenue.
    public var currency: String?
    public var location: SourceLocation?

    public init(
        customer: String,
        service: String,
        year: Int,
        month: Int,
        quantity: Double,
        quantityText: String,
        revenue: Double? = nil,
        revenueText: String? = nil,
        currency: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.customer = customer
        self.service = service
        self.year = year
        self.month = month
        self.quantity = quantity
        self.quantityText = quantityText
        self.revenue = revenue
        self.revenueText = revenueText
        self.currency = currency
        self.location = location
    }

    /// `2024-03`.
    public var monthText: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}
