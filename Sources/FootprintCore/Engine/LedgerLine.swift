/// A purchase line as the engine reads it: every text already resolved to the engine's keys
/// (see `InventoryEngine.keys`), so that evaluating a line allocates nothing.
public struct LedgerLine: Sendable {
    /// The supplier's key, `none` when no reference data mentions the supplier.
    public var supplier: SupplierKey
    /// The category's key, `none` when no factor has the category.
    public var category: CategoryKey
    /// The product's key, `none` when the line has no product or no footprint names it.
    public var product: ProductKey
    /// The quantity's unit key, `none` when the line has no unit or no factor can use it.
    public var unit: UnitKey
    /// The currency's key, `none` when the engine has no rate or factor in it.
    public var currencyKey: CurrencyKey
    public var currency: CurrencyCode
    /// The year of the line's date: the year whose rates and price index apply.
    public var year: Int32
    /// The line's date as the number YYYYMMDD: the date a footprint's validity period must cover.
    public var date: Int32
    /// The amount in `currency`; negative for a credit note.
    public var amount: Double
    /// The quantity, or NaN when the line has none.
    public var quantity: Double

    @inlinable
    public init(
        supplier: SupplierKey = .none,
        category: CategoryKey = .none,
        product: ProductKey = .none,
        unit: UnitKey = .none,
        currencyKey: CurrencyKey = .none,
        currency: CurrencyCode,
        year: Int32,
        date: Int32? = nil,
        amount: Double,
        quantity: Double = .nan
    ) {
        self.supplier = supplier
        self.category = category
        self.product = product
        self.unit = unit
        self.currencyKey = currencyKey
        self.currency = currency
        self.year = year
        self.date = date ?? (year * 10000 + 101)
        self.amount = amount
        self.quantity = quantity
    }

    public var hasQuantity: Bool { !quantity.isNaN }
}
