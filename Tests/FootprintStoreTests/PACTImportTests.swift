import FootprintCore
import FootprintPACT
import FootprintTestSupport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// PACT footprints imported into a workspace and used by its runs; expected kg computed by hand.
@Suite("PACT import and use in runs")
struct PACTImportTests {
    static let fixtures = packageRoot + "/Tests/FootprintStoreTests/Fixtures/pact"

    /// ACME (LEI), BOLT (org number), CAR (PACT company id of the shared example); spend-based 0.5 kg/NOK.
    static func workspace() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        let ws = t.workspace
        _ = try ws.importFile(
            .suppliers,
            t.file(
                "suppliers.csv",
                """
                id,name,country,org_number,lei,pact_company_ids
                ACME,Acme Networks AS,NO,,5493001KJTIIGC8Y1R12,
                BOLT,Nordic Bolts AS,NO,912 345 678,,
                CAR,Company 3,DE,,,urn:company:example:company3

                """
            )
        )
        _ = try ws.importFile(
            .factors,
            t.file("factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\nhardware,Hardware,0.5,NOK,,test\n")
        )
        _ = try ws.importFile(.rates, t.file("rates.csv", "currency,year,per_usd\n" + (2024...2028).map { "NOK,\($0),10\n" }.joined()))
        _ = try ws.importFile(
            .purchases,
            t.file(
                "purchases.csv",
                """
                id,date,supplier,category,amount,currency,product,quantity,unit,customer
                p1,2024-06-01,ACME,hardware,1000,NOK,SW-48P,3,pcs,
                p2,2025-06-01,ACME,hardware,1000,NOK,SW-48P,4,pcs,
                p3,2024-06-01,ACME,hardware,800,NOK,SW-24P,1,pcs,
                p4,2024-06-01,BOLT,hardware,500,NOK,M8-BOLT,10,kg,
                p5,2025-03-01,CAR,hardware,2000,NOK,5268596541023,2,piece,
                p6,2028-01-15,CAR,hardware,300,NOK,5268596541023,1,piece,
                p7,2025-03-01,CAR,hardware,700,NOK,DOOR-LEFT,1,piece,

                """
            )
        )
        return t
    }

    static func lines(_ ws: Workspace, run: Int64) throws -> [String: RunLine] {
        var lines: [String: RunLine] = [:]
        _ = try ws.runs.runLines(id: run) { lines[$0.purchaseID] = $0 }
        return lines
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.pactV3Example), "../shared/pact/example-footprint-v3.json is absent"))
    func sharedExampleLinkedByCompanyIdAndLastSegment() throws {
        let example = try SharedFolder.file(SharedFolder.pactV3Example).path
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let outcome = try t.workspace.pact.importPACT(paths: [example])
        #expect(outcome.footprints.map(\.supplier) == ["CAR"])
        #expect(outcome.imports.first?.record.kind == .pact)
        #expect(outcome.imports.first?.record.rowCount == 1)
        let run = try t.workspace.runs.calculate(CalculationOptions())
        let lines = try Self.lines(t.workspace, run: run.id)
        // 2 pieces / 1 x 77.0 kg
        #expect(lines["p5"]?.method == .supplierSpecific)
        #expect(lines["p5"]?.kg == 154)
        #expect(lines["p5"]?.provenance.pactID == "8b26f3b8-f5d9-4adf-8a11-02e05d273e58")
        #expect(lines["p5"]?.provenance.primaryDataShare == "13.1")
        #expect(lines["p5"]?.provenance.dataQuality == DataQualityRatings(technological: "2.3", geographical: "3.4", temporal: "3.1"))
        #expect(lines["p5"]?.provenance.biogenicUptakeKg == 0)
        // Valid until 2027-12-31 (exclusive): a line of 2028-01-15 falls through to spend-based, 300 x 0.5.
        #expect(lines["p6"]?.method == .spendBased)
        #expect(lines["p6"]?.kg == 150)
        #expect(lines["p6"]?.provenance.fallThrough?.code == "footprint-not-valid-on-date")
        #expect(run.summary.fallThrough[.footprintNotValidOnDate(supplier: "CAR")]?.lines == 1)
        #expect(run.summary.fallThrough[.footprintNotValidOnDate(supplier: "CAR")]?.spend[CurrencyCode("NOK")!]?.description == "300")
        // No product id names DOOR-LEFT until it is linked explicitly.
        #expect(lines["p7"]?.method == .spendBased)
        try t.workspace.pact.linkPACTProduct(supplier: "CAR", urn: "urn:gtin:5268596541023", product: "DOOR-LEFT")
        #expect(try t.workspace.pact.productLinks().map(\.product) == ["DOOR-LEFT"])
        let linked = try t.workspace.runs.calculate(CalculationOptions())
        #expect(linked.kind == .incremental)
        #expect(linked.recomputedLines == 1)
        #expect(try Self.lines(t.workspace, run: linked.id)["p7"]?.kg == 77)
        #expect(try t.workspace.pact.unlinkPACTProduct(supplier: "CAR", urn: "urn:gtin:5268596541023", product: "DOOR-LEFT"))
    }

    @Test func v3AndV2FilesWithDeprecatedSuccessorAndIncrementalRun() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let ws = t.workspace
        let outcome = try ws.pact.importPACT(paths: [Self.fixtures + "/acme-switch-2024.json", Self.fixtures + "/bolts-v2.json"])
        #expect(outcome.footprints.map(\.supplier) == ["ACME", "ACME", "BOLT"])
        #expect(try ws.count("pact_footprint", where: "source_version = '2' AND original IS NOT NULL") == 1)
        #expect(try ws.count("import", where: "kind = 'pact'") == 2)
        let first = try ws.runs.calculate(CalculationOptions())
        var lines = try Self.lines(ws, run: first.id)
        // 3 pieces / 2 x 300.0 = 450; biogenic 3 / 2 x -10 = -15, never in the totals.
        #expect(lines["p1"]?.kg == 450)
        #expect(lines["p1"]?.provenance.biogenicUptakeKg == -15)
        #expect(lines["p1"]?.provenance.primaryDataShare == "40.5")
        #expect(
            RunLinesCSV.row(lines["p1"]!).hasSuffix(
                ",,\"supplier-specific, cradle-to-gate\",0a1b2c3d-0000-4000-8000-000000002024,40.5,1.5,2.0,2.5,-15.0\n"
            )
        )
        // 2025: the 2024 footprint is no longer valid: spend-based 1000 x 0.5, counted as fallen through.
        #expect(lines["p2"]?.method == .spendBased)
        #expect(lines["p2"]?.kg == 500)
        // SW-24P's footprint is Deprecated: never used, and no fall-through (no usable footprint at all).
        #expect(lines["p3"]?.kg == 400)
        #expect(lines["p3"]?.provenance.fallThrough == nil)
        // v2 mapped: 10 kg x 2.5 / 1, product id matched by its last segment, case-insensitively.
        #expect(lines["p4"]?.kg == 25)
        #expect(lines["p4"]?.provenance.pactID == "7e57b017-0000-4000-8000-0000000000b2")
        #expect(close(first.summary.totalKg, 450 + 500 + 400 + 25 + 1000 + 150 + 350))

        // The successor names the 2024 footprint in precedingPfIds: it supersedes it.
        _ = try ws.pact.importPACT(paths: [Self.fixtures + "/acme-switch-2025.json"])
        #expect(try ws.count("pact_footprint", where: "superseded_by = '0a1b2c3d-0000-4000-8000-000000002025'") == 1)
        let second = try ws.runs.calculate(CalculationOptions())
        #expect(second.kind == .incremental)
        #expect(second.recomputedLines == 2)  // p1 and p2: ACME's SW-48P lines only
        lines = try Self.lines(ws, run: second.id)
        // A correction never makes the past worse: the 2025 successor is valid in 2025 only, so the
        // superseded 2024 footprint stays in force for the 2024 line, and says so.
        #expect(lines["p1"]?.kg == 450)
        #expect(lines["p1"]?.provenance.source?.label.contains("superseded by 0a1b2c3d-0000-4000-8000-000000002025") == true)
        #expect(lines["p2"]?.kg == 480)  // 4 / 2 x 240: the successor, valid in 2025
        #expect(lines["p2"]?.provenance.pactID == "0a1b2c3d-0000-4000-8000-000000002025")
        let full = try ws.runs.calculate(CalculationOptions(full: true))
        #expect(full.aggregate == second.aggregate)
        _ = try ws.runs.verifyRun(id: first.id)
    }

    @Test func allOrNothingAcrossFiles() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        #expect(throws: WorkspaceError.self) {
            try t.workspace.pact.importPACT(paths: [Self.fixtures + "/acme-switch-2024.json", Self.fixtures + "/broken.json"])
        }
        do {
            _ = try t.workspace.pact.importPACT(paths: [Self.fixtures + "/acme-switch-2024.json", Self.fixtures + "/broken.json"])
        } catch {
            #expect(error.description.contains("broken.json"))
        }
        #expect(try t.workspace.count("pact_footprint") == 0)
        #expect(try t.workspace.count("import", where: "kind = 'pact'") == 0)
    }

    @Test func sameFileTwiceChangesNothing() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let path = Self.fixtures + "/bolts-v2.json"
        let first = try t.workspace.pact.importPACT(paths: [path])
        #expect(first.imports.map(\.alreadyImported) == [false])
        let again = try t.workspace.pact.importPACT(paths: [path])
        #expect(again.imports.map(\.alreadyImported) == [true])
        #expect(again.footprints.isEmpty)
        #expect(try t.workspace.count("pact_footprint") == 1)
        #expect(try t.workspace.count("import", where: "kind = 'pact'") == 1)
    }

    @Test func unlinkedFootprintFailsUnlessASupplierIsGiven() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let text = try String(contentsOfFile: Self.fixtures + "/bolts-v2.json", encoding: .utf8)
            .replacingOccurrences(of: "urn:no:orgnr:912345678", with: "urn:no:orgnr:999999999")
        let path = try t.file("unknown.json", text)
        do {
            _ = try t.workspace.pact.importPACT(paths: [path])
            Issue.record("expected the import to fail")
        } catch {
            #expect(error.description.contains("unknown.json: footprint [0] 7e57b017-0000-4000-8000-0000000000b2"))
            #expect(error.description.contains("urn:no:orgnr:999999999"))
        }
        #expect(try t.workspace.count("pact_footprint") == 0)
        let explicit = try t.workspace.pact.importPACT(paths: [path], supplier: "BOLT")
        #expect(explicit.footprints.map(\.supplier) == ["BOLT"])
    }

    @Test func pulledFootprintsAreStoredWithTheirProvenance() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.fixtures + "/bolts-v2.json"))
        let entries = try PACTDocument.read(data, file: "pull")
        let stored = try t.workspace.pact.storeImportedFootprints(
            entries,
            provenance: PACTProvenance(partner: "bolts", url: "https://pact.bolts.example/3/footprints"),
            originals: [0: try JSONValue.parse(data)]
        )
        #expect(stored.map(\.supplier) == ["BOLT"])
        #expect(
            try t.workspace.count(
                "pact_footprint",
                where: "partner = 'bolts' AND import_id IS NULL AND source_url LIKE 'https://pact.bolts%' AND original IS NOT NULL"
            ) == 1
        )
        let run = try t.workspace.runs.calculate(CalculationOptions())
        #expect(try Self.lines(t.workspace, run: run.id)["p4"]?.kg == 25)
        #expect(run.inputs.pactFootprints.map(\.id) == ["7e57b017-0000-4000-8000-0000000000b2"])
    }

    @Test func supplierMatchingRules() {
        let register = [
            SupplierRecord(id: "A", name: "A", identifiers: SupplierIdentifiers(lei: "5493001KJTIIGC8Y1R12")),
            SupplierRecord(id: "B", name: "B", identifiers: SupplierIdentifiers(orgNumber: "912 345 678", vat: "NO912345678MVA")),
            SupplierRecord(id: "C", name: "C", identifiers: SupplierIdentifiers(pactCompanyIDs: ["urn:pact:company:customcode:buyer-assigned:c-17"])),
            SupplierRecord(id: "D", name: "D", identifiers: SupplierIdentifiers(duns: "123456789")),
        ]
        let m = PACTSupplierMatcher(register: register)
        #expect(m.suppliers(for: ["URN:LEI:5493001kjtiigc8y1r12"]) == ["A"])
        #expect(m.suppliers(for: ["urn:no:orgnr:912345678"]) == ["B"])
        #expect(m.suppliers(for: ["urn:vat:no912345678mva"]) == ["B"])
        #expect(m.suppliers(for: ["urn:pact:company:customcode:buyer-assigned:C-17"]) == ["C"])
        #expect(m.suppliers(for: ["urn:duns:123456789", "urn:lei:5493001KJTIIGC8Y1R12"]) == ["A", "D"])
        #expect(m.suppliers(for: ["urn:example:nobody"]).isEmpty)
    }

    @Test(arguments: [
        ("liter", "l"), ("kilogram", "kg"), ("cubic meter", "m3"), ("kilowatt hour", "kWh"), ("megajoule", "MJ"),
        ("ton kilometer", "tkm"), ("square meter", "m2"), ("piece", "piece"), ("hour", "hour"), ("megabit second", "Mbit.s"),
    ])
    func declaredUnits(pact: String, symbol: String) {
        #expect(UnitCatalog.pactDeclaredUnit(pact)?.symbol == symbol)
    }
}
