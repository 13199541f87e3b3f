/// The cost of one item at and above which a company capitalises an asset of a class: its
/// accounting policy, which decides Category 2 (docs/inventory.md#capital-goods). A purchase of
/// the class costing at least the threshold per item is a capital good (Category 2, counted in full
/// in the year of purchase); below it, the company expenses it and it is Category 1.
///
/// The threshold may change with the year (Norway's went from NOK 15,000 to 30,000 in 2024): each
/// step applies from its year on, and a line is compared with the step of its own year.
public struct CapitalisationThreshold: Sendable, Hashable {
    /// The asset class, as the company names it (`office machines and IT equipment`).
    public var assetClass: String
    public var currency: CurrencyCode
    /// The threshold from each step's year on, sorted by year; the first step applies to every earlier year too.
    public var steps: [Step]
    /// Where the threshold comes from: a law, the company's policy, or the file and line that set it.
    public var source: String

    public struct Step: Sendable, Hashable {
        public var fromYear: Int32
        public var amount: Double
        public init(fromYear: Int32, amount: Double) {
            self.fromYear = fromYear
            self.amount = amount
        }
    }

    public init(assetClass: String, currency: CurrencyCode, steps: [Step], source: String) {
        self.assetClass = assetClass
        self.currency = currency
        self.steps = steps.sorted { $0.fromYear < $1.fromYear }
        self.source = source
    }

    /// One threshold for every year.
    public init(assetClass: String, amount: Double, currency: CurrencyCode, source: String) {
        self.init(assetClass: assetClass, currency: currency, steps: [Step(fromYear: Int32.min, amount: amount)], source: source)
    }

    /// The threshold for a line of `year`.
    public func amount(in year: Int32) -> Double {
        var amount = steps.first?.amount ?? 0
        for step in steps where step.fromYear <= year { amount = step.amount }
        return amount
    }

    /// `NOK 30,000 per item` for a line of `year`.
    public func text(in year: Int32) -> String {
        let amount = amount(in: year)
        return "\(currency) \(InventorySummary.grouped(amount, places: amount.rounded() == amount ? 0 : 2)) per item"
    }

    /// Norway's threshold (the default): an operating asset with a useful life of at least three years
    /// is capitalised when it costs NOK 30,000 or more (NOK 15,000 before the income year 2024), VAT
    /// included where it is not deductible; cheaper assets may be expensed in the year of purchase.
    public static func norwegian(assetClass: String) -> CapitalisationThreshold {
        CapitalisationThreshold(
            assetClass: assetClass,
            currency: CurrencyCode("NOK")!,
            steps: [Step(fromYear: Int32.min, amount: 15_000), Step(fromYear: 2024, amount: 30_000)],
            source: norwegianSource
        )
    }

    public static let norwegianSource =
        "skatteloven (Norwegian Tax Act) § 14-40 (1) a and (2): an operating asset is capitalised when its useful life is at least three years and it costs NOK 30,000 or more, from the income year 2024 (law of 20 December 2023 no. 98); NOK 15,000 before"

    /// Whether `line` buys items that the company capitalises: its cost per item, in the threshold's
    /// currency at the line year's rates (`InventoryEngine.convert`), is at least the threshold of the
    /// line's year. The cost per item is the amount divided by the quantity when the quantity counts
    /// items (`countsItems`: a unit of the count dimension, `piece`, `pcs`, ...), else the whole amount
    /// (one item); a credit note is compared by its absolute amount, so that it follows its invoice.
    /// A cost that no rate converts cannot be compared: the line stays a capital good, the category's type.
    public func capitalises(_ line: LedgerLine, countsItems: Bool, engine: InventoryEngine) -> Bool {
        var cost = abs(line.amount)
        if countsItems, line.hasQuantity, line.quantity != 0 { cost /= abs(line.quantity) }
        if line.currency != currency {
            guard let converted = engine.convert(cost, from: line.currencyKey, to: engine.currencyKey(for: currency), year: line.year) else {
                return true
            }
            cost = converted
        }
        return cost >= amount(in: line.year)
    }
}
