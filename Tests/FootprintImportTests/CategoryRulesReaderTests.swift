import FootprintCore
import Foundation
import Testing

@testable import FootprintImport

@Suite struct CategoryRulesReaderTests {
    func read(_ text: String) throws(InputError) -> [CategoryRule] {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: Data(text.utf8), file: "categories.csv", diagnostics: &diagnostics)
        let rules = try CategoryRulesReader.rules(table, &diagnostics)
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return rules
    }

    @Test func readsRules() throws {
        let rules = try read(
            "category,scope3_category,excluded\nfreight,4,\nbank-fees,,financial services fees: counted in Category 1 by the bank's own data\nintra-group,,\n"
        )
        #expect(rules.count == 3)
        #expect(rules[0] == CategoryRule(category: "freight", scope3: .upstreamTransportationAndDistribution, source: "categories.csv:2"))
        #expect(rules[1].exclusion?.hasPrefix("financial services fees") == true)
        #expect(rules[2].exclusion == nil && rules[2].scope3 == nil)
    }

    @Test func refusesAmbiguousRows() {
        #expect {
            try read("category,scope3_category,excluded\nfreight,4,outside\nfreight,16,\n")
        } throws: { error in
            let report = (error as? InputError)?.report() ?? ""
            return report.contains("categories.csv:2: column 'excluded': the category is both excluded and placed in Scope 3 category 4")
                && report.contains("categories.csv:3: column 'category': category 'freight' already has a rule on line 2")
        }
    }

    @Test func readsAssetClassesAndGoodsForResale() throws {
        let rules = try read(
            """
            category,scope3_category,excluded,asset_class,capitalisation_threshold,threshold_currency,resale
            334111,,,IT equipment,,,
            334112,,,IT equipment,,,
            furniture,,,furniture,5000,EUR,
            hardware-for-resale,,,,,,yes
            software,1,,,,,no

            """
        )
        #expect(rules.count == 5)
        #expect(rules[0].capitalisation == .norwegian(assetClass: "IT equipment") && rules[0].scope3 == nil)
        #expect(rules[1].capitalisation == rules[0].capitalisation)
        let furniture = try #require(rules[2].capitalisation)
        #expect(furniture.currency == CurrencyCode("EUR")! && furniture.amount(in: 2024) == 5000 && furniture.source.contains("categories.csv:4"))
        #expect(rules[3].resale && rules[3].scope3 == nil && rules[3].capitalisation == nil)
        #expect(!rules[4].resale && rules[4].scope3 == .purchasedGoodsAndServices)
    }

    @Test func refusesContradictingCapitalisationAndResale() {
        #expect {
            try read(
                """
                category,scope3_category,excluded,asset_class,capitalisation_threshold,threshold_currency,resale
                a,2,,IT,,,
                b,,,IT,5000,,
                c,,,,5000,NOK,
                d,,,IT,5000,NOK,
                e,,,IT,6000,NOK,
                f,4,,,,,yes
                g,,,,,,perhaps
                h,,,IT,-1,NOK,

                """
            )
        } throws: { error in
            let report = (error as? InputError)?.report() ?? ""
            let expected = [
                "categories.csv:2: column 'asset_class': an asset class places each line in Category 2 or 1 by its cost; scope3_category decides otherwise",
                "categories.csv:3: column 'threshold_currency': the threshold 5000 has no currency",
                "categories.csv:4: column 'capitalisation_threshold': a threshold needs the asset_class it applies to",
                "categories.csv:6: column 'capitalisation_threshold': asset class 'IT' has another threshold on line 5",
                "categories.csv:7: column 'resale': goods bought for resale are Category 1 (purchased goods), not 4",
                "categories.csv:8: column 'resale': 'perhaps' is not yes or no",
                "categories.csv:9: column 'capitalisation_threshold': '-1' is not a threshold; expected a positive amount per item",
            ]
            for line in expected where !report.contains(line) { Issue.record("missing: \(line)\nin: \(report)") }
            return true
        }
    }
}
