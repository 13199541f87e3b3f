import FootprintCore
import Testing

/// Rule 3: kg = quantity (converted into the factor's unit) x the category's average-data factor.
@Suite("Average-data method")
struct AverageDataTests {
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [
                activityFactor("electricity", 0.5, "kWh"),  // 0
                activityFactor("fuel", 2.0, "l"),  // 1
                activityFactor("steel", 1800, "t"),  // 2: convertible for kg lines
                activityFactor("steel", 1.9, "kg"),  // 3: exact for kg lines
                activityFactor("freight", 0.1, "tkm"),  // 4
                activityFactor("laptops", 300, "piece"),  // 5
                activityFactor("consulting", 12, "hour"),  // 6
                spendFactor("electricity", 0.02, "NOK"),  // 7
            ],
            exchangeRates: [code("NOK"): [2024: 10.5]]
        )
    )

    struct Case: Sendable, CustomTestStringConvertible {
        var category: String
        var quantity: Double
        var unit: String
        var kg: Double
        var sourceIndex: Int32
        var testDescription: String { "\(quantity) \(unit) of \(category) = \(kg) kg" }
    }

    @Test(arguments: [
        Case(category: "electricity", quantity: 1000, unit: "kWh", kg: 500, sourceIndex: 0),
        Case(category: "electricity", quantity: 2, unit: "MWh", kg: 1000, sourceIndex: 0),  // 2000 kWh x 0.5
        Case(category: "electricity", quantity: 250_000, unit: "Wh", kg: 125, sourceIndex: 0),  // 250 kWh
        Case(category: "electricity", quantity: 3.6, unit: "GJ", kg: 500, sourceIndex: 0),  // 1000 kWh
        Case(category: "electricity", quantity: 36, unit: "MJ", kg: 5, sourceIndex: 0),  // 10 kWh
        Case(category: "fuel", quantity: 1.5, unit: "m3", kg: 3000, sourceIndex: 1),  // 1500 l x 2
        Case(category: "fuel", quantity: 40, unit: "litre", kg: 80, sourceIndex: 1),
        Case(category: "steel", quantity: 10, unit: "kg", kg: 19, sourceIndex: 3),  // the exact unit wins
        Case(category: "steel", quantity: 2, unit: "t", kg: 3600, sourceIndex: 2),
        Case(category: "steel", quantity: 500, unit: "g", kg: 0.9, sourceIndex: 2),  // first convertible: 0.0005 t x 1800
        Case(category: "freight", quantity: 1200, unit: "tkm", kg: 120, sourceIndex: 4),
        Case(category: "laptops", quantity: 4, unit: "pcs", kg: 1200, sourceIndex: 5),
        Case(category: "consulting", quantity: 7.5, unit: "hours", kg: 90, sourceIndex: 6),
    ])
    func computes(_ c: Case) {
        let r = engine.evaluate(category: c.category, unit: c.unit, amount: 1, quantity: c.quantity)
        #expect(r.method == .averageData)
        #expect(r.sourceIndex == c.sourceIndex)
        #expect(close(r.kg, c.kg), "\(r.kg)")
        #expect(close(r.activity * engine.factors[Int(c.sourceIndex)].kgPerUnit, r.kg))
    }

    @Test func unitFactorIsRecorded() {
        let r = engine.evaluate(category: "electricity", unit: "MWh", amount: 1, quantity: 2)
        #expect(close(r.unitFactor, 1000))
        #expect(close(r.activity, 2000))
        #expect(r.fromRate == 1 && r.toRate == 1 && r.priceFactor == 1)
    }

    @Test func fallsThroughWhenTheUnitCannotConvert() {
        // kg of electricity: no convertible factor, so the spend-based factor applies (2100 NOK x 0.02).
        let r = engine.evaluate(category: "electricity", unit: "kg", amount: 2100, quantity: 5)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, 42))
        // Without any spend-based factor the line is unmapped.
        let fuel = engine.evaluate(category: "fuel", unit: "kWh", amount: 2100, quantity: 5)
        #expect(fuel.method == nil)
        #expect(fuel.unmapped == .noFactor)
    }

    @Test func needsAQuantityAndAUnit() {
        #expect(engine.evaluate(category: "fuel", unit: "l", amount: 10).unmapped == .noFactor)
        #expect(engine.evaluate(category: "fuel", amount: 10, quantity: 4).unmapped == .noFactor)
        #expect(engine.evaluate(category: "electricity", amount: 2100, quantity: 4).method == .spendBased)
    }
}
