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
}
