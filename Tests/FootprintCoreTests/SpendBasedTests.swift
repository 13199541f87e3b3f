import FootprintCore
import Testing

/// Rule 4: amount converted into the factor's currency at the line year's rates, adjusted to
/// the factor's price year by index(price year) / index(line year), times the factor.
@Suite("Spend-based method")
struct SpendBasedTests {
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [
                spendFactor("it-services", 0.2, "EUR", priceYear: 2022),  // 0
                spendFactor("office", 0.3, "USD"),  // 1: no price year
                spendFactor("travel", 0.05, "NOK", priceYear: 2024),  // 2
            ],
            exchangeRates: [code("NOK"): [2023: 10, 2024: 10.5], code("EUR"): [2023: 0.92, 2024: 0.9], code("USD"): [2023: 1, 2024: 1]],
            priceIndex: [2022: 100, 2023: 105, 2024: 110]
        )
    )

    @Test func convertsTheCurrencyAndAdjustsToThePriceYear() {
        // 10,500 NOK / 10.5 x 0.9 = 900 EUR (2024); x 100 / 110 = 818.18.. EUR at 2022 prices; x 0.2 = 1800/11 kg
        let r = engine.evaluate(category: "it-services", currency: "NOK", year: 2024, amount: 10_500)
        #expect(r.method == .spendBased)
        #expect(r.sourceIndex == 0)
        #expect(r.fromRate == 10.5)
        #expect(r.toRate == 0.9)
        #expect(close(r.priceFactor, 100.0 / 110.0))
        #expect(close(r.activity, 9000.0 / 11.0))
        #expect(close(r.kg, 1800.0 / 11.0))
    }

    @Test func usesTheRatesAndIndexOfTheLinesYear() {
        // 2023: 1000 NOK / 10 x 0.92 = 92 EUR; x 100 / 105; x 0.2
        let r = engine.evaluate(category: "it-services", currency: "NOK", year: 2023, amount: 1000)
        #expect(close(r.kg, 92.0 * 100.0 / 105.0 * 0.2))
        #expect(close(r.priceFactor, 100.0 / 105.0))
    }

    @Test func emptyPriceYearMeansNoAdjustment() {
        let r = engine.evaluate(category: "office", currency: "USD", year: 2024, amount: 1000)
        #expect(r.method == .spendBased)
        #expect(r.priceFactor == 1)
        #expect(close(r.kg, 300))
        // 2100 NOK / 10.5 x 1 = 200 USD; x 0.3 = 60 kg
        let nok = engine.evaluate(category: "office", currency: "NOK", year: 2024, amount: 2100)
        #expect(close(nok.kg, 60))
    }

    @Test func noPriceIndexIsNeededWithoutAPriceYear() {
        let bare = InventoryEngine(
            reference: ReferenceData(
                factors: [spendFactor("office", 0.3, "USD")],
                exchangeRates: [code("USD"): [2024: 1]]
            )
        )
        let r = bare.evaluate(category: "office", currency: "USD", year: 2024, amount: 1000)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, 300))
    }

    @Test func sameCurrencyUsesTheAmountUnconvertedButNeedsItsRate() {
        // NOK factor at 2024 prices, NOK line in 2024: no conversion, no adjustment.
        let r = engine.evaluate(category: "travel", currency: "NOK", year: 2024, amount: 1234.56)
        #expect(r.method == .spendBased)
        #expect(r.activity == 1234.56)
        #expect(r.priceFactor == 1)
        #expect(close(r.kg, 61.728))
        // Same currency but no NOK rate in 2022: unmapped, not computed unconverted.
        let old = engine.evaluate(category: "travel", currency: "NOK", year: 2022, amount: 100)
        #expect(old.method == nil)
        #expect(old.unmapped == .noExchangeRate(currency: code("NOK"), year: 2022))
    }

    @Test func adjustsTheSameYearAndCurrencyWhenThePriceYearDiffers() {
        // NOK line in 2023 against a NOK factor at 2024 prices: 1000 x 110 / 105 x 0.05
        let r = engine.evaluate(category: "travel", currency: "NOK", year: 2023, amount: 1000)
        #expect(close(r.activity, 1000 * 110.0 / 105.0))
        #expect(close(r.kg, 1000 * 110.0 / 105.0 * 0.05))
    }
}
