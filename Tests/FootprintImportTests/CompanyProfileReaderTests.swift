import FootprintCore
import Foundation
import Testing

@testable import FootprintImport

@Suite struct CompanyProfileReaderTests {
    @Test func readsTheProfile() throws {
        let json = """
            {"company": "Nordlys IT AS", "consolidation_approach": "equity-share", "fiscal_year_start_month": 7,
             "entities": [{"id": "NO", "name": "Nordlys IT AS", "country": "NO"}, {"id": "SE", "name": "Nordlys IT AB", "equity_share": 0.6}],
             "excluded_scope3_categories": {"14": "no franchises"}}
            """
        let b = try CompanyProfileReader.parse(Data(json.utf8))
        #expect(b.company == "Nordlys IT AS" && b.approach == .equityShare && b.fiscalYearStart == 7)
        #expect(b.entities.map(\.equityShare) == [1, 0.6])
        #expect(b.excludedScope3 == [.franchises: "no franchises"])
    }

    @Test func everyProblemNamesItsKey() {
        let json =
            #"{"consolidation_approach": "control", "fiscal_year_start_month": 13, "entities": [{"id": "A", "equity_share": 2}], "excluded_scope3_categories": {"16": "x", "9": ""}, "name": 1}"#
        #expect {
            try CompanyProfileReader.parse(Data(json.utf8))
        } throws: { error in
            let report = (error as? InputError)?.report() ?? ""
            return report.contains("company.json:0: 'consolidation_approach': \"control\" is not an approach")
                && report.contains("'fiscal_year_start_month': 13 is not a month")
                && report.contains("'entities[0].equity_share': 2 is not a share")
                && report.contains("'excluded_scope3_categories.16': '16' is not a Scope 3 category")
                && report.contains("'excluded_scope3_categories.9': expected the justification")
                && report.contains("'name': unknown key")
        }
    }

    @Test func malformedJSONSaysWhere() {
        #expect {
            try CompanyProfileReader.parse(Data("{\n  \"company\": }".utf8))
        } throws: { error in
            (error as? InputError)?.report().contains("company.json:2: column 14: found") == true
        }
    }
}
