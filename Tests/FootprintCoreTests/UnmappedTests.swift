import FootprintCore
import Testing

/// A line no rule computes carries no emissions and says why.
@Suite("Unmapped lines")
struct UnmappedTests {
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [
                spendFactor("it-services", 0.2, "EUR", priceYear: 2022),
                spendFactor("office", 0.3, "NOK", priceYear: 2022),
                activityFactor("fuel", 2, "l"),
            ],
            exchangeRates: [code("NOK"): [2023: 10, 2024: 10.5], code("EUR"): [2024: 0.9], code("SEK"): [2024: 10]],
            priceIndex: [2022: 100, 2024: 110],
            disclosures: [disclosure("S5", 2024, 0.5, 0, 0.5, revenue: 1000, "USD")]
        )
    )

    @Test func noFactorForTheCategory() {
        let r = engine.evaluate(supplier: "S1", category: "catering", amount: 100)
        #expect(r.method == nil)
        #expect(r.kg == 0)
        #expect(r.unmapped == .noFactor)
    }

    @Test func onlyAnAverageDataFactorAndNoQuantity() {
        #expect(engine.evaluate(supplier: "S1", category: "fuel", amount: 100).unmapped == .noFactor)
    }

    @Test func noExchangeRateForTheLinesCurrency() {
        // DKK is unknown to the engine (no key): the reason names the line's own currency.
        let dkk = engine.evaluate(category: "it-services", currency: "DKK", year: 2024, amount: 100)
        #expect(dkk.method == nil)
        #expect(dkk.unmapped == .noExchangeRate(currency: code("DKK"), year: 2024))
        // SEK is known, but not in 2023.
        let sek = engine.evaluate(category: "it-services", currency: "SEK", year: 2023, amount: 100)
        #expect(sek.unmapped == .noExchangeRate(currency: code("SEK"), year: 2023))
    }

    @Test func noExchangeRateForTheFactorsCurrency() {
        // NOK 2023 exists, EUR 2023 does not.
        let r = engine.evaluate(category: "it-services", currency: "NOK", year: 2023, amount: 100)
        #expect(r.method == nil)
        #expect(r.unmapped == .noExchangeRate(currency: code("EUR"), year: 2023))
    }

    @Test func noPriceIndexForTheLineYear() {
        // Rates exist for 2023, the index does not.
        let r = engine.evaluate(category: "office", currency: "NOK", year: 2023, amount: 100)
        #expect(r.method == nil)
        #expect(r.unmapped == .noPriceIndex(year: 2023))
    }

    @Test func noPriceIndexForThePriceYear() {
        let e = InventoryEngine(
            reference: ReferenceData(
                factors: [spendFactor("office", 0.3, "NOK", priceYear: 2021)],
                exchangeRates: [code("NOK"): [2024: 10.5]],
                priceIndex: [2024: 110]
            )
        )
        let r = e.evaluate(category: "office", currency: "NOK", year: 2024, amount: 100)
        #expect(r.method == nil)
        #expect(r.unmapped == .noPriceIndex(year: 2021))
    }

    @Test func hybridSkippedForAMissingRateFallsToTheNextRule() {
        // S5 discloses in USD, which has no rate: the spend-based NOK factor computes the line.
        let r = engine.evaluate(supplier: "S5", category: "office", currency: "NOK", year: 2024, amount: 1100)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, 1100 * 100.0 / 110.0 * 0.3))
        // ... or, without a factor, leaves it unmapped for want of a factor.
        let none = engine.evaluate(supplier: "S5", category: "catering", currency: "NOK", year: 2024, amount: 1100)
        #expect(none.unmapped == .noFactor)
    }

    @Test func reasonsInTheSummary() {
        let summary = inventory(
            [
                TestPurchase(supplier: "S1", category: "catering", digits: 10_050, scale: 2),
                TestPurchase(supplier: "S1", category: "catering", digits: 20_000, scale: 2),
                TestPurchase(supplier: "S1", category: "it-services", currency: "DKK", digits: 75),
                TestPurchase(supplier: "S1", category: "it-services", currency: "NOK", year: 2023, digits: 80),
                TestPurchase(supplier: "S1", category: "office", currency: "NOK", year: 2023, digits: 90),
                TestPurchase(supplier: "S1", category: "office", currency: "NOK", year: 2024, digits: 1100),
            ],
            engine: engine
        )
        #expect(summary.lines == 6)
        #expect(summary.unmappedLines == 5)
        #expect(summary.linesByMethod == [.spendBased: 1])
        #expect(summary.unmapped[.noFactor(category: "catering")]?.lines == 2)
        #expect(summary.unmapped[.noFactor(category: "catering")]?.spend[code("NOK")]?.description == "300.5")
        #expect(summary.unmapped[.noExchangeRate(currency: code("DKK"), year: 2024)]?.lines == 1)
        #expect(summary.unmapped[.noExchangeRate(currency: code("DKK"), year: 2024)]?.spend[code("DKK")]?.description == "75")
        #expect(summary.unmapped[.noExchangeRate(currency: code("EUR"), year: 2023)]?.spend[code("NOK")]?.description == "80")
        #expect(summary.unmapped[.noPriceIndex(year: 2023)]?.lines == 1)
        #expect(summary.unmappedSpend[code("NOK")]?.description == "470.5")
        #expect(summary.spendByMethod[nil]?[code("NOK")]?.description == "470.5")
        #expect(summary.spendByMethod[.spendBased]?[code("NOK")]?.description == "1100")
        #expect(close(summary.totalKg, 300))
    }

    @Test func reasonTexts() {
        #expect(UnmappedReason.noFactor(category: "catering").code == "no-factor")
        #expect(UnmappedReason.noExchangeRate(currency: code("DKK"), year: 2024).subject == "DKK 2024")
        #expect(UnmappedReason.noPriceIndex(year: 2021).code == "no-price-index")
        #expect(UnmappedReason.noExchangeRate(currency: code("DKK"), year: 2024).explanation.contains("'DKK,2024,<units per USD>'"))
    }
}
