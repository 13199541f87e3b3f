import FootprintCore
import Testing

/// Rule 1: kg = quantity (converted into the footprint's unit) x footprint.
@Suite("Supplier-specific method")
struct SupplierSpecificTests {
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [spendFactor("hardware", 0.4, "NOK")],
            exchangeRates: [code("NOK"): [2024: 10.5]],
            footprints: [
                footprint("S1", "P-kg", 2.5, "kg"),  // 0
                footprint("S1", "P-t", 1200, "t"),  // 1
                footprint("S1", "P-both", 3000, "t"),  // 2: first in file order, convertible
                footprint("S1", "P-both", 2.9, "kg"),  // 3: exactly the line's unit
                footprint("S1", "P-bag", 7, "bag"),  // 4: a unit the catalogue does not know
            ]
        )
    )

    @Test func sameUnit() {
        let r = engine.evaluate(supplier: "S1", category: "hardware", product: "P-kg", unit: "kg", amount: 999, quantity: 40)
        #expect(r.method == .supplierSpecific)
        #expect(r.sourceIndex == 0)
        #expect(r.unitFactor == 1)
        #expect(r.activity == 40)
        #expect(r.kg == 100)
        #expect(r.unmapped == nil)
    }

    @Test func kilogramsAgainstAFootprintPerTonne() {
        // 500 kg = 0.5 t; 0.5 x 1200 = 600
        let r = engine.evaluate(supplier: "S1", category: "hardware", product: "P-t", unit: "kg", amount: 999, quantity: 500)
        #expect(r.method == .supplierSpecific)
        #expect(r.sourceIndex == 1)
        #expect(close(r.unitFactor, 0.001))
        #expect(close(r.activity, 0.5))
        #expect(close(r.kg, 600))
    }

    @Test func tonnesAgainstAFootprintPerKilogram() {
        // 2 tonnes = 2000 kg; 2000 x 2.5 = 5000
        let r = engine.evaluate(supplier: "S1", product: "P-kg", unit: "tonne", amount: 1, quantity: 2)
        #expect(r.method == .supplierSpecific)
        #expect(close(r.unitFactor, 1000))
        #expect(close(r.kg, 5000))
    }

    @Test func gramsAgainstAFootprintPerKilogram() {
        // 2000 g = 2 kg; 2 x 2.5 = 5
        let r = engine.evaluate(supplier: "S1", product: "P-kg", unit: "g", amount: 1, quantity: 2000)
        #expect(r.method == .supplierSpecific)
        #expect(close(r.activity, 2))
        #expect(close(r.kg, 5))
    }

    @Test func aFootprintInExactlyTheLinesUnitWinsOverAConvertibleOne() {
        let inKg = engine.evaluate(supplier: "S1", product: "P-both", unit: "kg", amount: 1, quantity: 10)
        #expect(inKg.sourceIndex == 3)
        #expect(inKg.unitFactor == 1)
        #expect(inKg.kg == 29)
        let inTonnes = engine.evaluate(supplier: "S1", product: "P-both", unit: "t", amount: 1, quantity: 2)
        #expect(inTonnes.sourceIndex == 2)
        #expect(inTonnes.kg == 6000)
        // Grams match neither exactly: the first convertible one in file order (per tonne).
        let inGrams = engine.evaluate(supplier: "S1", product: "P-both", unit: "g", amount: 1, quantity: 1_000_000)
        #expect(inGrams.sourceIndex == 2)
        #expect(close(inGrams.kg, 3000))
    }

    @Test func unknownUnitMatchesTheIdenticalText() {
        let r = engine.evaluate(supplier: "S1", product: "P-bag", unit: "bag", amount: 1, quantity: 3)
        #expect(r.method == .supplierSpecific)
        #expect(r.kg == 21)
        let other = engine.evaluate(supplier: "S1", category: "hardware", product: "P-bag", unit: "bags", amount: 105, quantity: 3)
        #expect(other.method == .spendBased)
    }

    @Test func needsAQuantityAProductAndAConvertibleUnit() {
        // No quantity, no product, the wrong supplier, a unit of another dimension: spend-based (105 NOK x 0.4).
        let lines = [
            engine.line(supplier: "S1", category: "hardware", product: "P-kg", unit: "kg", amount: 105),
            engine.line(supplier: "S1", category: "hardware", unit: "kg", amount: 105, quantity: 4),
            engine.line(supplier: "S9", category: "hardware", product: "P-kg", unit: "kg", amount: 105, quantity: 4),
            engine.line(supplier: "S1", category: "hardware", product: "P-kg", unit: "kWh", amount: 105, quantity: 4),
            engine.line(supplier: "S1", category: "hardware", product: "P-kg", amount: 105, quantity: 4),
        ]
        for line in lines {
            let r = engine.evaluate(line)
            #expect(r.method == .spendBased)
            #expect(close(r.kg, 42))
        }
    }
}
