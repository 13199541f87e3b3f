import FootprintCore
import Testing

/// Invariants over random ledgers and random reference data (seeded, reproducible).
@Suite("Inventory properties")
struct InventoryPropertyTests {
    static let currencies = ["NOK", "SEK", "EUR", "USD", "DKK"]
    static let units = ["kg", "t", "g", "kWh", "MWh", "l", "m3", "piece", "bag"]

    /// Random reference data: some categories with spend-based and/or average-data factors, some
    /// without; some suppliers with disclosures or product footprints; gaps in rates and index.
    static func reference(_ rng: inout SplitMix64) -> (ReferenceData, products: [String: [String]]) {
        var data = ReferenceData()
        for c in 0..<30 {
            let category = "c\(c)"
            if Double.random(in: 0..<1, using: &rng) < 0.8 {
                let priceYear = [nil, 2019, 2021, 2022].randomElement(using: &rng)!
                data.factors.append(
                    spendFactor(
                        category,
                        Double.random(in: 0.01...2, using: &rng),
                        currencies.randomElement(using: &rng)!,
                        priceYear: priceYear
                    )
                )
            }
            for unit in ["kg", "kWh", "l", "t"] where Double.random(in: 0..<1, using: &rng) < 0.25 {
                data.factors.append(activityFactor(category, Double.random(in: 0.1...50, using: &rng), unit))
            }
        }
        for currency in currencies {
            for year in 2020...2025 where currency != "DKK" || year == 2024 {
                data.exchangeRates[code(currency), default: [:]][year] = currency == "USD" ? 1 : Double.random(in: 0.8...12, using: &rng)
            }
        }
        for year in 2019...2025 where year != 2020 { data.priceIndex[year] = Double.random(in: 90...130, using: &rng) }
        var products: [String: [String]] = [:]
        for s in 0..<100 {
            let supplier = "s\(s)"
            if s % 5 == 0 {
                for year in [2019, 2021, 2023].shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)) {
                    data.disclosures.append(
                        disclosure(
                            supplier,
                            year,
                            Double.random(in: 0...500, using: &rng),
                            Double.random(in: 0...500, using: &rng),
                            Double.random(in: 0...5000, using: &rng),
                            revenue: Double.random(in: 1e6...1e8, using: &rng),
                            currencies.randomElement(using: &rng)!
                        )
                    )
                }
            }
            if s % 3 == 0 {
                for p in 0..<Int.random(in: 1...3, using: &rng) {
                    let product = "p\(s)-\(p)"
                    products[supplier, default: []].append(product)
                    for unit in ["kg", "t", "piece"] where Double.random(in: 0..<1, using: &rng) < 0.5 {
                        data.footprints.append(footprint(supplier, product, Double.random(in: 0.1...100, using: &rng), unit))
                    }
                }
            }
        }
        return (data, products)
    }

    static func ledger(_ count: Int, products: [String: [String]], _ rng: inout SplitMix64) -> [TestPurchase] {
        (0..<count).map { _ in
            let supplier = "s\(Int.random(in: 0..<110, using: &rng))"
            var p = TestPurchase(
                supplier: supplier,
                category: "c\(Int.random(in: 0..<35, using: &rng))",
                currency: currencies.randomElement(using: &rng)!,
                year: Int32.random(in: 2019...2025, using: &rng),
                digits: Int64.random(in: 100...10_000_000, using: &rng),
                scale: 2
            )
            if let list = products[supplier], Bool.random(using: &rng) { p.product = list.randomElement(using: &rng)! }
            if Double.random(in: 0..<1, using: &rng) < 0.6 {
                p.quantity = Double(Int.random(in: 1...100_000, using: &rng)) / 100
                p.unit = units.randomElement(using: &rng)!
            }
            if Bool.random(using: &rng) { p.customer = "k\(Int.random(in: 0..<10, using: &rng))" }
            if Double.random(in: 0..<1, using: &rng) < 0.05 {  // a small credit note
                p.digits = -Int64.random(in: 100...10_000, using: &rng)
                p.quantity = -Double(Int.random(in: 1...100, using: &rng)) / 100
            }
            return p
        }
    }

    static func fixture(seed: UInt64, lines: Int = 4000) -> (InventoryEngine, [TestPurchase]) {
        var rng = SplitMix64(seed: seed)
        let (data, products) = reference(&rng)
        return (InventoryEngine(reference: data), ledger(lines, products: products, &rng))
    }

    static let seeds: [UInt64] = [1, 2, 3, 0xF00D]

    @Test(arguments: seeds)
    func totalEqualsTheSumOfItsParts(seed: UInt64) {
        let (engine, purchases) = Self.fixture(seed: seed)
        let s = inventory(purchases, engine: engine)
        #expect(s.lines == purchases.count)
        #expect(s.linesByMethod.values.reduce(0, +) + s.unmappedLines == purchases.count)
        // Every method, and unmapped lines, occur in the random ledger.
        #expect(CalculationMethod.allCases.allSatisfy { (s.linesByMethod[$0] ?? 0) > 0 })
        #expect(s.unmappedLines > 0)
        let byMethod = CalculationMethod.allCases.reduce(0.0) { $0 + (s.kgByMethod[$1]?.value ?? 0) }
        let byCategory = s.kgByCategory.values.reduce(0.0) { $0 + $1.value }
        let bySupplier = s.kgBySupplier.values.reduce(0.0) { $0 + $1.value }
        #expect(close(s.totalKg, byMethod, rel: 1e-9))
        #expect(close(s.totalKg, byCategory, rel: 1e-9))
        #expect(close(s.totalKg, bySupplier, rel: 1e-9))
        // The total is also the plain sum of the line results.
        var direct = 0.0
        for p in purchases {
            direct +=
                engine.evaluate(
                    supplier: p.supplier,
                    category: p.category,
                    product: p.product,
                    unit: p.unit,
                    currency: p.currency,
                    year: p.year,
                    amount: p.amount,
                    quantity: p.quantity
                ).kg
        }
        #expect(close(s.totalKg, direct, rel: 1e-9))
        // Spend: every line's amount is counted once, computed or not.
        var spend: [CurrencyCode: DecimalSum] = [:]
        for p in purchases { spend[code(p.currency), default: DecimalSum()].add(digits: p.digits, scale: p.scale) }
        var counted: [CurrencyCode: DecimalSum] = [:]
        for (_, byCurrency) in s.spendByMethod { for (c, v) in byCurrency { counted[c, default: DecimalSum()].add(v) } }
        #expect(counted == spend)
    }

    @Test(arguments: seeds, [(Int64(3), 0, 3.0), (5, 1, 0.5)])
    func scalingAmountsAndQuantitiesScalesTheTotal(seed: UInt64, k: (digitsFactor: Int64, extraScale: Int, value: Double)) {
        let (engine, purchases) = Self.fixture(seed: seed)
        let scaled = purchases.map { p -> TestPurchase in
            var q = p
            q.digits = p.digits * k.digitsFactor
            q.scale = p.scale + k.extraScale
            q.quantity = p.quantity * k.value
            return q
        }
        let a = inventory(purchases, engine: engine)
        let b = inventory(scaled, engine: engine)
        #expect(b.linesByMethod == a.linesByMethod)
        #expect(close(b.totalKg, a.totalKg * k.value, rel: 1e-9))
        for method in CalculationMethod.allCases {
            #expect(close(b.kgByMethod[method]?.value ?? 0, (a.kgByMethod[method]?.value ?? 0) * k.value, rel: 1e-9))
        }
        for (method, spend) in a.spendByMethod {
            for (currency, sum) in spend {
                // Exact: 3 x, or 5 x at one more decimal place (= 0.5 x).
                #expect(b.spendByMethod[method]?[currency]?.units == sum.units * Int128(k.digitsFactor) / (k.extraScale == 1 ? 10 : 1))
            }
        }
    }

    @Test(arguments: seeds)
    func shufflingTheLinesGivesTheSameSummary(seed: UInt64) {
        let (engine, purchases) = Self.fixture(seed: seed)
        var rng = SplitMix64(seed: seed &+ 99)
        let a = inventory(purchases, engine: engine)
        let b = inventory(purchases.shuffled(using: &rng), engine: engine)
        #expect(a.linesByMethod == b.linesByMethod)
        #expect(a.unmapped == b.unmapped)
        #expect(a.spendByMethod == b.spendByMethod)
        #expect(close(a.totalKg, b.totalKg))
        for method in CalculationMethod.allCases {
            #expect(close(a.kgByMethod[method]?.value ?? 0, b.kgByMethod[method]?.value ?? 0))
        }
        #expect(Set(a.kgByCategory.keys) == Set(b.kgByCategory.keys))
        for (category, sum) in a.kgByCategory { #expect(close(sum.value, b.kgByCategory[category]?.value ?? .nan), "\(category)") }
        for (supplier, sum) in a.kgBySupplier { #expect(close(sum.value, b.kgBySupplier[supplier]?.value ?? .nan), "\(supplier)") }
        for (customer, sum) in a.kgByCustomer { #expect(close(sum.value, b.kgByCustomer[customer]?.value ?? .nan), "\(customer)") }
    }

    @Test(arguments: seeds)
    func mergingSummariesOfPartsGivesTheSummaryOfTheWhole(seed: UInt64) {
        let (engine, purchases) = Self.fixture(seed: seed)
        let whole = inventory(purchases, engine: engine)
        var merged = InventorySummary()
        for part in stride(from: 0, to: purchases.count, by: 700) {
            merged.merge(inventory(Array(purchases[part..<min(part + 700, purchases.count)]), engine: engine))
        }
        #expect(merged.linesByMethod == whole.linesByMethod)
        #expect(merged.unmapped == whole.unmapped)
        #expect(merged.spendByMethod == whole.spendByMethod)
        #expect(close(merged.totalKg, whole.totalKg))
    }
}
