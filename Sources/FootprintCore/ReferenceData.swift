/// Everything the calculation needs besides the ledger: factors, rates, price index,
/// supplier disclosures and product footprints.
public struct ReferenceData: Sendable {
    public var suppliers: [Supplier]
    public var factors: [EmissionFactor]
    /// Units of a currency per 1 USD, by currency and year (annual averages).
    public var exchangeRates: [CurrencyCode: [Int: Double]]
    /// Price index by year (any base).
    public var priceIndex: [Int: Double]
    public var disclosures: [SupplierDisclosure]
    public var footprints: [ProductFootprint]
    /// The factor categories whose lines try average-data before hybrid (the category rules'
    /// `prefer_activity_data`); empty: the hierarchy as it stands.
    public var activityFirstCategories: Set<String> = []
    /// Price indices of one currency's economy by year (price_index.csv rows with a `currency`): they
    /// deflate a hybrid line's amount to its disclosure's year (the index of the disclosure's currency).
    public var priceIndexByCurrency: [CurrencyCode: [Int: Double]] = [:]
    /// Who made the products bought through distributors (manufacturers.csv): the manufacturer's
    /// footprints and disclosures reach those lines (docs/methods.md, "Manufacturers").
    public var manufacturers: [ProductManufacturer] = []

    public init(
        suppliers: [Supplier] = [],
        factors: [EmissionFactor] = [],
        exchangeRates: [CurrencyCode: [Int: Double]] = [:],
        priceIndex: [Int: Double] = [:],
        disclosures: [SupplierDisclosure] = [],
        footprints: [ProductFootprint] = []
    ) {
        self.suppliers = suppliers
        self.factors = factors
        self.exchangeRates = exchangeRates
        self.priceIndex = priceIndex
        self.disclosures = disclosures
        self.footprints = footprints
    }
}
