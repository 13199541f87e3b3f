import FootprintCore
import Testing

@Suite struct SupplierAssessmentTests {
    static func fact(
        _ kind: SupplierStatusKind,
        _ on: String = "2026-01-01",
        _ body: (inout SupplierStatusFact) -> Void = { _ in }
    ) -> SupplierStatusFact {
        var f = SupplierStatusFact(supplier: "S1", kind: kind, source: "test", checkedOn: on)
        body(&f)
        return f
    }

    static func disclosure(_ year: Int, _ tonnes: Double, revenue: Double = 1_000_000, upstream: Double = 0) -> SupplierDisclosure {
        SupplierDisclosure(
            supplier: "S1",
            year: year,
            scope1Tonnes: tonnes,
            scope2Tonnes: 0,
            scope3UpstreamTonnes: upstream,
            revenue: revenue,
            currency: CurrencyCode("NOK")!
        )
    }

    /// Custom weights: SBTi 50 (committed 0.4), RBA 10, falling intensity 40 (at least 5 %).
    static let custom: AssessmentCriteria = {
        var sbti = AssessmentCriteria.Criterion(id: "sbt", kind: .scienceBasedTarget, weight: 50)
        sbti.committedCredit = 0.4
        let rba = AssessmentCriteria.Criterion(id: "rba", kind: .rbaMember, weight: 10)
        var falling = AssessmentCriteria.Criterion(id: "down", kind: .fallingIntensity, weight: 40)
        falling.minimumReductionPercent = 5
        return AssessmentCriteria(
            criteria: [sbti, rba, falling],
            tiers: [.init(name: "A", minimumScore: 60), .init(name: "B", minimumScore: 25), .init(name: "C", minimumScore: 0)]
        )
    }()

    @Test func customWeightsHandComputed() {
        // committed: 50 x 0.4 = 20; RBA member: 10; intensity 100 -> 90 t per 1M NOK = down 10 % >= 5 %: 40. 70 / 100.
        let input = AssessmentInput(
            supplier: SupplierRecord(id: "S1", name: "S"),
            latest: [.sbti: Self.fact(.sbti) { $0.sbtiStatus = .committed }, .rba: Self.fact(.rba) { $0.member = true }],
            disclosures: [Self.disclosure(2023, 100), Self.disclosure(2024, 90)]
        )
        let a = SupplierAssessment.assess(input, criteria: Self.custom)
        #expect(a.results.map(\.points) == [20, 10, 40])
        #expect(abs(a.score - 70) < 1e-9)
        #expect(a.tier == "A")
        #expect(a.results[2].reason.contains("down 10%"))
    }

    @Test func intensityTrendInConstantPrices() {
        // 100 t -> 95 t per 1M NOK of revenue: down 5% nominally. NOK prices rose 4% (index 100 -> 104):
        // the 2024 revenue is 1M / 1.04 NOK of 2023, so the intensity is 95 x 1.04 = 98.8 t: down 1.2%,
        // less than the 5% asked.
        let disclosures = [Self.disclosure(2023, 100), Self.disclosure(2024, 95)]
        let nominal = AssessmentInput(supplier: SupplierRecord(id: "S1", name: "S"), disclosures: disclosures)
        #expect(SupplierAssessment.assess(nominal, criteria: Self.custom).results[2].points == 40)
        #expect(SupplierAssessment.assess(nominal, criteria: Self.custom).results[2].reason.contains("nominal prices: no price index for NOK"))
        let real = AssessmentInput(
            supplier: SupplierRecord(id: "S1", name: "S"),
            disclosures: disclosures,
            priceIndexByCurrency: [CurrencyCode("NOK")!: [2023: 100, 2024: 104]]
        )
        let result = SupplierAssessment.assess(real, criteria: Self.custom).results[2]
        #expect(result.points == 0 && result.reason.contains("in 2023 prices (NOK index 100 -> 104)): down 1.2%"), "\(result.reason)")
        // An index without one of the years: the trend is unknown, never judged nominally by accident.
        let gap = AssessmentInput(
            supplier: SupplierRecord(id: "S1", name: "S"),
            disclosures: disclosures,
            priceIndexByCurrency: [CurrencyCode("NOK")!: [2023: 100]]
        )
        #expect(SupplierAssessment.assess(gap, criteria: Self.custom).results[2].reason.hasSuffix("intensity trend in constant prices unknown"))
    }

    @Test func intensityDownLessThanTheThresholdEarnsNothing() {
        // 100 -> 97: down 3 % < 5 %. Targets set: 50. Score 50 / 100: tier B.
        let input = AssessmentInput(
            supplier: SupplierRecord(id: "S1", name: "S"),
            latest: [.sbti: Self.fact(.sbti) { $0.sbtiStatus = .targetsSet }],
            disclosures: [Self.disclosure(2023, 100), Self.disclosure(2024, 97)]
        )
        let a = SupplierAssessment.assess(input, criteria: Self.custom)
        #expect(a.results.map(\.points) == [50, 0, 0])
        #expect(a.score == 50 && a.tier == "B")
    }

    @Test func unknownTrendExcludedFromTheMaximumWhenAsked() {
        var criteria = Self.custom
        criteria.criteria[2].whenUnknown = .exclude
        // One disclosure: the trend is unknown and its 40 leave the maximum. Targets set 50 of 60 = 83.3.
        let input = AssessmentInput(
            supplier: SupplierRecord(id: "S1", name: "S"),
            latest: [.sbti: Self.fact(.sbti) { $0.sbtiStatus = .targetsSet }],
            disclosures: [Self.disclosure(2024, 97)]
        )
        let a = SupplierAssessment.assess(input, criteria: criteria)
        #expect(a.results[2].counted == false)
        #expect(abs(a.score - 50.0 / 60 * 100) < 1e-9)
        #expect(a.tier == "A")
        // With the default (zero), the same supplier scores 50.
        #expect(SupplierAssessment.assess(input, criteria: Self.custom).score == 50)
    }

    @Test func standardCriteriaEverySupplierDataPath() {
        let base = SupplierRecord(id: "S1", name: "S")
        let none = SupplierAssessment.assess(AssessmentInput(supplier: base), criteria: .standard)
        #expect(none.score == 0 && none.tier == "C")
        #expect(none.results.map(\.reason).contains("no SBTi status recorded"))
        // No categories: the RBA criterion (electronics manufacturers) does not apply, and its 15 leave the
        // maximum (85). Product footprints: supplier-data 20 of 85.
        let footprints = SupplierAssessment.assess(AssessmentInput(supplier: base, productFootprints: 2), criteria: .standard)
        #expect(abs(footprints.score - 20.0 / 85 * 100) < 1e-9)
        #expect(footprints.results[1].counted == false && footprints.results[1].reason.hasPrefix("not applicable: applies to suppliers of 334*"))
        // A complete disclosure (upstream Scope 3 reported): disclosed 20, hybrid 10.
        let complete = AssessmentInput(supplier: base, disclosures: [Self.disclosure(2024, 1, upstream: 30)])
        #expect(SupplierAssessment.assess(complete, criteria: .standard).results.map(\.points) == [0, 0, 20, 10, 0])
        // Upstream Scope 3 reported as 0: scopes 1 and 2 of 3 disclosed (2/3 of 20), and no hybrid credit.
        let incomplete = SupplierAssessment.assess(AssessmentInput(supplier: base, disclosures: [Self.disclosure(2024, 1)]), criteria: .standard)
        #expect(zip(incomplete.results.map(\.points), [0, 0, 40.0 / 3, 0, 0]).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(incomplete.results[2].reason.contains("upstream Scope 3 reported as 0, so scope 3 counts as not disclosed"))
        #expect(incomplete.results[3].reason.hasPrefix("a disclosure without upstream Scope 3"))
        // Scopes 1 and 2 of the 3 asked: 2/3 of 20.
        let scopes = SupplierAssessment.assess(
            AssessmentInput(supplier: base, latest: [.scopes: Self.fact(.scopes) { $0.scopes = [1, 2] }]),
            criteria: .standard
        )
        #expect(abs(scopes.results[2].points - 40.0 / 3) < 1e-9)
    }

    @Test func hardRequirementsStandApartFromTheScore() {
        // SBTi targets set is required; RBA membership is required too, but applies to electronics only.
        var criteria = AssessmentCriteria.standard
        criteria.criteria[0].required = true
        criteria.criteria[1].required = true
        let committed = AssessmentInput(
            supplier: SupplierRecord(id: "S1", name: "S", categories: ["334111"]),
            latest: [.sbti: Self.fact(.sbti) { $0.sbtiStatus = .committed }, .rba: Self.fact(.rba) { $0.member = true }],
            productFootprints: 3
        )
        let a = SupplierAssessment.assess(committed, criteria: criteria)
        // Committed earns half the SBTi credit (15), which does not meet the requirement; RBA does. The score
        // is what it was without requirements: (15 + 15 + 20) / 100.
        #expect(a.requirementsNotMet == ["science-based-target"] && !a.meetsRequirements)
        #expect(abs(a.score - 50) < 1e-9 && a.score == SupplierAssessment.assess(committed, criteria: .standard).score)
        // A consultancy: RBA does not apply, so it is no requirement for it; targets set meets the other.
        let consultancy = AssessmentInput(
            supplier: SupplierRecord(id: "S2", name: "C", categories: ["541512"]),
            latest: [.sbti: Self.fact(.sbti) { $0.sbtiStatus = .targetsSet }]
        )
        #expect(SupplierAssessment.assess(consultancy, criteria: criteria).meetsRequirements)
        // Both JSON writers agree, the list included.
        let both = [a, SupplierAssessment.assess(consultancy, criteria: criteria)]
        #expect(String(decoding: SupplierAssessment.renderedJSON(both), as: UTF8.self) == JSONValue.array(both.map { $0.json() }).rendered())
        #expect(a.json().rendered().contains("\"requirements_not_met\": [\n"))
    }

    @Test func rbaAppliesToElectronicsManufacturersOnly() {
        let member: [SupplierStatusKind: SupplierStatusFact] = [.rba: Self.fact(.rba) { $0.member = true }]
        func rba(_ categories: [String], _ facts: [SupplierStatusKind: SupplierStatusFact] = [:]) -> SupplierAssessment.Result {
            SupplierAssessment.assess(
                AssessmentInput(supplier: SupplierRecord(id: "S1", name: "S", categories: categories), latest: facts),
                criteria: .standard
            ).results[1]
        }
        // A server maker (NAICS 334111, matched by 334*) and one named by the library's category: scored.
        #expect(rba(["334111"], member).points == 15 && rba(["Network-Equipment"]).counted && rba(["network-equipment"]).points == 0)
        // A hotel or a consultancy: not applicable, so its weight leaves the maximum, never 0 of 15.
        let hotel = rba(["721110", "hotels"])
        #expect(!hotel.counted && hotel.points == 0 && hotel.reason.hasSuffix("this supplier's categories: 721110; hotels"))
        // A pattern without `*` matches the whole category only.
        var criterion = AssessmentCriteria.Criterion(id: "x", kind: .rbaMember, weight: 1)
        criterion.appliesTo = ["server"]
        #expect(criterion.applicableCategory(["servers"]) == nil && criterion.applicableCategory(["Server"]) == "Server")
        criterion.appliesTo = []
        #expect(
            AssessmentCriteria(criteria: [criterion], tiers: [.init(name: "A", minimumScore: 0)]).problems().first?.contains("'applies_to'") == true
        )
    }

    @Test func newestFactOfEachKindWins() {
        let old = Self.fact(.sbti, "2025-01-01") { $0.sbtiStatus = .committed }
        let new = Self.fact(.sbti, "2026-01-01") { $0.sbtiStatus = .targetsSet }
        let sameDayLater = Self.fact(.sbti, "2026-01-01") { $0.sbtiStatus = .removed }
        #expect([new, old].latestByKind()[.sbti] == new)
        #expect([old, new, sameDayLater].latestByKind()[.sbti] == sameDayLater)
    }
}

@Suite struct AssessmentWithoutReasonsTests {
    /// Every combination of facts, footprints and disclosures the criteria look at: without reasons,
    /// the points, score and tier are the same, and every reason is empty.
    @Test func sameScoresAndTiersWithoutReasons() {
        typealias T = SupplierAssessmentTests
        let sbti: [SupplierStatusFact?] = [
            nil, T.fact(.sbti) { $0.sbtiStatus = .targetsSet }, T.fact(.sbti) { $0.sbtiStatus = .committed },
            T.fact(.sbti) { $0.sbtiStatus = .removed },
        ]
        let rba: [SupplierStatusFact?] = [
            nil,
            T.fact(.rba) {
                $0.member = true
                $0.level = "Platinum"
            }, T.fact(.rba) { $0.member = false },
        ]
        let cdp: [SupplierStatusFact?] = [nil, T.fact(.cdp) { $0.cdpScore = .a }, T.fact(.cdp) { $0.cdpScore = .d }]
        let scopes: [SupplierStatusFact?] = [nil, T.fact(.scopes) { $0.scopes = [1, 2] }]
        let pact: [SupplierStatusFact?] = [nil, T.fact(.pact) { $0.available = true }]
        let disclosures: [[SupplierDisclosure]] = [
            [], [T.disclosure(2024, 90)], [T.disclosure(2023, 100), T.disclosure(2024, 90)], [T.disclosure(2023, 100), T.disclosure(2024, 120)],
        ]
        var compared = 0
        for criteria in [AssessmentCriteria.standard, T.custom] {
            for s in sbti {
                for r in rba {
                    for c in cdp {
                        for sc in scopes {
                            for p in pact {
                                for d in disclosures {
                                    for footprints in [0, 3] {
                                        var latest: [SupplierStatusKind: SupplierStatusFact] = [:]
                                        for f in [s, r, c, sc, p].compactMap({ $0 }) { latest[f.kind] = f }
                                        let input = AssessmentInput(
                                            supplier: SupplierRecord(id: "S1", name: "S"),
                                            latest: latest,
                                            disclosures: d,
                                            productFootprints: footprints
                                        )
                                        let full = SupplierAssessment.assess(input, criteria: criteria)
                                        let quick = SupplierAssessment.assess(input, criteria: criteria, explain: false)
                                        #expect(quick.score == full.score && quick.tier == full.tier)
                                        #expect(
                                            quick.results.map(\.points) == full.results.map(\.points)
                                                && quick.results.map(\.counted) == full.results.map(\.counted)
                                        )
                                        #expect(quick.results.allSatisfy { $0.reason.isEmpty } && full.results.allSatisfy { !$0.reason.isEmpty })
                                        compared += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        #expect(compared == 2 * 4 * 3 * 3 * 2 * 2 * 4 * 2)
    }
}

@Suite struct AssessmentJSONTests {
    @Test func directRenderingIsTheTreeRendering() {
        var facts = SupplierStatusFact(supplier: "S\"1", kind: .sbti, source: "t", checkedOn: "2026-01-01")
        facts.sbtiStatus = .committed
        let inputs = [
            AssessmentInput(
                supplier: SupplierRecord(id: "S\"1", name: "Blå\nKonsult"),
                latest: [.sbti: facts],
                disclosures: [],
                productFootprints: 0
            ),
            AssessmentInput(supplier: SupplierRecord(id: "S2", name: "B"), latest: [:], disclosures: [], productFootprints: 2),
        ]
        let assessments = inputs.map { SupplierAssessment.assess($0, criteria: .standard) }
        #expect(
            String(decoding: SupplierAssessment.renderedJSON(assessments), as: UTF8.self) == JSONValue.array(assessments.map { $0.json() }).rendered()
        )
        #expect(String(decoding: SupplierAssessment.renderedJSON([]), as: UTF8.self) == JSONValue.array([]).rendered())
        // Rendered in parts (as threads do), joined: the same bytes, whatever the split.
        let whole = SupplierAssessment.renderedJSON(assessments)
        for split in 0...assessments.count {
            let parts = [SupplierAssessment.renderedElements(assessments[..<split]), SupplierAssessment.renderedElements(assessments[split...])]
            #expect(SupplierAssessment.renderedJSON(parts: parts) == whole, "split at \(split)")
        }
        #expect(SupplierAssessment.renderedJSON(parts: [[], []]) == Array("[]".utf8))
    }
}
