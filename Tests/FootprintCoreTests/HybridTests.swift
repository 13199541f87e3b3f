import FootprintCore
import Testing

/// Rule 2: the amount converted into the disclosure's currency at the line year's rates,
/// times (scope1 + scope2 + scope3_upstream) x 1000 / revenue.
@Suite("Hybrid method")
struct HybridTests {
    // S2 discloses in SEK: (100 + 50 + 850) t x 1000 / 10,000,000 SEK = 0.1 kg per SEK.
    // S3 discloses in several years, given out of order: 2025, 2021, 2023.
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [spendFactor("consulting", 0.05, "NOK")],
            exchangeRates: [
                code("NOK"): [2020: 9, 2021: 9.5, 2022: 10, 2023: 10.2, 2024: 10.5, 2025: 11, 2026: 11.5],
                code("SEK"): [2020: 8.8, 2021: 9.2, 2022: 9.6, 2023: 10.1, 2024: 10, 2025: 10.7, 2026: 10.9],
                code("EUR"): [2024: 0.9],
            ],
            disclosures: [
                disclosure("S2", 2023, 100, 50, 850, revenue: 10_000_000, "SEK"),  // 0
                disclosure("S3", 2025, 10, 0, 20, revenue: 1_000_000, "SEK"),  // 1: 0.03 kg/SEK
                disclosure("S3", 2021, 5, 0, 5, revenue: 1_000_000, "SEK"),  // 2: 0.01 kg/SEK
                disclosure("S3", 2023, 10, 0, 10, revenue: 1_000_000, "SEK"),  // 3: 0.02 kg/SEK
                disclosure("S4", 2024, 1, 2, 3, revenue: 600_000, "DKK"),  // 4: no DKK rate at all
            ]
        )
    )

    @Test func convertsTheLinesCurrencyIntoTheDisclosuresCurrency() {
        // 2100 NOK / 10.5 x 10 = 2000 SEK; 2000 x 0.1 = 200 kg
        let r = engine.evaluate(supplier: "S2", category: "consulting", currency: "NOK", year: 2024, amount: 2100)
        #expect(r.method == .hybrid)
        #expect(r.sourceIndex == 0)
        #expect(r.fromRate == 10.5)
        #expect(r.toRate == 10)
        #expect(close(r.activity, 2000))
        #expect(close(r.kg, 200))
    }

    @Test func euroLine() {
        // 90 EUR / 0.9 x 10 = 1000 SEK; x 0.1 = 100 kg
        let r = engine.evaluate(supplier: "S2", currency: "EUR", year: 2024, amount: 90)
        #expect(r.method == .hybrid)
        #expect(close(r.kg, 100))
    }

    @Test func sameCurrencyUsesTheAmountUnconverted() {
        let r = engine.evaluate(supplier: "S2", currency: "SEK", year: 2025, amount: 1234.56)
        #expect(r.method == .hybrid)
        #expect(r.activity == 1234.56)
        #expect(r.fromRate == 10.7)
        #expect(r.toRate == 10.7)
        #expect(close(r.kg, 123.456))
    }

    struct YearCase: Sendable, CustomTestStringConvertible {
        var lineYear: Int32
        var disclosureIndex: Int32
        var kgPerSEK: Double
        var testDescription: String { "line year \(lineYear) uses disclosure \(disclosureIndex)" }
    }

    @Test(arguments: [
        YearCase(lineYear: 2020, disclosureIndex: 2, kgPerSEK: 0.01),  // all after: the earliest
        YearCase(lineYear: 2021, disclosureIndex: 2, kgPerSEK: 0.01),
        YearCase(lineYear: 2022, disclosureIndex: 2, kgPerSEK: 0.01),  // latest not after 2022
        YearCase(lineYear: 2023, disclosureIndex: 3, kgPerSEK: 0.02),
        YearCase(lineYear: 2024, disclosureIndex: 3, kgPerSEK: 0.02),
        YearCase(lineYear: 2025, disclosureIndex: 1, kgPerSEK: 0.03),
        YearCase(lineYear: 2026, disclosureIndex: 1, kgPerSEK: 0.03),
    ])
    func usesTheLatestDisclosureNotAfterTheLineYearElseTheEarliest(_ c: YearCase) {
        let r = engine.evaluate(supplier: "S3", currency: "SEK", year: c.lineYear, amount: 5000)
        #expect(r.method == .hybrid)
        #expect(r.sourceIndex == c.disclosureIndex)
        #expect(close(r.kg, 5000 * c.kgPerSEK))
    }

    @Test func intensity() {
        #expect(close(disclosure("X", 2024, 100, 50, 850, revenue: 10_000_000, "SEK").kgPerCurrencyUnit, 0.1))
        #expect(close(disclosure("X", 2024, 1, 2, 3, revenue: 600_000, "DKK").kgPerCurrencyUnit, 0.01))
    }

    @Test func skippedWhenTheLineCurrencyRateIsMissing() {
        // NOK 2019 is missing (the line's currency): hybrid is skipped; the spend-based rule then lacks the rate too.
        let r = engine.evaluate(supplier: "S2", category: "consulting", currency: "NOK", year: 2019, amount: 100)
        #expect(r.method == nil)
        #expect(r.unmapped == .noExchangeRate(currency: code("NOK"), year: 2019))
    }

    @Test func skippedWhenTheDisclosureCurrencyRateIsMissing() {
        // S4 discloses in DKK, which has no rate: the next rule (spend-based, 0.05 kg/NOK) applies.
        let r = engine.evaluate(supplier: "S4", category: "consulting", currency: "NOK", year: 2024, amount: 1000)
        #expect(r.method == .spendBased)
        #expect(close(r.kg, 50))
    }

    @Test func skippedWhenTheCommonCurrencyHasNoRateForTheYear() {
        // A SEK line and a SEK disclosure still need the SEK rate of the line's year; 2027 has none.
        // Hybrid is skipped, and the spend-based rule (NOK factor) reports the missing SEK rate.
        let r = engine.evaluate(supplier: "S2", category: "consulting", currency: "SEK", year: 2027, amount: 1000)
        #expect(r.method == nil)
        #expect(r.unmapped == .noExchangeRate(currency: code("SEK"), year: 2027))
    }

    @Test func aLineFromASupplierWithoutDisclosuresIsNotHybrid() {
        let r = engine.evaluate(supplier: "S9", category: "consulting", currency: "NOK", year: 2024, amount: 1000)
        #expect(r.method == .spendBased)
    }

    /// A disclosure without upstream Scope 3 is incomplete: its Scope 1 and 2 per revenue alone would
    /// understate the line 20 to 100 times, so the hybrid method does not use it.
    @Test func aDisclosureWithoutUpstreamScope3IsNotUsed() {
        // S5 discloses 2023 in full (1 + 1 + 98 t per 1,000,000 NOK = 0.1 kg/NOK) and 2024 without
        // upstream Scope 3 (1 + 1 t: 0.002 kg/NOK). S6 discloses only without upstream Scope 3.
        let reference = ReferenceData(
            factors: [spendFactor("consulting", 0.05, "NOK")],
            exchangeRates: [code("NOK"): [2023: 10.2, 2024: 10.5]],
            disclosures: [
                disclosure("S5", 2023, 1, 1, 98, revenue: 1_000_000, "NOK"),
                disclosure("S5", 2024, 1, 1, 0, revenue: 1_000_000, "NOK"),
                disclosure("S6", 2024, 3, 2, 0, revenue: 1_000_000, "NOK"),
            ]
        )
        let engine = InventoryEngine(reference: reference)
        #expect(engine.disclosuresWithoutUpstreamScope3.map(\.supplier) == ["S5", "S6"])
        // A 2024 line of S5: the complete 2023 disclosure, 1000 NOK x 0.1 = 100 kg (not 2 kg).
        let s5 = engine.evaluate(supplier: "S5", category: "consulting", currency: "NOK", year: 2024, amount: 1000)
        #expect(s5.method == .hybrid && s5.sourceIndex == 0 && close(s5.kg, 100))
        // S6 has no complete disclosure: the line goes to spend-based, 1000 NOK x 0.05 = 50 kg (not 5 kg).
        let s6 = engine.evaluate(supplier: "S6", category: "consulting", currency: "NOK", year: 2024, amount: 1000)
        #expect(s6.method == .spendBased && close(s6.kg, 50))
        // Runs stored before the rule evaluate as they were computed: the 2024 disclosure, 2 kg.
        let before = InventoryEngine(reference: reference, hybridNeedsUpstreamScope3: false)
        let old = before.evaluate(supplier: "S5", category: "consulting", currency: "NOK", year: 2024, amount: 1000)
        #expect(old.method == .hybrid && old.sourceIndex == 1 && close(old.kg, 2))
        #expect(before.disclosuresWithoutUpstreamScope3.isEmpty)
    }

    /// Measured activity first: a hosting provider's metered kWh are computed by the kWh factor, not
    /// by the provider's revenue intensity, for a category whose rule says so.
    @Test func measuredActivityBeforeTheRevenueIntensityWhenTheCategoryAsks() {
        var reference = ReferenceData(
            factors: [spendFactor("hosting", 0.05, "NOK"), activityFactor("hosting", 0.2, "kWh")],
            exchangeRates: [code("NOK"): [2024: 10.5]],
            disclosures: [disclosure("S7", 2024, 10, 10, 80, revenue: 1_000_000, "NOK")]  // 0.1 kg/NOK
        )
        let hierarchy = InventoryEngine(reference: reference)
        // 4000 NOK for 1000 kWh: hybrid 400 kg by default.
        let line = hierarchy.line(supplier: "S7", category: "hosting", unit: "kWh", currency: "NOK", year: 2024, amount: 4000, quantity: 1000)
        #expect(hierarchy.evaluate(line).method == .hybrid && close(hierarchy.evaluate(line).kg, 400))
        reference.activityFirstCategories = ["hosting"]
        let measured = InventoryEngine(reference: reference)
        let r = measured.evaluate(
            measured.line(supplier: "S7", category: "hosting", unit: "kWh", currency: "NOK", year: 2024, amount: 4000, quantity: 1000)
        )
        // 1000 kWh x 0.2 = 200 kg.
        #expect(r.method == .averageData && close(r.kg, 200))
        // Without a quantity the line still takes the supplier's intensity.
        let spendOnly = measured.evaluate(measured.line(supplier: "S7", category: "hosting", currency: "NOK", year: 2024, amount: 4000))
        #expect(spendOnly.method == .hybrid)
        // The rule in categories.csv, for the factor category its lines use.
        let rules = CategoryRules.builtIn.merging([
            CategoryRule(category: "colocation", factorCategory: "hosting", activityFirst: true, source: "categories.csv:2")
        ])
        #expect(rules.activityFirstFactorCategories == ["hosting"])
    }

    /// Hybrid in constant prices: a 2022 intensity per NOK applied to NOK of 2024 is deflated with the
    /// NOK economy's own index, so that inflation is not counted as emissions.
    @Test func deflatedToTheDisclosuresYearByItsCurrencysIndex() {
        var reference = ReferenceData(
            exchangeRates: [code("NOK"): [2022: 10, 2024: 10.5], code("SEK"): [2024: 10]],
            priceIndex: [2022: 100, 2024: 100],
            disclosures: [disclosure("S8", 2022, 10, 10, 80, revenue: 1_000_000, "NOK")]  // 0.1 kg/NOK of 2022
        )
        // Without a NOK index: 1000 NOK x 0.1 = 100 kg (the factors' general index is not the NOK economy's).
        let nominal = InventoryEngine(reference: reference)
        #expect(close(nominal.evaluate(supplier: "S8", currency: "NOK", year: 2024, amount: 1000).kg, 100))
        // NOK prices rose from 118 (2022) to 133.1 (2024): 1000 NOK of 2024 are 1000 x 118 / 133.1 = 886.55 NOK of 2022.
        reference.priceIndexByCurrency = [code("NOK"): [2022: 118, 2024: 133.1]]
        let engine = InventoryEngine(reference: reference)
        let r = engine.evaluate(supplier: "S8", currency: "NOK", year: 2024, amount: 1000)
        #expect(r.method == .hybrid && close(r.priceFactor, 118 / 133.1) && close(r.kg, 1000 * 118 / 133.1 * 0.1))
        #expect(close(r.activity, 1000 * 118 / 133.1))
        // A SEK line: converted to NOK first (1000 / 10 x 10.5 = 1050 NOK of 2024), then deflated.
        let sek = engine.evaluate(supplier: "S8", currency: "SEK", year: 2024, amount: 1000)
        #expect(close(sek.kg, 1050 * 118 / 133.1 * 0.1))
        // The disclosure's own year: no deflation.
        #expect(engine.evaluate(supplier: "S8", currency: "NOK", year: 2022, amount: 1000).priceFactor == 1)
        // A NOK series without the line's year: the line goes to the next rule, as with a missing rate.
        reference.priceIndexByCurrency = [code("NOK"): [2022: 118]]
        #expect(InventoryEngine(reference: reference).evaluate(supplier: "S8", currency: "NOK", year: 2024, amount: 1000).method != .hybrid)
    }
}
