import FootprintCore
import Testing

@Suite struct SupplierNameNormalizerTests {
    @Test(arguments: [
        ("Blå Konsult AB", "bla konsult"),
        ("Bla Konsult AB", "bla konsult"),
        ("BLÅ KONSULT", "bla konsult"),
        ("Øresund Strøm A/S", "oresund strom"),
        ("Kabel & Fiber Danmark A/S", "kabel fiber danmark"),
        ("Nordnett Telekom ASA", "nordnett telekom"),
        ("Kuusikko Koodi Oy", "kuusikko koodi"),
        ("Elbtal Netzwerktechnik GmbH", "elbtal netzwerktechnik"),
        ("Kingsbridge Cyber Ltd.", "kingsbridge cyber"),
        ("Cascade Peak Software, Inc.", "cascade peak software"),
        ("Some Holdings LLC", "some holdings"),
        ("Acme S.A.", "acme"),
        ("Polderpoort Datacenter B.V.", "polderpoort datacenter"),
        ("Polderpoort Datacenter BV", "polderpoort datacenter"),
        ("Rhein NV", "rhein"),
        ("  Vikakvartalet   Næringseiendom  AS ", "vikakvartalet naeringseiendom"),
        ("Søderhus Fastigheter AB (publ)", "soderhus fastigheter"),
        ("AS", "as"),
    ])
    func normalises(name: String, expected: String) {
        #expect(SupplierNameNormalizer.normalize(name) == expected)
    }

    @Test func accentedAndPlainNamesAreEqualNearDuplicatesAreNot() {
        #expect(SupplierNameNormalizer.normalize("Blå Konsult AB") == SupplierNameNormalizer.normalize("Bla Konsult AB"))
        #expect(SupplierNameNormalizer.normalize("Blå Konsult AB") != SupplierNameNormalizer.normalize("Bla Konsult Holding AB"))
        #expect(SupplierNameNormalizer.normalize("Global Chips Inc.") != SupplierNameNormalizer.normalize("Global Chips Incorporated (Europe)"))
    }
}

@Suite struct SBTiMatcherTests {
    static let companies = [
        SBTiCompany(row: 2, name: "Blå Konsult AB", isin: "SE0000000002", lei: "5493001KJTIIGC8Y1R02", nearTermStatus: .targetsSet),
        SBTiCompany(row: 3, name: "Bla Konsult A/S", nearTermStatus: .committed),
        SBTiCompany(row: 4, name: "Bla Konsult Holding AB", nearTermStatus: .committed),
        SBTiCompany(row: 5, name: "Datasenter Øst AS", lei: "5493001KJTIIGC8Y1R04", nearTermStatus: .targetsSet),
        SBTiCompany(row: 6, name: "Nordic Network Systems ASA", isin: "NO0010000001", nearTermStatus: .targetsSet),
    ]

    func outcome(_ supplier: SupplierRecord) -> SBTiMatcher.Outcome {
        SBTiMatcher.match(suppliers: [supplier], companies: Self.companies)[0].outcome
    }

    @Test func accentedNameWithTwoEqualCandidatesIsAmbiguous() {
        guard case .ambiguous(let found, let key) = outcome(SupplierRecord(id: "S1", name: "Bla Konsult AB")) else {
            Issue.record("not ambiguous")
            return
        }
        #expect(key == .name)
        #expect(found.map(\.row) == [2, 3])
    }

    @Test func leiDecidesBeforeName() {
        var s = SupplierRecord(id: "S1", name: "Bla Konsult AB")
        s.identifiers.lei = "5493001kjtiigc8y1r02"
        #expect(outcome(s) == .matched(Self.companies[0], by: .lei))
        // LEI before ISIN: the LEI names one company, the ISIN another.
        s.identifiers.lei = "5493001KJTIIGC8Y1R04"
        s.identifiers.isin = "NO0010000001"
        #expect(outcome(s) == .matched(Self.companies[3], by: .lei))
    }

    @Test func isinDecidesWhenTheLEIIsUnknown() {
        var s = SupplierRecord(id: "S1", name: "Something Else AS")
        s.identifiers.lei = "00000000000000000000"
        s.identifiers.isin = "NO0010000001"
        #expect(outcome(s) == .matched(Self.companies[4], by: .isin))
    }

    @Test func nameMatchAndMissWithNearNames() {
        #expect(outcome(SupplierRecord(id: "S1", name: "DATASENTER ØST")) == .matched(Self.companies[3], by: .name))
        guard case .unmatched(let near) = outcome(SupplierRecord(id: "S2", name: "Bla Konsult Holding Group AB")) else {
            Issue.record("matched")
            return
        }
        #expect(near.map(\.row) == [2, 3, 4])  // "bla konsult" and "bla konsult holding" begin its name
        #expect(outcome(SupplierRecord(id: "S3", name: "Unknown Company AS")) == .unmatched(near: []))
    }
}
