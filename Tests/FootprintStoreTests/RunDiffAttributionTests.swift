import FootprintCore
import FootprintImport
import Foundation
import Synchronization
import Testing

@testable import FootprintStore

/// `runs diff`'s split of a change into activity, method switch and figures, on two hand-computed
/// runs of a small workspace, and the `method_boundary` column of `runs lines` and `--lines-out`.
@Suite("Run diff: activity, method switch, figures")
struct RunDiffAttributionTests {
    static let suppliers = "id,name,country\nSUP-A,Alpha Laptops,NO\nSUP-B,Beta Consulting,NO\nSUP-C,Gamma Paper,NO\n"
    static let rates = "currency,year,per_usd\nUSD,2024,1\n"
    /// Laptops: spend-based per purchaser price (with margins); consulting: per producer price; paper: average-data per kg.
    static let factors = """
        category,name,kgco2e_per_unit,unit,price_year,source
        laptops,Laptops,0.5,USD,,"US EPA Supply Chain GHG Emission Factors v1.3.0, with margins, kg CO2e/USD purchaser price"
        consulting,Consulting,0.2,USD,,"Input-output table, kg CO2e/USD producer price (without margins)"
        paper,Office paper,1.2,kg,,"average paper, cradle to gate"

        """
    /// SUP-B: (10 + 5 + 85) t x 1000 / 1,000,000 USD = 0.1 kg CO2e per USD.
    static let disclosures = "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nSUP-B,2024,10,5,85,1000000,USD\n"
    /// The new disclosure: (10 + 5 + 115) t x 1000 / 1,000,000 USD = 0.13 kg CO2e per USD.
    static let newDisclosures = "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nSUP-B,2024,10,5,115,1000000,USD\n"
    /// SUP-A's laptop: 180 kg per piece, cradle-to-gate; SUP-C's paper: whole-life 2.0 kg per kg, use phase 25%.
    static let footprints = """
        supplier,product,kgco2e_per_unit,unit,boundary,use_phase_share
        SUP-A,LAP-14,180,piece,,
        SUP-C,PAPER-A4,2.0,kg,cradle-to-grave,0.25

        """
    static let header = "id,date,supplier,category,amount,currency,product,quantity,unit,customer\n"
    /// Run 1: P1 spend-based 2000 x 0.5 = 1000 kg; P2 hybrid 5000 x 0.1 = 500 kg; P3 hybrid 1000 x 0.1 = 100 kg;
    /// P5 average-data 10 kg x 1.2 = 12 kg (SUP-C has no footprint yet).
    static let purchases =
        header
            + """
            P1,2024-03-01,SUP-A,laptops,2000,USD,LAP-14,4,piece,
            P2,2024-03-02,SUP-B,consulting,5000,USD,,,,
            P3,2024-03-03,SUP-B,consulting,1000,USD,,,,
            P5,2024-03-05,SUP-C,paper,40,USD,PAPER-A4,10,kg,

            """
    /// Run 2: P1 the same; P2 6000 USD; P3 gone; P4 new, 2000 USD.
    static let newPurchases =
        header
            + """
            P1,2024-03-01,SUP-A,laptops,2000,USD,LAP-14,4,piece,
            P2,2024-03-02,SUP-B,consulting,6000,USD,,,,
            P4,2024-03-04,SUP-B,consulting,2000,USD,,,,
            P5,2024-03-05,SUP-C,paper,40,USD,PAPER-A4,10,kg,

            """

    static let kg: Int128 = 1_000_000_000

    /// Run 1 and run 2 of the fixture in a fresh workspace.
    static func twoRuns(_ t: TemporaryWorkspace) throws -> (CalculationRun, CalculationRun) {
        let ws = t.workspace
        for (kind, name, text) in [
            (ImportKind.suppliers, "suppliers.csv", suppliers), (.rates, "rates.csv", rates), (.factors, "factors.csv", factors),
        ] {
            _ = try ws.importFile(kind, try t.file(name, text))
        }
        let disclosure = try ws.importFile(.supplierEmissions, try t.file("supplier_emissions.csv", disclosures))
        let ledger = try ws.importFile(.purchases, try t.file("purchases.csv", purchases))
        let first = try ws.runs.calculate(CalculationOptions())
        // SUP-A and SUP-C send product footprints, SUP-B a new disclosure; the ledger is corrected.
        _ = try ws.importFile(.productFootprints, try t.file("product_footprints.csv", footprints))
        _ = try ws.importFile(.supplierEmissions, try t.file("supplier_emissions_2.csv", newDisclosures), replacing: disclosure.record.id)
        _ = try ws.importFile(.purchases, try t.file("purchases_2.csv", newPurchases), replacing: ledger.record.id)
        let second = try ws.runs.calculate(CalculationOptions())
        return (first, second)
    }

    @Test func aMethodSwitchAnActivityChangeAndANewDisclosure() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let (first, second) = try Self.twoRuns(t)
        #expect(first.aggregate.total.totalNanoKg == 1612 * Self.kg)
        // P1 4 x 180 = 720; P2 6000 x 0.13 = 780; P4 2000 x 0.13 = 260; P5 10 x 2.0 x (1 - 0.25) = 15.
        #expect(second.aggregate.total.totalNanoKg == 1775 * Self.kg)
        let parts = try t.workspace.runs.changeAttribution(before: first.id, after: second.id)
        let bySupplier = Dictionary(uniqueKeysWithValues: parts.suppliers.map { ($0.key, $0) })

        // SUP-A: the same laptops, spend-based (1000 kg) then supplier-specific (720 kg): all method switch.
        let a = try #require(bySupplier["SUP-A"])
        #expect((a.before, a.after) == (1000 * Self.kg, 720 * Self.kg))
        #expect(a.parts == ChangeAttribution.Parts(activity: 0, methodSwitch: -280 * Self.kg, figures: 0))
        #expect(a.parts.isMostlyMethodSwitch)
        let move = ChangeAttribution.MethodSwitch(from: .spendPurchaserPrice, to: .supplierCradleToGate)
        #expect(a.switches == [move: ChangeAttribution.Switched(lines: 1, nanoKg: -280 * Self.kg)])
        #expect((a.linesAdded, a.linesRemoved) == (0, 0))

        // SUP-B, hybrid in both runs. P2: 500 x 6000 / 5000 - 500 = +100 activity, 780 - 600 = +180 figures;
        // P3 removed: -100 activity; P4 added: +260 activity.
        let b = try #require(bySupplier["SUP-B"])
        #expect((b.before, b.after) == (600 * Self.kg, 1040 * Self.kg))
        #expect(b.parts == ChangeAttribution.Parts(activity: 260 * Self.kg, methodSwitch: 0, figures: 180 * Self.kg))
        #expect(!b.parts.isMostlyMethodSwitch && b.switches.isEmpty)
        #expect((b.linesAdded, b.linesRemoved) == (1, 1))

        // SUP-C: average-data (12 kg) then the cradle-to-gate part of a whole-life footprint (15 kg): a method switch.
        let c = try #require(bySupplier["SUP-C"])
        #expect(c.parts == ChangeAttribution.Parts(activity: 0, methodSwitch: 3 * Self.kg, figures: 0))
        #expect(c.switches.keys.first == ChangeAttribution.MethodSwitch(from: .averageData, to: .supplierWholeLifeGatePart))

        // The parts sum exactly, per supplier and in total, to the change of the stored inventories.
        for change in parts.suppliers + [parts.total] { #expect(change.parts.total == change.after - change.before, "\(change.key)") }
        #expect(parts.total.parts == ChangeAttribution.Parts(activity: 260 * Self.kg, methodSwitch: -277 * Self.kg, figures: 180 * Self.kg))
        #expect(parts.total.delta == second.aggregate.total.totalNanoKg - first.aggregate.total.totalNanoKg)
        let cells = (first.aggregate.cells(.supplier), second.aggregate.cells(.supplier))
        for change in parts.suppliers {
            let delta = (cells.1[change.key]?.totalNanoKg ?? 0) - (cells.0[change.key]?.totalNanoKg ?? 0)
            #expect(change.delta == delta, "\(change.key)")
        }
        // Largest change first.
        #expect(parts.suppliers.map(\.key) == ["SUP-B", "SUP-A", "SUP-C"])

        // The JSON: exact decimals; the text labels SUP-A's fall as a method switch.
        let json = parts.json().rendered()
        #expect(json.contains(#""method_switch_kgco2e": -277"#), "\(json)")
        #expect(json.contains(#""from_boundary": "spend-based (purchaser price, incl. transport and trade margins)""#))
        let notes = parts.methodSwitchNotes()
        #expect(notes.count == 2, "SUP-A and SUP-C: \(notes)")
        #expect(notes.first?.hasPrefix("SUP-A: -0.3 t, of which -0.3 t is a method switch (1 line spend-based") == true, "\(notes)")
        #expect(parts.text().contains("Mostly a method switch:"))
        #expect(
            parts.summary == "Of which: activity +0.3 t, method switch -0.3 t, figures +0.2 t",
            "the total's activity and figures outweigh its switch"
        )
    }

    @Test func sameRunsHaveNoParts() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let (first, _) = try Self.twoRuns(t)
        let parts = try t.workspace.runs.changeAttribution(before: first.id, after: first.id)
        #expect(parts.suppliers.isEmpty && parts.total.parts.isZero && parts.total.delta == 0)
        #expect(parts.total.before == first.aggregate.total.totalNanoKg)
    }

    /// With a reporter (a web job), the split reports the lines of both runs, verified then read,
    /// each run's share its share of the lines, and the same parts as without.
    @Test func splitReportsTheLinesOfBothRuns() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let (first, second) = try Self.twoRuns(t)
        let updates = Mutex<[ProgressUpdate]>([])
        let reporter = ProgressReporter(task: "runs diff", interval: .zero) { u in updates.withLock { $0.append(u) } }
        let parts = try t.workspace.runs.changeAttribution(before: first.id, after: second.id, progress: ProgressPart(reporter))
        let plain = try t.workspace.runs.changeAttribution(before: first.id, after: second.id)
        #expect(parts.total.parts == plain.total.parts && parts.suppliers.map(\.key) == plain.suppliers.map(\.key))
        let seen = updates.withLock { $0 }
        let phases = seen.map(\.phase).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(
            phases == [
                "reading the reference data", "verifying run #\(first.id)", "reading run #\(first.id)", "reading the reference data",
                "verifying run #\(second.id)", "reading run #\(second.id)",
            ]
        )
        // Every phase ends with all its lines counted; the fraction never goes back, and only the job finishes it.
        for (phase, lines) in [
            ("verifying run #\(first.id)", first.lineCount), ("reading run #\(first.id)", first.lineCount),
            ("verifying run #\(second.id)", second.lineCount), ("reading run #\(second.id)", second.lineCount),
        ] {
            #expect(seen.filter { $0.phase == phase }.map(\.done).max() == Int64(lines), "\(phase)")
            #expect(seen.first { $0.phase == phase }?.total == Int64(lines))
        }
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.fraction <= $1.fraction })
        let split = Double(first.lineCount) / Double(first.lineCount + second.lineCount)
        #expect(seen.first { $0.phase == "verifying run #\(second.id)" }.map { abs($0.fraction - split) < 1e-9 } == true)
        #expect(seen.last.map { !$0.finished && $0.percent < 100 } == true)
    }

    /// `runs lines` and the stateless `--lines-out` write the same `method_boundary`, the last provenance column.
    @Test func methodBoundaryOnBothPaths() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let (first, second) = try Self.twoRuns(t)
        var earlier: [String: String] = [:]
        var later: [String: String] = [:]
        _ = try t.workspace.runs.runLines(id: first.id) {
            earlier[$0.purchaseID] = RunLinesCSV.fields($0)[RunLinesCSV.columns.firstIndex(of: "method_boundary")!]
        }
        _ = try t.workspace.runs.runLines(id: second.id) { later[$0.purchaseID] = $0.provenance.methodBoundary?.label }
        #expect(ProvenanceCSV.columns.last == "method_boundary")
        #expect(
            earlier == [
                "P1": "spend-based (purchaser price, incl. transport and trade margins)",
                "P2": "hybrid (supplier's Scopes 1, 2 and upstream 3 per revenue)",
                "P3": "hybrid (supplier's Scopes 1, 2 and upstream 3 per revenue)", "P5": "average-data (cradle-to-gate)",
            ]
        )
        #expect(
            later == [
                "P1": "supplier-specific, cradle-to-gate", "P2": "hybrid (supplier's Scopes 1, 2 and upstream 3 per revenue)",
                "P4": "hybrid (supplier's Scopes 1, 2 and upstream 3 per revenue)",
                "P5": "supplier-specific, cradle-to-gate part of a cradle-to-grave figure (use phase excluded)",
            ]
        )

        // The stateless path on the same files as run 2.
        let folder = t.folder + "/run2"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in [
            ("suppliers.csv", Self.suppliers), ("rates.csv", Self.rates), ("factors.csv", Self.factors),
            ("supplier_emissions.csv", Self.newDisclosures), ("product_footprints.csv", Self.footprints), ("purchases.csv", Self.newPurchases),
        ] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let reference = try ReferenceDataReader.read(directory: folder)
        let scanner = LedgerScanner(engine: InventoryEngine(reference: reference), options: .init(threads: 1))
        var bytes: [UInt8] = []
        _ = try scanner.scan(path: folder + "/purchases.csv", displayName: "purchases.csv") { bytes.append(contentsOf: $0) }
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: Data(bytes), file: "lines.csv", diagnostics: &diagnostics)
        #expect(table.header.last == "method_boundary")
        var stateless: [String: String] = [:]
        for row in table.rows { stateless[row.fields[1]] = row.fields.last }
        #expect(stateless == later)
    }

    @Test(
        arguments: [
            (
                "US EPA Supply Chain GHG Emission Factors v1.3.0, column 'Supply Chain Emission Factors with Margins'",
                MethodBoundary.spendPurchaserPrice
            ),
            ("kg CO2e/2022 USD purchaser price", .spendPurchaserPrice),
            ("Supply Chain Emission Factors without Margins", .spendProducerPrice),
            ("EXIOBASE, basic prices", .spendProducerPrice),
            ("a consultant's table", .spendPriceNotStated),
        ]
    )
    func spendBoundaryFromTheFactorsSource(source: String, boundary: MethodBoundary) {
        let factor = EmissionFactor(
            category: "x",
            name: "x",
            kgPerUnit: 1,
            basis: .spend(currency: CurrencyCode("USD")!, priceYear: nil),
            source: source
        )
        #expect(MethodBoundary(factor: factor) == boundary)
    }
}
