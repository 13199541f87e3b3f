import FootprintCore
import Testing

@Suite struct ReportingPeriodTests {
    @Test func calendarYear() throws {
        let p = try #require(ReportingPeriod(fiscalYear: 2024))
        #expect((p.start, p.end) == (20_240_101, 20_241_231))
        #expect(p.description == "2024")
        #expect(p.contains(20_240_101) && p.contains(20_241_231))
        #expect(!p.contains(20_231_231) && !p.contains(20_250_101))
    }

    @Test func fiscalYearNamedByTheYearItEnds() throws {
        let p = try #require(ReportingPeriod(fiscalYear: 2024, startMonth: 7))
        #expect((p.start, p.end) == (20_230_701, 20_240_630))
        #expect(p.description == "FY2024 (2023-07-01 to 2024-06-30)")
        let march = try #require(ReportingPeriod(fiscalYear: 2024, startMonth: 3))
        #expect(march.end == 20_240_229)  // a leap year's February
        #expect(try #require(ReportingPeriod(fiscalYear: 2023, startMonth: 3)).end == 20_230_228)
    }

    @Test func parsingAndContaining() throws {
        #expect(ReportingPeriod(parsing: "FY2024", startMonth: 4)?.start == 20_230_401)
        #expect(ReportingPeriod(parsing: "2024")?.end == 20_241_231)
        #expect(ReportingPeriod(parsing: "24") == nil)
        #expect(ReportingPeriod(parsing: "2024-01") == nil)
        #expect(ReportingPeriod(fiscalYear: 2024, startMonth: 13) == nil)
        #expect(ReportingPeriod.containing(20_230_815, startMonth: 7)?.year == 2024)
        #expect(ReportingPeriod.containing(20_230_615, startMonth: 7)?.year == 2023)
        #expect(ReportingPeriod.containing(20_231_231)?.year == 2023)
    }
}
