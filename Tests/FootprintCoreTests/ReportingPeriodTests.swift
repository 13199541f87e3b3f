import FootprintCore
import Testing

@Suite struct ReportingPeriodTests {
    @Test func calendarYear() throws {
        let p = try #require(ReportingPeriod(fiscalYear: 2024))
        #expect((p.start, p.end) == (20240101, 20241231))
        #expect(p.description == "2024")
        #expect(p.contains(20240101) && p.contains(20241231))
        #expect(!p.contains(20231231) && !p.contains(20250101))
    }

    @Test func fiscalYearNamedByTheYearItEnds() throws {
        let p = try #require(ReportingPeriod(fiscalYear: 2024, startMonth: 7))
        #expect((p.start, p.end) == (20230701, 20240630))
        #expect(p.description == "FY2024 (2023-07-01 to 2024-06-30)")
        let march = try #require(ReportingPeriod(fiscalYear: 2024, startMonth: 3))
        #expect(march.end == 20240229)  // a leap year's February
        #expect(try #require(ReportingPeriod(fiscalYear: 2023, startMonth: 3)).end == 20230228)
    }

    @Test func parsingAndContaining() throws {
        #expect(ReportingPeriod(parsing: "FY2024", startMonth: 4)?.start == 20230401)
        #expect(ReportingPeriod(parsing: "2024")?.end == 20241231)
        #expect(ReportingPeriod(parsing: "24") == nil)
        #expect(ReportingPeriod(parsing: "2024-01") == nil)
        #expect(ReportingPeriod(fiscalYear: 2024, startMonth: 13) == nil)
        #expect(ReportingPeriod.containing(20230815, startMonth: 7)?.year == 2024)
        #expect(ReportingPeriod.containing(20230615, startMonth: 7)?.year == 2023)
        #expect(ReportingPeriod.containing(20231231)?.year == 2023)
    }
}
