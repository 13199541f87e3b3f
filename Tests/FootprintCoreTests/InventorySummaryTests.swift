import FootprintCore
import Testing

/// The summary's derived figures and its JSON and text forms.
@Suite("InventorySummary")
struct InventorySummaryTests {
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [spendFactor("office", 0.3, "NOK"), activityFactor("electricity", 0.5, "kWh")],
            exchangeRates: [code("NOK"): [2024: 10.5]],
            disclosures: [disclosure("S2", 2024, 0.5, 0, 0.5, revenue: 1000, "NOK")]
        )
    )

    var summary: InventorySummary {
        inventory(
            [
                TestPurchase(supplier: "S1", category: "office", digits: 100_000, scale: 2, customer: "K1"),  // 300 kg
                TestPurchase(supplier: "S2", category: "office", digits: 100),  // hybrid 100 kg
                TestPurchase(supplier: "S1", category: "electricity", unit: "kWh", digits: 5, quantity: 1200),  // 600 kg
                TestPurchase(supplier: "S1", category: "catering", digits: 4_050, scale: 2),  // unmapped
            ],
            engine: engine
        )
    }

    @Test func derivedFigures() {
        let s = summary
        #expect(s.lines == 4)
        #expect(s.unmappedLines == 1)
        #expect(close(s.totalKg, 1000))
        #expect(close(s.supplierDataShare, 0.1))
        #expect(s.unmappedSpend == [code("NOK"): DecimalSum(digits: 4050, scale: 2)])
        #expect(close(s.kgBySupplier["S1"]?.value ?? .nan, 900))
        #expect(close(s.kgByCustomer["K1"]?.value ?? .nan, 300))
        #expect(InventorySummary().totalKg == 0 && InventorySummary().supplierDataShare == 0)
    }

    @Test func mergeAddsEverything() {
        var twice = summary
        twice.merge(summary)
        #expect(twice.lines == 8)
        #expect(close(twice.totalKg, 2000))
        #expect(twice.unmapped[.noFactor(category: "catering")]?.spend[code("NOK")]?.description == "81")
        #expect(twice.linesByMethod == [.spendBased: 2, .hybrid: 2, .averageData: 2])
    }

    @Test func jsonKeysAndExactMoney() {
        guard case .object(let members) = summary.json() else {
            Issue.record("expected an object")
            return
        }
        #expect(
            members.map(\.0) == [
                "total_kgco2e", "lines", "supplier_data_share", "by_method", "lines_by_method", "by_category", "by_supplier",
                "by_customer", "spend_by_method", "unmapped", "period", "scope3_kgco2e", "by_scope3_category",
                "outside_period", "excluded", "ledger",
            ]
        )
        let text = summary.json().rendered()
        #expect(text.contains("\"total_kgco2e\": 1000"))
        #expect(text.contains("\"catering\": 1") == false)
        #expect(text.contains("\"NOK\": 40.5"))
        #expect(text.contains("\"no-factor\": 1"))
        #expect(text.contains("\"spend-based\": 1"))
        #expect(text.contains("\"unmapped\": 1"))
    }

    @Test func textReportHeadline() {
        let text = summary.text()
        #expect(text.hasPrefix("Scope 3 inventory: 1.0 t CO2e from 4 purchase lines (3 computed, 1 unmapped)\n"))
        #expect(text.contains("Supplier data (supplier-specific + hybrid): 10.0% of emissions"))
        #expect(text.contains("Unmapped lines: 1, spend 40.50 NOK"))
    }

    @Test func jsonRendering() {
        let value = JSONValue.object([
            ("a", .number(2)), ("b", .number(0.5)), ("c", .decimal("10199.50")), ("d", .string("x\"y\n")), ("e", .array([])),
            ("f", .number(.nan)),
        ])
        #expect(value.rendered() == "{\n  \"a\": 2,\n  \"b\": 0.5,\n  \"c\": 10199.50,\n  \"d\": \"x\\\"y\\n\",\n  \"e\": [],\n  \"f\": null\n}")
    }
}
