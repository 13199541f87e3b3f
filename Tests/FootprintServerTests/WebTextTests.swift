import FootprintCore
import Testing

@testable import FootprintServer

/// Numbers and dates on the pages, in English and bokmål.
@Suite struct WebTextTests {
    @Test func decimalTextsAreGroupedWithEveryDigitKept() {
        let en = WebText(language: .en)
        let nb = WebText(language: .nb)
        #expect(en.decimal("31910970.02") == "31,910,970.02")
        #expect(nb.decimal("31910970.02") == "31\u{00A0}910\u{00A0}970,02")
        #expect(en.decimal("-1234567") == "-1,234,567")
        #expect(en.decimal("999.123456789") == "999.123456789")
        #expect(nb.decimal("0.5") == "0,5")
        #expect(en.decimal("1e-7") == "1e-7")
        #expect(nb.percent(0.862) == "86,2\u{00A0}%")
        #expect(nb.date("2024-12-31T10:00:00Z") == "31.12.2024")
    }
}
