import FootprintCore
import Foundation
import Testing

@Suite("CurrencyCode")
struct CurrencyCodeTests {
    @Test(arguments: ["NOK", "SEK", "EUR", "USD", "AAA", "ZZZ"])
    func accepts(_ text: String) throws {
        let code = try #require(CurrencyCode(text))
        #expect(code.description == text)
    }

    @Test(arguments: ["nok", "Nok", "NO", "NOKK", "N0K", "", "N K", "ÆØÅ", "NO\u{0}", "@OK", "[OK"])
    func rejects(_ text: String) {
        #expect(CurrencyCode(text) == nil)
    }

    @Test func bytesAndOrdering() {
        #expect(CurrencyCode(78, 79, 75) == CurrencyCode("NOK"))
        #expect(CurrencyCode(110, 79, 75) == nil)
        #expect(CurrencyCode("EUR")! < CurrencyCode("NOK")!)
        #expect(CurrencyCode("NOK")!.packed == 0x4E_4F_4B)
    }

    @Test func codable() throws {
        let data = try JSONEncoder().encode([CurrencyCode("NOK")!])
        #expect(String(decoding: data, as: UTF8.self) == "[\"NOK\"]")
        #expect(try JSONDecoder().decode([CurrencyCode].self, from: data) == [CurrencyCode("NOK")!])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CurrencyCode].self, from: Data("[\"nok\"]".utf8)) }
    }
}
