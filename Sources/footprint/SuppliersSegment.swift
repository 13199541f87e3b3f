import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

/// Spend in 10^-18 units per currency as exact decimal text, by currency code.
func spendText(_ spend: [CurrencyCode: Int128]) -> [String: String] {
    var out: [String: String] = [:]
    for (currency, units) in spend {
        var sum = DecimalSum()
        sum.units = units
        out[currency.description] = sum.description
    }
    return out
}

func formatShare(_ share: Double?) -> String { share.map { String(format: "%.1f%%", $0 * 100) } ?? "n/a" }

/// A row of `suppliers segment --json`.
struct SegmentItem: Encodable {
    var rank: Int
    var id: String
    var name: String?
    var flaggedStrategic: Bool
    var inStrategicSet: Bool
    var kg: Double
    var cumulativeShare: Double?
    /// Method name -> lines and kg.
    var lines: [String: Int]
    var kgByMethod: [String: Double]
    var movableKg: Double
    var spend: [String: String]

    enum CodingKeys: String, CodingKey {
        case rank, id, name, kg, lines, spend
        case flaggedStrategic = "flagged_strategic"
        case inStrategicSet = "in_strategic_set"
        case cumulativeShare = "cumulative_share"
        case kgByMethod = "kg_by_method"
        case movableKg = "movable_kg"
    }

    static let methodNames = CalculationMethod.allCases.map(\.name) + [CalculationMethod.unmappedName]

    init(_ e: SupplierSegmentation.Entry, total: Int128) {
        rank = e.rank
        id = e.supplier
        name = e.name
        flaggedStrategic = e.flaggedStrategic
        inStrategicSet = e.inStrategicSet
        kg = e.kg
        cumulativeShare = total > 0 ? Double(e.cumulativeNanoKg) / Double(total) : nil
        lines = Dictionary(uniqueKeysWithValues: Self.methodNames.enumerated().map { ($1, e.lines[$0]) })
        kgByMethod = Dictionary(uniqueKeysWithValues: Self.methodNames.enumerated().map { ($1, e.kg(method: $0)) })
        movableKg = e.movableKg
        spend = spendText(e.spend)
    }
}

/// `suppliers segment --json`.
struct SegmentReport: Encodable {
    var run: Int64
    var coverage: Double
    var totalKg: Double
    var strategicKg: Double
    var strategicShare: Double?
    var strategicCount: Int
    var suppliers: [SegmentItem]

    enum CodingKeys: String, CodingKey {
        case run, coverage, suppliers
        case totalKg = "total_kg"
        case strategicKg = "strategic_kg"
        case strategicShare = "strategic_share"
        case strategicCount = "strategic_count"
    }
}

extension Footprint.Suppliers {
    struct Segment: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "segment",
            abstract:
                "Rank a run's suppliers by emissions; the strategic set covering --coverage % of them, their method mix and what would move to supplier data."
        )
        @OptionGroup var workspace: WorkspaceOption
        @Option(name: .customLong("run"), help: "The run (default: the latest).") var runID: Int64?
        @Option(name: .long, help: "The share of the run's emissions the strategic set covers, in percent (default 80).") var coverage: Double = 80
        @Flag(name: .long, help: "Only the strategic set.") var strategic = false
        @Flag(name: .long, help: "Print JSON.") var json = false

        func validate() throws {
            guard coverage >= 0, coverage <= 100 else { throw ValidationError("--coverage \(coverage) is not a percentage between 0 and 100") }
        }

        func run() throws {
            let ws = try workspace.open()
            let (run, s) = try report { () throws(WorkspaceError) in try ws.suppliers.supplierSegmentation(runID: runID, coverage: coverage) }
            let entries = strategic ? s.strategicSet : s.entries
            if json {
                return try printJSON(
                    SegmentReport(
                        run: run,
                        coverage: coverage,
                        totalKg: s.totalKg,
                        strategicKg: Double(s.strategicNanoKg) / 1e9,
                        strategicShare: s.strategicShare,
                        strategicCount: s.strategicSet.count,
                        suppliers: entries.map { SegmentItem($0, total: s.totalNanoKg) }
                    )
                )
            }
            let rows = entries.map { e -> [String] in
                let mix = (0..<5).filter { e.lines[$0] != 0 }.map { "\(SegmentItem.methodNames[$0]) \(e.lines[$0])/\(formatKg(e.kg(method: $0)))" }
                return [
                    String(e.rank), e.supplier, e.name ?? "", e.inStrategicSet ? "yes" : "", e.flaggedStrategic ? "yes" : "", formatKg(e.kg),
                    formatShare(s.totalNanoKg > 0 ? Double(e.cumulativeNanoKg) / Double(s.totalNanoKg) : nil), formatKg(e.movableKg),
                    mix.joined(separator: "; "), spendText(e.spend).map { "\($0.value) \($0.key)" }.sorted().joined(separator: "; "),
                ]
            }
            printTable(["rank", "id", "name", "strategic set", "flagged", "kgCO2e", "cumulative", "movable kg", "methods (lines/kg)", "spend"], rows)
            print(
                "Run #\(run): \(s.strategicSet.count) of \(s.entries.count) suppliers cover \(formatShare(s.strategicShare)) of \(formatKg(s.totalKg)) kg CO2e (asked: \(coverage)%)."
            )
            print("Coverage is over all the run's Scope 3 emissions, every category; movable kg = spend-based + average-data kg.")
        }
    }
}
