import FootprintCore
import Testing

/// Footprints with a validity period (PACT): used only on the dates they cover; a line dated outside
/// every footprint of its product falls through to the next rule and is counted as such.
@Suite("Footprint validity")
struct FootprintValidityTests {
    /// 2024-01-01T00:00:00Z and friends, in epoch milliseconds.
    static let jan2024: Int64 = 1_704_067_200_000
    static let jan2025: Int64 = 1_735_689_600_000
    static let jan2026: Int64 = 1_767_225_600_000

    /// Old footprint 10 kg/piece valid in 2024; its successor 8 kg/piece valid in 2025; a CSV footprint for another product.
    let engine = InventoryEngine(
        reference: ReferenceData(
            factors: [spendFactor("hardware", 0.5, "NOK")],
            exchangeRates: [code("NOK"): Dictionary(uniqueKeysWithValues: (2023...2030).map { ($0, 10.0) })],
            footprints: [
                ProductFootprint(
                    supplier: "S",
                    product: "P",
                    kgPerUnit: 10,
                    unit: MeasureUnit(parsing: "piece"),
                    source: "pact:old",
                    validity: ValidityPeriod(start: jan2024, end: jan2025),
                    pactID: "old",
                    primaryDataShare: "13.1",
                    dataQuality: DataQualityRatings(technological: "2.3", geographical: "3.4", temporal: "3.1"),
                    biogenicUptakePerUnit: -2
                ),
                ProductFootprint(
                    supplier: "S",
                    product: "P",
                    kgPerUnit: 8,
                    unit: MeasureUnit(parsing: "piece"),
                    source: "pact:new",
                    validity: ValidityPeriod(start: jan2025, end: jan2026),
                    pactID: "new"
                ),
                footprint("S", "Q", 4, "piece"),
            ]
        )
    )

    @Test(arguments: [
        (Int32(20_240_101), 0, 30.0), (20_240_630, 0, 30), (20_241_231, 0, 30), (20_250_101, 1, 24), (20_251_231, 1, 24),
    ])
    func successiveFootprints(date: Int32, index: Int32, kg: Double) {
        let r = engine.evaluate(supplier: "S", category: "hardware", product: "P", unit: "pcs", date: date, amount: 1000, quantity: 3)
        #expect(r.method == .supplierSpecific)
        #expect(r.sourceIndex == index)
        #expect(r.kg == kg)
        #expect(r.note == .none)
    }

    @Test(arguments: [Int32(20_231_231), 20_260_101, 20_270_615])
    func outsideEveryPeriodFallsThrough(date: Int32) {
        // 1000 NOK x 0.5 = 500 kg spend-based
        let r = engine.evaluate(supplier: "S", category: "hardware", product: "P", unit: "pcs", date: date, amount: 1000, quantity: 3)
        #expect(r.method == .spendBased)
        #expect(r.kg == 500)
        #expect(r.note == .footprintNotValidOnDate)
    }

    @Test func footprintsInAnotherUnitDoNotCountAsFallThrough() {
        // No footprint of P is per kg: the line never looked eligible for rule 1.
        let r = engine.evaluate(supplier: "S", category: "hardware", product: "P", unit: "kg", date: 20_300_101, amount: 1000, quantity: 3)
        #expect(r.method == .spendBased)
        #expect(r.note == .none)
    }

    @Test func csvFootprintsHaveNoValidityPeriod() {
        for date: Int32 in [19_990_101, 20_240_101, 20_991_231] {
            let r = engine.evaluate(supplier: "S", category: "hardware", product: "Q", unit: "piece", date: date, amount: 1000, quantity: 3)
            #expect(r.method == .supplierSpecific)
            #expect(r.kg == 12)
            #expect(r.note == .none)
        }
    }

    @Test func fallThroughIsCountedWithItsSpend() {
        let lines = [
            TestPurchase(supplier: "S", category: "hardware", product: "P", unit: "piece", date: 20_240_315, digits: 10000, scale: 1, quantity: 3),
            TestPurchase(
                supplier: "S",
                category: "hardware",
                product: "P",
                unit: "piece",
                year: 2026,
                date: 20_260_315,
                digits: 12345,
                scale: 1,
                quantity: 3
            ),
            TestPurchase(supplier: "S", category: "hardware", product: "P", unit: "piece", year: 2026, date: 20_260_316, digits: 2000, quantity: 1),
        ]
        let s = inventory(lines, engine: engine)
        #expect(s.linesByMethod[.supplierSpecific] == 1)
        #expect(s.linesByMethod[.spendBased] == 2)
        let tally = s.fallThrough[.footprintNotValidOnDate(supplier: "S")]
        #expect(tally?.lines == 2)
        #expect(tally?.spend[code("NOK")]?.description == "3234.5")
        // (1234.5 + 2000) x 0.5
        #expect(close(tally?.kg.value ?? 0, 1617.25))
        // Biogenic figures never reach the totals: 30 + 1617.25.
        #expect(close(s.totalKg, 1647.25))
        let json = s.json().rendered()
        #expect(json.contains("\"fall_through\""))
        #expect(s.text(supplierNames: [:]).contains("footprint-not-valid-on-date"))
    }

    @Test func noFallThroughKeyWithoutFallThrough() {
        let s = inventory([TestPurchase(supplier: "S", category: "hardware", digits: 100)], engine: engine)
        #expect(s.fallThrough.isEmpty)
        #expect(!s.json().rendered().contains("fall_through"))
    }

    @Test func validityBoundsAreDatesAtMidnightUTC() {
        // 2024-12-31T12:00Z: the 31st at 00:00 is before the start, so the first covered date is 2025-01-01.
        let noon = ValidityPeriod(start: 1_735_646_400_000, end: Self.jan2026)
        #expect(noon.firstDate == 20_250_101)
        #expect(!noon.contains(date: 20_241_231))
        #expect(noon.contains(date: 20_251_231))
        #expect(!noon.contains(date: 20_260_101))
        let open = ValidityPeriod(start: nil, end: Self.jan2024)
        #expect(open.contains(date: 18_000_101))
        #expect(!open.contains(date: 20_240_101))
        #expect(CivilDate.yyyymmdd(days: 0) == 19_700_101)
        #expect(CivilDate.days(yyyymmdd: 20_240_229) == 19782)
        #expect(CivilDate.yyyymmdd(days: -1) == 19_691_231)
    }
}
