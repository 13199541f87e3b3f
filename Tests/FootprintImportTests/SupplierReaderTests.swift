import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

@Suite struct SupplierReaderTests {
    func table(_ text: String, file: String = "supplier_status.csv") throws -> CSVTable {
        var diagnostics: [Diagnostic] = []
        let t = try CSVTable.parse(data: Data(text.utf8), file: file, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        return t
    }

    @Test func statusFileReadsEveryKind() throws {
        let t = try table(
            """
            supplier,fact,value,source,checked_on,classification,target_year,net_zero_year,level,evidence
            S1,sbti,Targets set,SBTi dashboard,2026-10-01,1.5°C,2030,2050,,
            S1,rba,member,RBA list,2026-09-01,,,,Platinum,https://www.responsiblebusiness.org/members/
            S1,cdp,a-,CDP,2026-02-01,,,,,
            S1,scopes,1;2;3,annual report,2026-03-01,,,,,
            S1,pact,yes,supplier,2026-03-01,,,,,https://pact.example.com
            S1,product-footprints,no,supplier,2026-03-01,,,,,

            """
        )
        var diagnostics: [Diagnostic] = []
        let facts = try SupplierStatusReader.facts(t, &diagnostics).map(\.fact)
        #expect(diagnostics.isEmpty)
        #expect(facts.map(\.kind) == [.sbti, .rba, .cdp, .scopes, .pact, .productFootprints])
        #expect(facts[0].summary == "targets set, 1.5°C, near-term 2030, net-zero 2050")
        #expect(facts[1].summary == "member (Platinum)")
        #expect(facts[2].cdpScore == .aMinus)
        #expect(facts[3].scopes == [1, 2, 3])
        #expect(facts[4].available == true && facts[4].evidence == "https://pact.example.com")
        #expect(facts[5].available == false)
    }

    @Test func everyBadRowIsReportedWithFileLineAndColumn() throws {
        let t = try table(
            """
            supplier,fact,value,source,checked_on,classification,level
            S1,sbti,maybe,x,2026-10-01,,
            S1,rba,member,x,2026-02-30,,
            ,cdp,B+,x,2026-01-01,,
            S2,carbon,1,,2026-01-01,,
            S3,scopes,1;4,x,2026-01-01,,
            S4,rba,yes,x,2026-01-01,1.5°C,Full
            S5,sbti,committed,x,2026-01-01,3°C,Gold
            S6,pact,perhaps,x,26-01-01,,

            """
        )
        var diagnostics: [Diagnostic] = []
        _ = try SupplierStatusReader.facts(t, &diagnostics)
        let text = InputError(diagnostics).diagnostics.map(\.description)
        #expect(
            text == [
                "supplier_status.csv:2: column 'value': 'maybe' is not an SBTi status; expected one of none, committed, targets set, removed, expired",
                "supplier_status.csv:3: column 'checked_on': '2026-02-30' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2026-10-01",
                "supplier_status.csv:4: column 'supplier': the field is empty; a value is required",
                "supplier_status.csv:4: column 'value': 'B+' is not a CDP score; expected one of A, A-, B, B-, C, C-, D, D-, F",
                "supplier_status.csv:5: column 'source': the field is empty; a value is required",
                "supplier_status.csv:5: column 'fact': 'carbon' is not a kind of fact; expected one of sbti, rba, cdp, scopes, pact, product-footprints",
                "supplier_status.csv:6: column 'value': '1;4' is not a list of scopes; expected scope numbers 1 to 3 separated by ';', such as 1;2;3, or none",
                "supplier_status.csv:7: column 'classification': applies to sbti facts only; leave it empty in a 'rba' row",
                "supplier_status.csv:8: column 'level': applies to rba facts only; leave it empty in a 'sbti' row",
                "supplier_status.csv:8: column 'classification': '3°C' is not an SBTi classification; expected 1.5°C, well-below 2°C or 2°C",
                "supplier_status.csv:9: column 'checked_on': '26-01-01' is not a valid date; expected YYYY-MM-DD (ISO 8601), such as 2026-10-01",
                "supplier_status.csv:9: column 'value': 'perhaps' is not yes or no; expected yes or no",
            ]
        )
    }

    @Test func missingRequiredColumnIsThrown() throws {
        let t = try table("supplier,fact,value\nS1,sbti,committed\n")
        var diagnostics: [Diagnostic] = []
        #expect(throws: InputError.self) { try SupplierStatusReader.facts(t, &diagnostics) }
    }

    @Test func registerColumnsAreReadAndChecked() throws {
        let t = try table(
            """
            id,name,country,org_number,lei,isin,duns,pact_company_ids,contact_email,categories,strategic
            S1,Blå Konsult AB,SE,556000-0000,5493001kjtiigc8y1r02,se0000000002,15-048-3782,urn:lei:5493001KJTIIGC8Y1R02; urn:x:1,a@b.se,consulting; training,yes
            S2,Other,NO,,LEI,ISIN,12,,nobody,,sometimes

            """,
            file: "suppliers.csv"
        )
        var diagnostics: [Diagnostic] = []
        let records = try SupplierRegisterReader.records(t, &diagnostics)
        let s1 = records[0]
        #expect(s1.identifiers.lei == "5493001KJTIIGC8Y1R02" && s1.identifiers.isin == "SE0000000002" && s1.identifiers.duns == "150483782")
        #expect(s1.identifiers.pactCompanyIDs == ["urn:lei:5493001KJTIIGC8Y1R02", "urn:x:1"])
        #expect(s1.categories == ["consulting", "training"] && s1.strategic)
        #expect(diagnostics.map { "\($0.line):\($0.column ?? "")" } == ["3:lei", "3:isin", "3:duns", "3:contact_email", "3:strategic"])
        #expect(
            diagnostics[1...2].map(\.description) == [
                "suppliers.csv:3: column 'isin': 'ISIN' is not an ISIN; expected 2 letters, 9 letters or digits and a check digit (ISO 6166), such as NO0010096985",
                "suppliers.csv:3: column 'duns': '12' is not a D-U-N-S number; expected 9 digits, such as 150483782",
            ]
        )
    }

    @Test func criteriaFileDecodesAndReportsProblems() throws {
        let json = """
            {"criteria": [{"id": "sbt", "kind": "science-based-target", "weight": 60, "committed_credit": 0.25},
                          {"id": "cdp", "kind": "cdp-score", "weight": 40, "minimum_cdp_score": "B"}],
             "tiers": [{"name": "Gold", "minimum_score": 80}, {"name": "Rest", "minimum_score": 0}]}
            """
        let criteria = try AssessmentCriteriaFile.decode(data: Data(json.utf8), file: "criteria.json")
        #expect(criteria.criteria[0].committedCredit == 0.25 && criteria.criteria[1].minimumCDPScore == .b)
        let bad = #"{"criteria": [{"id": "x", "kind": "vibes", "weight": 1}], "tiers": []}"#
        #expect(throws: InputError.self) { try AssessmentCriteriaFile.decode(data: Data(bad.utf8), file: "criteria.json") }
        let negative = #"{"criteria": [{"id": "x", "kind": "rba-member", "weight": -1}], "tiers": [{"name": "A", "minimum_score": 0}]}"#
        do {
            _ = try AssessmentCriteriaFile.decode(data: Data(negative.utf8), file: "criteria.json")
            Issue.record("accepted a negative weight")
        } catch { #expect(error.diagnostics[0].message.contains("weight -1.0 is negative")) }
    }

    @Test func documentedDefaultCriteriaAreTheBuiltInOnes() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/suppliers.md"), encoding: .utf8)
        let block = try #require(doc.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        #expect(try AssessmentCriteriaFile.decode(data: Data(block.utf8), file: "suppliers.md") == AssessmentCriteria.standard)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.sbtiSample), "../shared/samples/sbti-companies-sample.xlsx is absent"))
    func sbtiWorkbookSampleIsRead() throws {
        let data = try Data(contentsOf: SharedFolder.file(SharedFolder.sbtiSample))
        let result = try SBTiWorkbookReader.read(data: data, file: "sbti-companies-sample.xlsx")
        #expect(result.sheet == "Companies" && result.missingColumns.isEmpty && result.skipped.isEmpty)
        #expect(result.companies.count == 10)
        let first = result.companies[0]
        #expect(first.row == 2 && first.name == "Nordic Network Systems ASA" && first.lei == "5493001KJTIIGC8Y1R01")
        #expect(first.nearTermStatus == .targetsSet && first.classification == .onePointFive && first.nearTermTargetYear == 2030)
        #expect(first.netZeroCommitted && first.netZeroYear == 2050)
        #expect(result.companies.first { $0.name.hasPrefix("Kabel") }?.nearTermStatus == .removed)
        #expect(result.companies.first { $0.name == "Datasenter Øst AS" }?.classification == .wellBelowTwo)
        #expect(result.companies.first { $0.name == "Bla Konsult Holding AB" }.map { $0.netZeroCommitted && $0.nearTermStatus == .committed } == true)
    }
}
