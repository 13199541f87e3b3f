import FootprintCore
import FootprintImport
import Testing

/// The reporting period and the category rules on the stateless path, hand-computed on the fixture
/// (office: 0.3 kg/NOK, no price year; electricity: 0.5 kg/kWh): which lines are in the inventory,
/// which are outside the period or excluded, and the Scope 3 category of each computed line.
@Suite struct LedgerBoundaryTests {
    static let nok = CurrencyCode("NOK")!
    static let sek = CurrencyCode("SEK")!

    static func tally(_ lines: Int, _ spend: [CurrencyCode: DecimalSum]) -> InventorySummary.UnmappedTally {
        var t = InventorySummary.UnmappedTally()
        t.lines = lines
        t.spend = spend
        return t
    }

    static func period(_ text: String, startMonth: Int = 1) -> ReportingPeriod { ReportingPeriod(parsing: text, startMonth: startMonth)! }

    /// Lines of 100 NOK (30 kg each when in the period), one per date.
    static func ledger(dates: [String]) -> String {
        Fixture.header + dates.enumerated().map { "\($0.offset + 1),\($0.element),S3,office,100,NOK,,,," }.joined(separator: "\n") + "\n"
    }

    @Test(
        "both ends of the period",
        arguments: [
            // Calendar 2024: the day before and after are out, the first and last day in.
            (period("2024"), ["2023-12-31", "2024-01-01", "2024-12-31", "2025-01-01"], [false, true, true, false]),
            // FY2024 starting in July: 2023-07-01 to 2024-06-30.
            (period("FY2024", startMonth: 7), ["2023-06-30", "2023-07-01", "2024-06-30", "2024-07-01"], [false, true, true, false]),
            // FY2024 starting in March ends on the leap day 2024-02-29.
            (period("2024", startMonth: 3), ["2023-02-28", "2023-03-01", "2024-02-29", "2024-03-01"], [false, true, true, false]),
            // The leap day inside a calendar year.
            (period("2024"), ["2024-02-28", "2024-02-29", "2024-03-01"], [true, true, true]),
        ]
    )
    func periodEnds(period: ReportingPeriod, dates: [String], inside: [Bool]) throws {
        let rates = ["rates.csv": Fixture.rates + "NOK,2023,10\n"]
        let s = try scanFolder(Self.ledger(dates: dates), files: rates, period: period)
        let n = inside.filter { $0 }.count
        #expect(s.period == period)
        #expect(s.lines == n)
        #expect(close(s.totalKg, 30.0 * Double(n)))
        #expect(
            s.outsidePeriod
                == Self.tally(dates.count - n, dates.count == n ? [:] : [Self.nok: DecimalSum(digits: Int64(100 * (dates.count - n)), scale: 0)])
        )
        #expect(s.ledger.lines == dates.count)
        #expect(s.ledger.spend == [Self.nok: DecimalSum(digits: Int64(100 * dates.count), scale: 0)])
        // The per-line output keeps every line, with its status.
        let rows = try linesOut(Self.ledger(dates: dates), files: rates, period: period)
        for (row, isInside) in zip(rows, inside) {
            #expect(row[12] == (isInside ? "spend-based" : "outside-period"))
            #expect(row[11] == (isInside ? "1" : ""), "the line's Scope 3 category, empty when it is left out")
            #expect(row[13] == (isInside ? "30.0" : "0"))
            #expect(row[22] == (isInside ? "" : "dated outside the reporting period \(period.name) (\(period.startText) to \(period.endText))"))
        }
    }

    @Test func withoutAPeriodEveryLineCounts() throws {
        let s = try scanFolder(Self.ledger(dates: ["1999-01-01", "2024-06-01", "2031-12-31"]))
        #expect(s.period == nil)
        #expect(s.lines == 3)
        #expect(s.outsidePeriod == InventorySummary.UnmappedTally())
    }

    // Exclusions: payroll (built in), 'office' excluded by categories.csv, and 'intra-group' taken back by categories.csv.
    static let exclusionLedger =
        Fixture.header + """
            1,2024-01-10,S9,payroll,50000,NOK,,,,
            2,2024-01-11,S9,payroll,-1000.25,NOK,,,,
            3,2024-01-12,S3,office,200,NOK,,,,
            4,2024-01-13,S3,office,10,SEK,,,,
            5,2024-01-14,S4,intra-group,300,NOK,,,,
            6,2024-01-15,S3,electricity,70,NOK,,2,kWh,
            7,2023-12-31,S9,payroll,999,NOK,,,,

            """
    static let categories = """
        category,scope3_category,excluded
        office,,"office supplies of the parent, bought for it: in its inventory"
        intra-group,,

        """

    @Test func builtInAndOwnExclusionsInTheirOrder() throws {
        let s = try scanFolder(Self.exclusionLedger, files: ["categories.csv": Self.categories], period: Self.period("2024"))
        let payroll = try #require(CategoryRules.builtIn.exclusion(for: "payroll"))
        let office = "office supplies of the parent, bought for it: in its inventory"
        #expect(
            s.excluded == [
                payroll: Self.tally(2, [Self.nok: DecimalSum(units: 4_899_975, scale: 2)]),
                office: Self.tally(2, [Self.nok: DecimalSum(digits: 200, scale: 0), Self.sek: DecimalSum(digits: 10, scale: 0)]),
            ]
        )
        // The payroll line dated 2023 is outside the period first: never counted as excluded.
        #expect(s.outsidePeriod == Self.tally(1, [Self.nok: DecimalSum(digits: 999, scale: 0)]))
        // intra-group is back in the inventory (unmapped: no factor); electricity computed: 2 kWh x 0.5.
        #expect(s.lines == 2)
        #expect(s.unmapped[.noFactor(category: "intra-group")]?.lines == 1)
        #expect(close(s.totalKg, 1))
        #expect(s.excludedTotal.lines == 4)
        #expect(s.ledger.lines == 7)
        #expect(
            s.ledger.spend == [
                Self.nok: DecimalSum(units: 50_000_00 - 1000_25 + 200_00 + 300_00 + 70_00 + 999_00, scale: 2),
                Self.sek: DecimalSum(digits: 10, scale: 0),
            ]
        )
        let rows = try linesOut(Self.exclusionLedger, files: ["categories.csv": Self.categories], period: Self.period("2024"))
        #expect(rows.map { $0[12] } == ["excluded", "excluded", "excluded", "excluded", "unmapped", "average-data", "outside-period"])
        #expect(rows[0][22] == payroll)
        #expect(rows[2][22] == office)
    }

    @Test func noTakeBackWithoutCategoriesCSV() throws {
        let s = try scanFolder(Self.exclusionLedger)
        #expect(s.excluded.count == 2)
        #expect(s.excluded[CategoryRules.builtIn.exclusion(for: "intra-group")!]?.lines == 1)
        #expect(s.excluded[CategoryRules.builtIn.exclusion(for: "payroll")!]?.lines == 3)
    }

    // Scope 3 precedence: the line's flag, the category's rule, factors.csv's default, Category 1.
    @Test func scope3Precedence() throws {
        let factors = """
            category,name,kgco2e_per_unit,unit,price_year,source,scope3_category
            office,Office supplies,0.3,NOK,,test,
            hotels,Hotels,0.1,NOK,,test,6
            freight,Freight,0.2,NOK,,test,4
            computers,Computers,0.5,NOK,,test,2

            """
        let categories = "category,scope3_category,excluded\nfreight,1,\n"
        let ledger = """
            id,date,supplier,category,amount,currency,scope3_category
            1,2024-02-01,S3,office,100,NOK,
            2,2024-02-01,S3,hotels,100,NOK,
            3,2024-02-01,S3,freight,100,NOK,
            4,2024-02-01,S3,computers,100,NOK,15
            5,2024-02-01,S3,hotels,100,NOK,3.7

            """
        let s = try scanFolder(ledger, files: ["factors.csv": factors, "categories.csv": categories], period: Self.period("2024"))
        // office: Category 1 (no rule, no default) 30; hotels: default 6 = 10, flagged 7 = 10;
        // freight: the rule (1) over the default (4) = 20; computers: flagged 15 over the default (2) = 50.
        #expect(close(s.kgByScope3[.purchasedGoodsAndServices]?.value ?? .nan, 50))
        #expect(close(s.kgByScope3[.businessTravel]?.value ?? .nan, 10))
        #expect(close(s.kgByScope3[.employeeCommuting]?.value ?? .nan, 10))
        #expect(close(s.kgByScope3[.investments]?.value ?? .nan, 50))
        #expect(s.kgByScope3[.capitalGoods] == nil && s.kgByScope3[.upstreamTransportationAndDistribution] == nil)
        var sum = CompensatedSum()
        for v in s.kgByScope3.values { sum.add(v) }
        #expect(close(sum.value, s.totalKg))
    }

    @Test func aPeriodWithoutLinesIsAnError() throws {
        let errors = try scanErrors(Self.ledger(dates: ["2023-11-01", "2024-12-31"]), period: Self.period("2022"))
        #expect(
            errors == [
                "purchases.csv:0: no purchase line is dated in the reporting period 2022 (2022-01-01 to 2022-12-31): its 2 lines are dated 2023-11-01 to 2024-12-31; choose a period that has lines (2023 to 2024)"
            ]
        )
        let fiscal = try scanErrors(Self.ledger(dates: ["2023-11-01"]), period: Self.period("2022", startMonth: 7))
        #expect(fiscal.first?.hasSuffix("choose a period that has lines (FY2024)") == true)
        let empty = try scanErrors(Fixture.header, period: Self.period("2024"))
        #expect(empty.first?.hasSuffix("the file has no purchase lines") == true)
        // Lines in the period that are all excluded are no error: the reconciliation shows them.
        let excluded = try scanFolder(Fixture.header + "1,2024-01-01,S9,payroll,5,NOK,,,,\n", period: Self.period("2024"))
        #expect(excluded.excludedTotal.lines == 1 && excluded.lines == 0)
    }

    @Test func badInputOutsideThePeriodStillStopsTheRun() throws {
        let ledger =
            Self.ledger(dates: ["2024-05-01"])
            + "2,2019-02-30,S3,office,1,NOK,,,,\n3,2019-01-01,S3,office,1,NOK,,,,\n1,2019-01-02,S3,office,1,NOK,,,,\n"
        let errors = try scanErrors(ledger, period: Self.period("2024"))
        #expect(errors.contains { $0.hasPrefix("purchases.csv:3: column 'date': '2019-02-30' is not a valid date") })
        #expect(errors.contains { $0.hasPrefix("purchases.csv:5: column 'id': duplicate purchase id '1'") })
    }

    @Test func badFactorsScope3AndCategoriesAreReported() throws {
        let factors = "category,name,kgco2e_per_unit,unit,scope3_category\noffice,a,0.3,NOK,1\noffice,b,0.5,kg,6\nhotels,h,1,NOK,16\n"
        let errors = try scanErrors(
            Self.ledger(dates: ["2024-01-01"]),
            files: ["factors.csv": factors, "categories.csv": "category,excluded\npayroll,\npayroll,x\n"]
        )
        #expect(
            errors.contains(
                "factors.csv:3: column 'scope3_category': category 'office' has Scope 3 category 1 on line 2; one category has one default"
            )
        )
        #expect(errors.contains("factors.csv:4: column 'scope3_category': '16' is not a Scope 3 category; expected 1 to 15, or empty for none"))
        #expect(errors.contains("categories.csv:3: column 'category': category 'payroll' already has a rule on line 2; one rule per category"))
    }

    @Test(arguments: [1, 3])
    func threadsAndBlocksDoNotChangeTheSummary(threads: Int) throws {
        let one = try scanFolder(Self.exclusionLedger, files: ["categories.csv": Self.categories], period: Self.period("2024"))
        let many = try scanFolder(
            Self.exclusionLedger,
            files: ["categories.csv": Self.categories],
            period: Self.period("2024"),
            threads: threads,
            blockBytesPerThread: 64
        )
        #expect(one == many)
    }
}
