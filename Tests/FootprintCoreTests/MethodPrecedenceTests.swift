import FootprintCore
import Testing

/// The first rule of the hierarchy that applies wins; a rule that cannot apply passes the line on.
@Suite("Method precedence")
struct MethodPrecedenceTests {
    // Supplier S1 has a footprint for P1 (per kg) and a disclosure; category "parts" has an
    // average-data factor per kg and a spend-based factor.
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [activityFactor("parts", 3, "kg"), spendFactor("parts", 0.5, "NOK")],
            exchangeRates: [code("NOK"): [2024: 10], code("SEK"): [2024: 10]],
            disclosures: [disclosure("S1", 2024, 0.5, 0, 0.5, revenue: 1000, "NOK")],  // 1 kg per NOK
            footprints: [footprint("S1", "P1", 2, "kg")]
        )
    )

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var supplier: String
        var product: String?
        var quantity: Double
        var unit: String?
        var method: CalculationMethod
        var kg: Double
        var testDescription: String { name }
    }

    // amount 100 NOK, quantity 10 kg where given
    @Test(arguments: [
        Case(
            name: "qualifies for all four: supplier-specific",
            supplier: "S1",
            product: "P1",
            quantity: 10,
            unit: "kg",
            method: .supplierSpecific,
            kg: 20
        ),
        Case(name: "no product: hybrid", supplier: "S1", product: nil, quantity: 10, unit: "kg", method: .hybrid, kg: 100),
        Case(name: "unknown product: hybrid", supplier: "S1", product: "P2", quantity: 10, unit: "kg", method: .hybrid, kg: 100),
        Case(name: "no quantity: hybrid", supplier: "S1", product: "P1", quantity: .nan, unit: "kg", method: .hybrid, kg: 100),
        Case(
            name: "footprint unit does not convert: hybrid",
            supplier: "S1",
            product: "P1",
            quantity: 10,
            unit: "kWh",
            method: .hybrid,
            kg: 100
        ),
        Case(
            name: "no disclosure: average-data",
            supplier: "S2",
            product: "P1",
            quantity: 10,
            unit: "kg",
            method: .averageData,
            kg: 30
        ),
        Case(
            name: "no disclosure, no quantity: spend-based",
            supplier: "S2",
            product: nil,
            quantity: .nan,
            unit: nil,
            method: .spendBased,
            kg: 50
        ),
        Case(
            name: "factor unit does not convert: spend-based",
            supplier: "S2",
            product: nil,
            quantity: 10,
            unit: "l",
            method: .spendBased,
            kg: 50
        ),
    ])
    func firstApplicableRuleWins(_ c: Case) {
        let r = engine.evaluate(
            supplier: c.supplier,
            category: "parts",
            product: c.product,
            unit: c.unit,
            currency: "NOK",
            year: 2024,
            amount: 100,
            quantity: c.quantity
        )
        #expect(r.method == c.method)
        #expect(close(r.kg, c.kg), "\(r.kg)")
    }

    @Test func hybridWithAMissingRateFallsToAverageData() {
        // The line is in DKK, which has no rate: hybrid is skipped and the quantity is used.
        let r = engine.evaluate(supplier: "S1", category: "parts", unit: "kg", currency: "DKK", amount: 100, quantity: 10)
        #expect(r.method == .averageData)
        #expect(close(r.kg, 30))
    }

    @Test func supplierSpecificDoesNotNeedRates() {
        let r = engine.evaluate(
            supplier: "S1",
            category: "parts",
            product: "P1",
            unit: "kg",
            currency: "DKK",
            year: 1990,
            amount: 100,
            quantity: 10
        )
        #expect(r.method == .supplierSpecific)
        #expect(r.kg == 20)
    }

    @Test func methodNamesAndOrder() {
        #expect(CalculationMethod.allCases.map(\.name) == ["supplier-specific", "hybrid", "average-data", "spend-based"])
        #expect(CalculationMethod.allCases.filter(\.usesSupplierData) == [.supplierSpecific, .hybrid])
    }
}
