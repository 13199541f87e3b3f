import FootprintCore
import Testing

/// Suppliers' answers feeding the sold-products figures (docs/downstream.md, "Suppliers' answers"), against
/// hand-computed figures: an energy answer's typical power and lifetime where product_use.csv has none,
/// the company's own figures winning; a take-back answer's shares for a returns.csv row that names the
/// programme's supplier.
@Suite("Downstream: suppliers' answers")
struct DownstreamSupplierAnswersTests {
    static let period = ReportingPeriod(fiscalYear: 2024)!
    static func at(_ line: Int, _ file: String) -> FootprintCore.SourceLocation { FootprintCore.SourceLocation(file: file, line: line) }
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }
    static let grid = [GridFactor(area: "NO", year: 2024, basis: .location, kgPerKWh: 0.02, source: "test", location: at(2, "grid_factors.csv"))]
    static func origin(_ supplier: String, request: Int64, year: Int = 2024, on: String = "2025-01-20") -> SupplierAnswerOrigin {
        SupplierAnswerOrigin(supplier: supplier, request: request, event: request * 10, year: year, on: on)
    }

    /// The type's default: 150 W, 8,760 h, 5 years. SW-A's row gives nothing; SW-B's row gives 4 years.
    static let profiles = [
        UseProfile(
            location: at(2, "product_use.csv"),
            product: nil,
            productType: "switch",
            powerW: 150,
            hoursPerYear: 8760,
            lifetimeYears: 5,
            source: "default"
        ),
        UseProfile(location: at(3, "product_use.csv"), product: "SW-A", productType: "switch", source: "resold"),
        UseProfile(location: at(4, "product_use.csv"), product: "SW-B", productType: "switch", lifetimeYears: 4, source: "own"),
    ]

    static func sales(_ product: String) -> [Sale] {
        [Sale(location: at(2, "sales.csv"), date: 20_240_601, product: product, quantity: 10, country: "NO")]
    }

    /// SW-A: the supplier's 120 W × the default's 8,760 h = 1,051.2 kWh a year × its 6 years × 10 units =
    /// 63,072 kWh × 0.02 = 1,261.44 kg; an older answer's 200 W is not used (the newest wins).
    @Test func anAnswerGivesPowerAndLifetime() throws {
        let answers = SupplierAnswers(products: [
            SupplierProductAnswer(origin: Self.origin("SUP-9", request: 1, year: 2023), product: "SW-A", typicalPowerW: 200, lifetimeYears: nil),
            SupplierProductAnswer(origin: Self.origin("SUP-9", request: 2), product: "SW-A", typicalPowerW: 120, lifetimeYears: 6),
        ])
        let data = DownstreamData(sales: Self.sales("SW-A"), useProfiles: Self.profiles, supplierAnswers: answers)
        let r = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: Self.grid)
        let line = try #require(r.lines.first { $0.part == .use })
        #expect(Self.close(line.activity, 63_072) && Self.close(line.kg, 1_261.44))
        #expect(
            line.steps[0]
                == "120 W typical power (SUP-9's answer to request #2, received 2025-01-20, for 2024) × 8760 h per year (product_use.csv:2) / 1000 = 1051.2 kWh per year"
        )
        #expect(line.steps[1].hasPrefix("× 6 years of use (SUP-9's answer to request #2, received 2025-01-20, for 2024) × 10 units"))
        #expect(line.inputSource == "energy answer: SUP-9's answer to request #2, received 2025-01-20, for 2024")
    }

    /// SW-B's own lifetime (4 years) wins over the answer's 6: 1,051.2 kWh × 4 × 10 = 42,048 kWh × 0.02 = 840.96 kg.
    /// Without answers (a data folder) it takes the default's 150 W: 1,314 × 4 × 10 × 0.02 = 1,051.2 kg.
    @Test func theCompanysOwnFigureWins() throws {
        let answers = SupplierAnswers(products: [
            SupplierProductAnswer(origin: Self.origin("SUP-9", request: 2), product: "SW-B", typicalPowerW: 120, lifetimeYears: 6)
        ])
        var data = DownstreamData(sales: Self.sales("SW-B"), useProfiles: Self.profiles, supplierAnswers: answers)
        var r = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: Self.grid)
        #expect(Self.close(try #require(r.usePhase).kg, 840.96))
        #expect(r.lines[0].steps[1].hasPrefix("× 4 years of use (product_use.csv:4)"))
        data.supplierAnswers = nil
        r = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: Self.grid)
        #expect(Self.close(try #require(r.usePhase).kg, 1_051.2))
        // A row's own power and hours win over the answer's power.
        var own = Self.profiles
        own[2].powerW = 100
        own[2].hoursPerYear = 5000
        data = DownstreamData(sales: Self.sales("SW-B"), useProfiles: own, supplierAnswers: answers)
        r = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: Self.grid)
        #expect(Self.close(try #require(r.usePhase).kg, 100 * 5000 / 1000 * 4 * 10 * 0.02))
    }

    /// A power with no hours anywhere: a stated, counted exclusion naming the answer.
    @Test func anAnswersPowerWithoutHoursIsExcluded() throws {
        let profiles = [UseProfile(location: Self.at(2, "product_use.csv"), product: "SW-C", productType: "router", lifetimeYears: 5, source: "own")]
        let answers = SupplierAnswers(products: [
            SupplierProductAnswer(origin: Self.origin("SUP-9", request: 3), product: "SW-C", typicalPowerW: 40, lifetimeYears: nil)
        ])
        let data = DownstreamData(sales: Self.sales("SW-C"), useProfiles: profiles, supplierAnswers: answers)
        let r = try DownstreamCalculator.calculate(data, period: Self.period, gridFactors: Self.grid)
        #expect(r.usePhase?.excludedUnits == 10 && r.usePhase?.lines == 0)
        let reason = try #require(r.exclusions.first { $0.category == .useOfSoldProducts }).reason
        #expect(reason.contains("SUP-9's answer to request #3") && reason.contains("hours_per_year"))
    }

    static func programmeReturn(_ programme: String, date: Int32 = 20_241_216) -> ProductReturn {
        ProductReturn(
            location: at(5, "returns.csv"),
            date: date,
            productType: "laptop",
            owner: .sold,
            units: 250,
            kg: 400,
            shares: TreatmentShares([:]),
            transportKm: 520,
            programme: programme,
            sharesFromAnswer: true
        )
    }

    static let takeBack = SupplierTakeBackAnswer(
        origin: origin("SUP-0001", request: 2, on: "2025-01-24"),
        reusedPercent: 28,
        recycledPercent: 71.928,
        residualPercent: 0.072
    )

    /// 400 kg by the vendor's 28% reused, 71.928% recycled (99.9% of the rest), 0.072% residual (landfill):
    /// 112 kg reused, 287.712 kg recycled × 6.41061 per tonne = 1.84440942432, 0.288 kg landfilled × 8.88386 =
    /// 0.00255855168; 0.4 t × 520 km × 0.09752 = 20.28416. Every kilogram has its outcome.
    @Test func aTakeBackAnswerGivesAReturnsShares() throws {
        let data = DownstreamData(returns: [Self.programmeReturn("sup-0001")], supplierAnswers: SupplierAnswers(takeBack: [Self.takeBack]))
        let r = try DownstreamCalculator.calculate(data, period: Self.period)
        let sold = try #require(r.takeBack).sold
        #expect(sold.returnedKg == 400 && sold.units == 250)
        #expect(Self.close(sold.kg(.reuse), 112) && Self.close(sold.kg(.recycling), 287.712) && Self.close(sold.kg(.landfill), 0.288))
        #expect(Self.close(sold.kg(.reuse) + sold.kg(.recycling) + sold.kg(.landfill), 400))
        #expect(Self.close(sold.treatmentKgCO2e, 1.84440942432 + 0.00255855168) && Self.close(sold.transportKgCO2e, 20.28416))
        #expect(Self.close(r.kgByCategory[.endOfLifeTreatmentOfSoldProducts]!, 22.1311279760))
        let landfill = try #require(r.lines.first { $0.treatment == .landfill })
        #expect(
            landfill.steps[0].contains(
                "the take-back shares of SUP-0001's answer to request #2, received 2025-01-24, for 2024; its residual, taken as landfill"
            )
        )
        #expect(r.lines.allSatisfy { $0.inputSource == "take-back answer: SUP-0001's answer to request #2, received 2025-01-24, for 2024" })
        #expect(r.exclusions.isEmpty && r.warnings.isEmpty)
    }

    /// Of the supplier's answers, the latest year not after the return's, received last.
    @Test func theAnswerOfTheReturnsYearIsUsed() throws {
        var later = Self.takeBack
        later.origin = Self.origin("SUP-0001", request: 4, year: 2025, on: "2026-01-10")
        later.reusedPercent = 50
        later.recycledPercent = 50
        later.residualPercent = nil
        var earlier = Self.takeBack
        earlier.origin = Self.origin("SUP-0001", request: 1, year: 2024, on: "2025-01-02")
        earlier.reusedPercent = 10
        earlier.recycledPercent = 90
        earlier.residualPercent = nil
        let data = DownstreamData(
            returns: [Self.programmeReturn("SUP-0001")],
            supplierAnswers: SupplierAnswers(takeBack: [later, Self.takeBack, earlier])
        )
        let r = try DownstreamCalculator.calculate(data, period: Self.period)
        #expect(Self.close(try #require(r.takeBack).sold.kg(.reuse), 112))
    }

    /// Shares that do not add up to 100: an error naming the row and the answer.
    @Test func sharesNotAddingUpAreAnError() throws {
        var wrong = Self.takeBack
        wrong.residualPercent = nil
        let data = DownstreamData(returns: [Self.programmeReturn("SUP-0001")], supplierAnswers: SupplierAnswers(takeBack: [wrong]))
        let error = #expect(throws: DownstreamCalculationError.self) { try DownstreamCalculator.calculate(data, period: Self.period) }
        #expect(
            error?.message.hasPrefix(
                "returns.csv:5: the take-back shares of SUP-0001's answer to request #2, received 2025-01-24, for 2024 add up to 99.928% "
                    + "(reused_percent 28 + recycled_percent 71.928); expected 100%"
            ) == true
        )
    }

    /// A workspace with no take-back answer of the named supplier for the year: an error naming the row;
    /// a data folder (no answers at all): the row left out, counted and stated.
    @Test func noAnswer() throws {
        var data = DownstreamData(returns: [Self.programmeReturn("SUP-0002")], supplierAnswers: SupplierAnswers(takeBack: [Self.takeBack]))
        let error = #expect(throws: DownstreamCalculationError.self) { try DownstreamCalculator.calculate(data, period: Self.period) }
        #expect(
            error?.message.hasPrefix(
                "returns.csv:5: the row gives no outcomes, and programme 'SUP-0002' names no supplier with a take-back answer for 2024"
            ) == true
        )
        data.returns = [Self.programmeReturn("SUP-0001", date: 20_231_216)]
        let older = #expect(throws: DownstreamCalculationError.self) {
            try DownstreamCalculator.calculate(data, period: ReportingPeriod(fiscalYear: 2023)!)
        }
        #expect(older?.message.contains("(it has answers for 2024 only)") == true)
        data.returns = [Self.programmeReturn("SUP-0001")]
        data.supplierAnswers = nil
        let r = try DownstreamCalculator.calculate(data, period: Self.period)
        let t = try #require(r.takeBack)
        #expect(t.excludedLines == 1 && t.excludedKg == 400 && t.lines == 0 && t.sold.returnedKg == 0)
        #expect(r.exclusions.count == 1 && r.exclusions[0].kg == 400 && r.exclusions[0].category == .endOfLifeTreatmentOfSoldProducts)
        #expect(r.warnings.count == 1 && r.text().contains("1 without their programme's shares (400.0 kg), excluded"))
    }
}
