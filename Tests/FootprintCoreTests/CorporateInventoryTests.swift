import FootprintCore
import Testing

@Suite struct CorporateInventoryTests {
    var inventory: CorporateInventory {
        var purchases = InventorySummary()
        purchases.kgByScope3 = [
            .purchasedGoodsAndServices: CompensatedSum(1000), .fuelAndEnergyRelatedActivities: CompensatedSum(50),
            .businessTravel: CompensatedSum(200),
        ]
        purchases.kgByScope3Method = [.purchasedGoodsAndServices: [.supplierSpecific: CompensatedSum(600), .spendBased: CompensatedSum(400)]]
        purchases.period = ReportingPeriod(fiscalYear: 2024)
        var activity = ActivityTotals()
        (activity.scope1StationaryKg, activity.scope1MobileKg, activity.scope1FugitiveKg) = (10, 20, 5)
        (activity.scope2LocationKg, activity.scope2MarketKg) = (30, 600)
        (activity.category3FuelsKg, activity.category3EnergyKg, activity.category3LossesKg) = (4, 6, 2)
        activity.biogenicCO2Kg = 7
        let boundary = OrganisationalBoundary(
            company: "Test AS",
            excludedScope3: [.franchises: "the company has no franchises"]
        )
        return CorporateInventory(boundary: boundary, purchases: purchases, activity: activity)
    }

    @Test func scopesAndTotalsByHand() {
        let c = inventory
        #expect(c.scope1Kg == 35)
        #expect(c.scope3Kg == 1262)  // 1000 + (50 + 4 + 6 + 2) + 200
        #expect(c.scope3Rows[2].kg == 62)
        #expect(c.totalKg(marketBased: true) == 1897)
        #expect(c.totalKg(marketBased: false) == 1327)
        #expect(abs(c.scope3Share(marketBased: true) - 1262.0 / 1897) < 1e-15)
        #expect(c.scope3Sentence == "Scope 3 is 66.5% of the total with Scope 2 market-based (95.1% with Scope 2 location-based).")
        // Each category's method mix: the ledger's methods, and the activity data's part.
        #expect(c.scope3Rows[0].supplierDataShare == 0.6)
        #expect(c.scope3Rows[0].methodMix == "supplier-specific 60.0%, spend-based 40.0%")
        #expect(c.scope3Rows[2].methodMix == "activity data 19.4%")  // 12 of 62, the rest has no method split here
        // Scope 3 by category sums to Scope 3.
        #expect(c.scope3Rows.reduce(0) { $0 + $1.kg } == c.scope3Kg)
    }

    @Test func jsonKeysAndText() {
        let c = inventory
        guard case .object(let members) = c.json() else {
            Issue.record("expected an object")
            return
        }
        let json = Dictionary(members, uniquingKeysWith: { a, _ in a })
        #expect(json["scope1_kgco2e"] == .number(35))
        #expect(json["scope2_location_based_kgco2e"] == .number(30))
        #expect(json["scope2_market_based_kgco2e"] == .number(600))
        #expect(json["scope3_kgco2e"] == .number(1262))
        #expect(json["by_scope3_category"]?["3"] == .number(62))
        #expect(json["by_scope3_category"]?["15"] == .number(0))
        #expect(json["total_kgco2e"] != nil && json["period"] != nil && json["ledger"] != nil)
        let text = c.text()
        #expect(text.contains("Corporate inventory of Test AS, 2024 (2024-01-01 to 2024-12-31)"))
        #expect(text.contains("not reported: the company has no franchises"))
        #expect(text.contains("biogenic CO2"))
        #expect(c.markdown().contains("| Scope 2 | location-based | 0.0 |"))
    }

    @Test func withoutActivityScope1And2AreUnknownNotZero() {
        let c = CorporateInventory(boundary: OrganisationalBoundary(), purchases: InventorySummary(), activity: nil)
        #expect(c.json()["scope1_kgco2e"] == .null)
        #expect(c.scope3Sentence.contains("its share of the total is not known"))
    }
}
