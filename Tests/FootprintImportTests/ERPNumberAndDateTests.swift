import FootprintCore
import Testing

@testable import FootprintImport

@Suite("ERP numbers and dates")
struct ERPNumberAndDateTests {
    static let comma = ERPMapping.NumberFormat(decimalSeparator: ",", thousandsSeparators: [" ", "\u{00A0}", "\u{202F}", "."])!
    static let point = ERPMapping.NumberFormat(decimalSeparator: ".", thousandsSeparators: [",", "'"])!

    @Test(arguments: [
        ("1234,50", "1234.50"), ("1 234,50", "1234.50"), ("1\u{00A0}234,50", "1234.50"), ("1\u{202F}234,50", "1234.50"),
        ("1.234,50", "1234.50"), ("-1.234,50", "-1234.50"), ("1234,50-", "-1234.50"), ("(1 234,50)", "-1234.50"),
        ("12 345 678,9", "12345678.9"), ("0,05", "0.05"), (",5", "0.5"), ("  42  ", "42"), ("+7", "7"), ("1.234", "1234"),
    ])
    func decimalComma(_ text: String, _ expected: String) {
        #expect(Self.comma.parse(text)?.text == expected)
    }

    @Test(arguments: [("1,234.50", "1234.50"), ("1'234'567.5", "1234567.5"), ("-0.10", "-0.10"), ("99", "99")])
    func decimalPoint(_ text: String, _ expected: String) {
        #expect(Self.point.parse(text)?.text == expected)
    }

    @Test(arguments: [
        "", "-", "1,2,3", "1.23,4", "12 34,5", "1 234.567,00", "1234,", "abc", "1e3", "kr 100", "--5", "(-5)", "1234567890123456789", "1 234 56",
    ])
    func rejectsInCommaFormat(_ text: String) {
        #expect(Self.comma.parse(text) == nil)
    }

    @Test func pointFormatRejectsDecimalComma() {
        #expect(Self.point.parse("1234,5") == nil)
        #expect(Self.point.parse("1,23") == nil)
    }

    @Test func separatorsMustDifferFromDecimal() {
        #expect(ERPMapping.NumberFormat(decimalSeparator: ",", thousandsSeparators: [","]) == nil)
        #expect(ERPMapping.NumberFormat(decimalSeparator: ";", thousandsSeparators: []) == nil)
    }

    @Test(arguments: [
        (ERPMapping.DateFormat.dayMonthYearDots, "31.12.2024", "2024-12-31"), (.dayMonthYearDots, "1.2.2024", "2024-02-01"),
        (.iso, "2024-02-29", "2024-02-29"), (.monthDayYearSlashes, "12/31/2024", "2024-12-31"),
        (.monthDayYearSlashes, "2/5/2024", "2024-02-05"), (.dayMonthYearSlashes, "31/12/2024", "2024-12-31"),
        (.compact, "20240301", "2024-03-01"),
        // Found by fuzzing: a year below 1000 lost its leading zeros ("24-09-19"), which the canonical reader rejects.
        (.dayMonthYearDots, "19.09.0024", "0024-09-19"), (.compact, "00010101", "0001-01-01"),
    ])
    func dates(_ format: ERPMapping.DateFormat, _ text: String, _ iso: String) {
        #expect(format.parse(text) == .date(iso))
    }

    @Test(arguments: [
        (ERPMapping.DateFormat.dayMonthYearDots, "31.02.2024"), (.dayMonthYearDots, "29.02.2023"), (.iso, "2024-13-01"),
        (.monthDayYearSlashes, "31/12/2024"), (.dayMonthYearSlashes, "12/31/2024"), (.iso, "1900-02-29"),
    ])
    func notInCalendar(_ format: ERPMapping.DateFormat, _ text: String) {
        #expect(format.parse(text) == .notInCalendar)
    }

    @Test(arguments: [
        (ERPMapping.DateFormat.dayMonthYearDots, "2024-01-31"), (.iso, "31.01.2024"), (.iso, "2024-1-5"), (.compact, "2024-01-01"),
        (.monthDayYearSlashes, "12/31/24"), (.dayMonthYearDots, "31.12.2024 10:00"),
    ])
    func malformed(_ format: ERPMapping.DateFormat, _ text: String) {
        #expect(format.parse(text) == .malformed)
    }

    /// Found by fuzzing (docs/fuzzing.md): a part with 19 or more digits overflowed and crashed the conversion.
    @Test(arguments: ERPMapping.DateFormat.allCases)
    func overlongNumbersAreMalformed(_ format: ERPMapping.DateFormat) {
        let digits = String(repeating: "6", count: 40)
        for text in ["03/24/202\(digits)4", "\(digits).12.2024", "2024-\(digits)-01", "2024\(digits)", "31.12.2024\(digits)"] {
            #expect(format.parse(text) == .malformed, "\(format): \(text)")
        }
    }
}
