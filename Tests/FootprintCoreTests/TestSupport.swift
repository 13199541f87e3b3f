import FootprintCore
import Testing

/// Whether `a` equals `b` within a relative tolerance (absolute near zero).
func close(_ a: Double, _ b: Double, rel: Double = 1e-12) -> Bool {
    if a == b { return true }
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)
}

/// `CurrencyCode` from a literal known to be valid.
func code(_ text: String) -> CurrencyCode { CurrencyCode(text)! }

/// A spend-based factor.
func spendFactor(_ category: String, _ kg: Double, _ currency: String, priceYear: Int? = nil) -> EmissionFactor {
    EmissionFactor(
        category: category,
        name: category,
        kgPerUnit: kg,
        basis: .spend(currency: code(currency), priceYear: priceYear),
        source: "test"
    )
}

/// An average-data factor.
func activityFactor(_ category: String, _ kg: Double, _ unit: String) -> EmissionFactor {
    EmissionFactor(
        category: category,
        name: category,
        kgPerUnit: kg,
        basis: .activity(unit: MeasureUnit(parsing: unit)),
        source: "test"
    )
}

/// A product footprint.
func footprint(_ supplier: String, _ product: String, _ kg: Double, _ unit: String) -> ProductFootprint {
    ProductFootprint(supplier: supplier, product: product, kgPerUnit: kg, unit: MeasureUnit(parsing: unit))
}

/// A disclosure in tonnes.
func disclosure(
    _ supplier: String,
    _ year: Int,
    _ s1: Double,
    _ s2: Double,
    _ s3: Double,
    revenue: Double,
    _ currency: String
)
    -> SupplierDisclosure
{
    SupplierDisclosure(
        supplier: supplier,
        year: year,
        scope1Tonnes: s1,
        scope2Tonnes: s2,
        scope3UpstreamTonnes: s3,
        revenue: revenue,
        currency: code(currency)
    )
}

extension InventoryEngine {
    /// A ledger line with its texts resolved to this engine's keys, as the ledger scanner does it.
    func line(
        supplier: String? = nil,
        category: String? = nil,
        product: String? = nil,
        unit: String? = nil,
        currency: String = "NOK",
        year: Int32 = 2024,
        date: Int32? = nil,
        amount: Double,
        quantity: Double = .nan
    ) -> LedgerLine {
        LedgerLine(
            supplier: supplier.map(supplierKey) ?? .none,
            category: category.map(categoryKey) ?? .none,
            product: product.map(productKey) ?? .none,
            unit: unit.map { unitKey(for: $0) } ?? .none,
            currencyKey: currencyKey(for: code(currency)),
            currency: code(currency),
            year: date.map { $0 / 10000 } ?? year,
            date: date,
            amount: amount,
            quantity: quantity
        )
    }

    /// Evaluates a line given by its texts.
    func evaluate(
        supplier: String? = nil,
        category: String? = nil,
        product: String? = nil,
        unit: String? = nil,
        currency: String = "NOK",
        year: Int32 = 2024,
        date: Int32? = nil,
        amount: Double,
        quantity: Double = .nan
    ) -> LineResult {
        evaluate(
            line(
                supplier: supplier,
                category: category,
                product: product,
                unit: unit,
                currency: currency,
                year: year,
                date: date,
                amount: amount,
                quantity: quantity
            )
        )
    }
}

/// A purchase line by its texts, with its amount as exact decimal digits, as the CSV reader gives it.
struct TestPurchase {
    var supplier: String
    var category: String
    var product: String? = nil
    var unit: String? = nil
    var currency: String = "NOK"
    var year: Int32 = 2024
    /// YYYYMMDD; `nil`: January 1 of `year`.
    var date: Int32? = nil
    /// amount = digits x 10^-scale
    var digits: Int64
    var scale: Int = 0
    var quantity: Double = .nan
    var customer: String? = nil

    var amount: Double {
        var p = 1.0
        for _ in 0..<scale { p *= 10 }
        return Double(digits) / p
    }
}

/// Evaluates purchases and accumulates them into a summary, with slots given in order of first appearance.
func inventory(_ purchases: [TestPurchase], engine: InventoryEngine) -> InventorySummary {
    var accumulator = InventoryAccumulator()
    var categories: [String] = []
    var suppliers: [String] = []
    var customers: [String] = []
    var currencies: [CurrencyCode] = []
    func slot<T: Equatable>(_ value: T, _ list: inout [T]) -> Int {
        if let i = list.firstIndex(of: value) { return i }
        list.append(value)
        return list.count - 1
    }
    for p in purchases {
        let line = engine.line(
            supplier: p.supplier,
            category: p.category,
            product: p.product,
            unit: p.unit,
            currency: p.currency,
            year: p.year,
            date: p.date,
            amount: p.amount,
            quantity: p.quantity
        )
        let result = engine.evaluate(line)
        accumulator.add(
            result,
            line: line,
            category: slot(p.category, &categories),
            supplier: slot(p.supplier, &suppliers),
            customer: p.customer.map { slot($0, &customers) } ?? -1,
            currencySlot: slot(code(p.currency), &currencies),
            amountDigits: p.digits,
            amountScale: p.scale
        )
    }
    return accumulator.summary(categories: categories, suppliers: suppliers, customers: customers, currencies: currencies)
}

/// SplitMix64: a small, seeded, reproducible random number generator.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
