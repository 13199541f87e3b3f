import FootprintCore
import Testing

/// Parent companies: a subsidiary without an SBTi status of its own inherits its nearest ancestor's,
/// marked inherited; its own status wins; cycles are refused by name and never walked forever.
@Suite struct SupplierParentsTests {
    static func sbti(_ supplier: String, _ status: SBTiStatus) -> SupplierStatusFact {
        var f = SupplierStatusFact(supplier: supplier, kind: .sbti, source: "test", checkedOn: "2026-01-01")
        f.sbtiStatus = status
        return f
    }

    static func register(_ pairs: [(String, String?)]) -> [SupplierRecord] {
        pairs.map { SupplierRecord(id: $0.0, name: $0.0, parent: $0.1) }
    }

    @Test func aSubsidiaryWithoutATargetInheritsItsParents() {
        // P has targets set; S (its subsidiary) has none; G is S's subsidiary; O has its own "none".
        let parents = SupplierParents(Self.register([("P", nil), ("S", "P"), ("G", "S"), ("O", "P")]))
        let latest: [String: [SupplierStatusKind: SupplierStatusFact]] = [
            "P": [.sbti: Self.sbti("P", .targetsSet)], "O": [.sbti: Self.sbti("O", .none)],
        ]
        let inherited = parents.inheritingSBTi(latest, suppliers: ["P", "S", "G", "O"])
        #expect(inherited["S"]?[.sbti]?.sbtiStatus == .targetsSet && inherited["S"]?[.sbti]?.inheritedFrom == "P")
        #expect(inherited["S"]?[.sbti]?.supplier == "S" && inherited["S"]?[.sbti]?.summary == "targets set, inherited from parent P")
        // Up the chain: G inherits P's, naming P.
        #expect(inherited["G"]?[.sbti]?.inheritedFrom == "P")
        // The subsidiary's own status wins, whatever it says.
        #expect(inherited["O"]?[.sbti]?.sbtiStatus == SBTiStatus.none && inherited["O"]?[.sbti]?.inheritedFrom == nil)
        #expect(inherited["P"]?[.sbti]?.inheritedFrom == nil)
        #expect(parents.ancestors(of: "G") == ["S", "P"])
        #expect(parents.problems(known: ["P", "S", "G", "O"]).isEmpty)
    }

    @Test func theNearestAncestorWithAStatusDecides() {
        // S's parent M has "committed" of its own: S inherits M's, not the grandparent's targets.
        let parents = SupplierParents(Self.register([("P", nil), ("M", "P"), ("S", "M")]))
        let latest: [String: [SupplierStatusKind: SupplierStatusFact]] = [
            "P": [.sbti: Self.sbti("P", .targetsSet)], "M": [.sbti: Self.sbti("M", .committed)],
        ]
        let s = parents.inheritingSBTi(latest, suppliers: ["S"])["S"]?[.sbti]
        #expect(s?.sbtiStatus == .committed && s?.inheritedFrom == "M")
    }

    @Test func aCycleIsRefusedNamingItsSuppliers() {
        let parents = SupplierParents(Self.register([("A", "B"), ("B", "C"), ("C", "A"), ("D", "A"), ("E", "E"), ("F", "Z")]))
        let problems = parents.problems(known: ["A", "B", "C", "D", "E", "F"])
        #expect(problems.map(\.supplier) == ["E", "F", "A"])
        #expect(problems[0].message == "supplier 'E' names itself as its parent")
        #expect(problems[1].message.hasPrefix("the parent 'Z' of supplier 'F' is not a supplier of the register"))
        #expect(problems[2].message.hasPrefix("the parents form a cycle: A -> B -> C -> A;"))
        // Walking a cycle ends: nobody in it has a status, so nothing is inherited.
        #expect(parents.ancestors(of: "D") == ["A", "B", "C"])
        #expect(parents.inheritingSBTi([:], suppliers: ["A", "B", "C", "D"]).isEmpty)
    }

    @Test func theAssessmentAndKPIsSayTheTargetIsInherited() {
        let parents = SupplierParents(Self.register([("P", nil), ("S", "P")]))
        let latest = parents.inheritingSBTi(["P": [.sbti: Self.sbti("P", .targetsSet)]], suppliers: ["P", "S"])
        let input = AssessmentInput(supplier: SupplierRecord(id: "S", name: "S", parent: "P"), latest: latest["S"] ?? [:])
        let result = SupplierAssessment.assess(input, criteria: .standard).results.first { $0.criterion == "science-based-target" }
        #expect(result?.credit == 1 && result?.reason.contains("inherited from parent P") == true)
        let committed = SupplierParents(Self.register([("P", nil), ("S", "P")]))
            .inheritingSBTi(["P": [.sbti: Self.sbti("P", .committed)]], suppliers: ["S"])
        let half = SupplierAssessment.assess(
            AssessmentInput(supplier: SupplierRecord(id: "S", name: "S"), latest: committed["S"] ?? [:]),
            criteria: .standard
        )
        #expect(half.results.first?.reason.hasPrefix("SBTi committed, inherited from parent P") == true)
    }

    @Test(arguments: [
        ("529900T8BM49AURSDO55", nil), ("7LTWFZYICNSX8D621K86", nil),
        ("529900T8BM49AURSDO56", "LEI '529900T8BM49AURSDO56' fails its ISO 17442 check digits (mod 97 gives 2, not 1): check for a typing error"),
        ("529900T8BM49AURSDO5", "LEI '529900T8BM49AURSDO5' has 19 characters; an LEI has 20 (ISO 17442)"),
    ])
    func leiCheckDigits(lei: String, problem: String?) {
        #expect(IdentifierCheck.leiProblem(lei) == problem)
    }

    @Test func aRecordIsNotItsOwnParentAndItsCompanyRegisterIsALink() {
        let record = SupplierRecord(id: "S", name: "S", parent: "S", companyRegister: "brreg 923609016")
        #expect(record.problems().contains("supplier 'S' cannot be its own parent"))
        #expect(record.problems().contains { $0.hasPrefix("company register: 'brreg 923609016' is not a link") })
        #expect(SupplierRecord(id: "S", name: "S", parent: "P", companyRegister: "https://w2.brreg.no/enhet/923609016").problems().isEmpty)
    }
}
