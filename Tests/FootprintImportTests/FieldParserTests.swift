import FootprintCore
import FootprintImport
import Testing

@Suite("FieldParser")
struct FieldParserTests {
    static let numbers: [(String, Int64, Int, Double)] = [
        ("1234.50", 123_450, 2, 1234.5),
        ("-99.5", -995, 1, -99.5),
        (".5", 5, 1, 0.5),
        ("1e3", 1000, 0, 1000),
        ("1.5E-4", 15, 5, 0.00015),
        ("12", 12, 0, 12),
        ("+7", 7, 0, 7),
        ("0", 0, 0, 0),
        ("-0.001", -1, 3, -0.001),
        ("007.10", 710, 2, 7.1),
        ("2.5e+2", 250, 0, 250),
        ("1.", 1, 0, 1),
        ("0.000000000000000001", 1, 18, 1e-18),
        ("123456789012345678", 123_456_789_012_345_678, 0, 123_456_789_012_345_678),
    ]

    @Test(arguments: numbers)
    func decimal(_ text: String, _ digits: Int64, _ scale: Int, _ value: Double) throws {
        let parsed = try #require(FieldParser.decimal(text))
        #expect(parsed.digits == digits)
        #expect(parsed.scale == scale)
        #expect(parsed.value == value)
    }

    @Test(arguments: [
        "12,50", "1 234", "$12", "", "1.2.3", "abc", "-", "+", ".", "1e", "e3", "12a", " 12", "12 ", "1_000", "NaN", "inf",
        "--1", "1e-30", "1234567890123456789", "0x10",
    ])
    func rejects(_ text: String) {
        #expect(FieldParser.decimal(text) == nil)
    }

    func date(_ text: String) -> Int32? {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return FieldParser.date(base, 0, buffer.count)
        }
    }

    @Test(arguments: [
        ("2024-03-31", Int32(2024)), ("2024-01-01", 2024), ("2024-12-31", 2024), ("2024-02-29", 2024), ("2000-02-29", 2000),
        ("2023-02-28", 2023), ("2023-04-30", 2023), ("0001-01-01", 1), ("9999-12-31", 9999),
    ])
    func validDates(_ text: String, _ year: Int32) {
        #expect(date(text).map { $0 / 10000 } == year)
        #expect(date(text) == Int32(text.filter { $0 != "-" }))
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-01-00", "2024-01-32", "2024-04-31", "2024-1-01",
        "24-01-01", "2024/01/01", "2024-01-01T00:00", "20240101", "", "2024-01-0a", "0000-01-01", "2024-01-01 ",
    ])
    func invalidDates(_ text: String) {
        #expect(date(text) == nil)
    }

    @Test func daysInMonth() {
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilDate.daysIn(month: 2, year: 2100) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2400) == 29)
        #expect(CivilDate.daysIn(month: 9, year: 2023) == 30)
        #expect(CivilDate.daysIn(month: 12, year: 2023) == 31)
    }

    @Test(arguments: [("2024", 2024), ("0001", 1)])
    func year(_ text: String, _ year: Int) {
        #expect(FieldParser.year(text) == year)
    }

    @Test(arguments: ["24", "20245", "abcd", "0000", "", "-202", "+202", "2e03"])
    func notAYear(_ text: String) {
        #expect(FieldParser.year(text) == nil)
    }
}
