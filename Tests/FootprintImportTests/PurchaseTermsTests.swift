import FootprintCore
import Testing

@testable import FootprintImport

@Suite("PurchaseTerms")
struct PurchaseTermsTests {
    /// A currency's term, found by its packed code before the table: the term the table gives its
    /// letters, whichever way the currency was first interned.
    @Test func currencyTermsAreTheTableTerms() {
        var terms = PurchaseTerms(capacity: 16)
        // One currency interned as text first (as any other field's text would be).
        let sek = Array("SEK".utf8)
        let sekTerm = sek.withUnsafeBytes { terms.intern(.currency, $0.baseAddress!, 3, readable: 3) }
        let codes = ["NOK", "EUR", "SEK", "USD", "NOK", "GBP", "SEK", "EUR", "DKK", "USD", "CHF", "NOK"]
        var rng = SplitMix64(seed: 3)
        for code in (codes + codes.shuffled(using: &rng)) {
            let letters = Array(code.utf8)
            let term = letters.withUnsafeBytes { terms.currencyTerm(CurrencyCode(code)!, $0.baseAddress!) }
            #expect(terms.currency.string(at: Int(term)) == code)
            #expect(terms.currency.find(code) == Int(term))
        }
        #expect(terms.currency.find("SEK") == Int(sekTerm))
        #expect(terms.currency.count == Set(codes).count)
    }
}
