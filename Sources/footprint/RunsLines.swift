import ArgumentParser
import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

extension Footprint.Runs {
    /// `footprint runs show RUN`: what a run read and computed, with its lines checked.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract:
                "Show a run: what it read (imports with their hashes, factor libraries with their versions), its totals, and its lines checked.",
            discussion: """
                Every line of the run is evaluated again with the imports and factor libraries the run recorded (not the ones \
                active now) and compared, bit for bit, with the figure the run stored; any difference is an error naming the line.
                """
        )
        @Argument(help: ArgumentHelp("The run (its number in 'footprint runs').", valueName: "run")) var id: Int64
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            let verification = try report { () throws(WorkspaceError) in try ws.runs.verifyRun(id: id) }
            let r = verification.run
            print(RunDescription.headline(r))
            print(
                "Created \(r.createdAt) UTC"
                    + (r.parentID.map { "; updates run #\($0), whose results it keeps for the lines it did not recompute" } ?? "")
            )
            let closings = try report { () throws(WorkspaceError) in try ws.runs.periodClosings() }.filter { $0.period == r.period }
            for c in closings where c.runID == r.id {
                print(
                    "Published figure of \(c.period.name): closed on it \(c.closedAt.prefix(19)) UTC by \(c.closedBy)"
                        + (c.reopened.map { "; reopened \($0.at.prefix(19)) UTC by \($0.by): \($0.reason)" } ?? "")
                )
            }
            if let c = closings.last(where: \.inForce), c.runID != r.id {
                print(
                    "\(c.period.name) is closed on run #\(c.runID): this run is \(r.id > c.runID ? "a restatement of it" : "an earlier run"), not the published figure"
                )
            }
            let imports = try report { () throws(WorkspaceError) in try ws.imports.list() }
            let status = Dictionary(imports.map { ($0.id, $0.status.rawValue) }, uniquingKeysWith: { a, _ in a })
            print("\nImports read")
            printTable(
                ["import", "kind", "file", "sha256", "status now"],
                r.inputs.imports.map { ["#\($0.importID)", $0.kind, $0.file, $0.sha256, status[$0.importID] ?? "?"] }
            )
            let libraries = try report { () throws(WorkspaceError) in try ws.imports.libraries() }
            let active = Dictionary(libraries.map { ($0.id, $0.active) }, uniquingKeysWith: { a, _ in a })
            print("\nFactor libraries, in precedence order")
            printTable(
                ["library", "version", "sha256", "status now"],
                r.inputs.libraries.map {
                    ["\($0.key) (#\($0.id))", $0.version, $0.sha256 ?? "(built in)", active[$0.id].map { $0 ? "active" : "inactive" } ?? "?"]
                }
            )
            let total = r.aggregate.total
            print("\nTotals: \(InventorySummary.tonnes(total.kg)) t CO2e (\(total.kg) kg) from \(r.lineCount) lines")
            var rows: [[String]] = CalculationMethod.allCases.map { m in
                [m.name, String(total.lines[Int(m.rawValue)]), InventorySummary.tonnes(total.kg(m))]
            }
            rows.append([CalculationMethod.unmappedName, String(total.lines[4]), "-"])
            if verification.outsidePeriodLines > 0 { rows.append([LineOutcome.outsidePeriodName, String(verification.outsidePeriodLines), "-"]) }
            if verification.excludedLines > 0 { rows.append([LineOutcome.excludedName, String(verification.excludedLines), "-"]) }
            printTable(["method", "lines", "t CO2e"], rows)
            var verified =
                "\nLines: \(verification.lines) verified: each evaluated again with the run's recorded inputs gives the stored method and kg, bit for bit"
            if verification.inheritedLines > 0 { verified += " (\(verification.inheritedLines) of them stored by earlier runs of its chain)" }
            print(verified + "; their sum is \(verification.kg) kg.")
            print("Export them with 'footprint runs lines \(r.id) --out FILE'.")
        }
    }

    /// `footprint runs lines RUN`: one CSV row per purchase line of a run, with its provenance.
    struct Lines: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lines",
            abstract: "Write one CSV row per purchase line of a run: its input fields, method, kg CO2e and provenance.",
            discussion: """
                Lines are in import id, then source line order. The reference data is loaded as the run read it, every line \
                is evaluated again and checked, bit for bit, against the stored figure; any difference stops the export with \
                an error naming the line. The columns are described in docs/workspace-audit.md.
                """
        )
        @Argument(help: ArgumentHelp("The run (its number in 'footprint runs').", valueName: "run")) var id: Int64
        @Option(name: .long, help: "Write to this file (it appears whole, or not at all) instead of standard output.") var out: String?
        @Option(name: .long, help: "Only the lines of this supplier id.") var supplier: String?
        @Option(name: .long, help: "Only the lines of this factor category.") var category: String?
        @Option(name: .long, help: "Only the lines of this method: supplier-specific, hybrid, average-data, spend-based or unmapped.") var method:
            String?
        @Option(name: .long, help: "At most this many lines.") var limit: Int?
        @OptionGroup var workspace: WorkspaceOption

        func validate() throws {
            if let method, !RunLineFilter.methodNames.contains(method) {
                throw ValidationError("unknown method '\(method)'; expected one of \(RunLineFilter.methodNames.joined(separator: ", "))")
            }
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        }

        func run() throws {
            let ws = try workspace.open()
            let filter = RunLineFilter(supplier: supplier, category: category, method: method, limit: limit)
            let file = try out.map { path in try report { () throws -> AtomicOutputFile in try AtomicOutputFile(path: path) } }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(1 << 20)
            func flush() {
                buffer.withUnsafeBytes { bytes in
                    if let file { file.write(bytes) } else if bytes.count > 0 { FileHandle.standardOutput.write(Data(bytes)) }
                }
                buffer.removeAll(keepingCapacity: true)
            }
            buffer.append(contentsOf: RunLinesCSV.header.utf8)
            do {
                let verification = try report { () throws(WorkspaceError) in
                    try ws.runs.runLines(id: id, filter: filter) { line in
                        buffer.append(contentsOf: RunLinesCSV.row(line).utf8)
                        if buffer.count >= 1 << 20 { flush() }
                    }
                }
                flush()
                if let file { try report { () throws in try file.commit() } }
                if let out {
                    printError(
                        "Wrote \(verification.written) of the \(verification.lines) lines of run #\(id) to \(out); all \(verification.lines) lines verified."
                    )
                }
                if verification.biogenicUptakeKg != 0 {
                    printError(
                        "Biogenic CO2 uptake of these lines (PACT footprints), reported apart and not in any total: \(verification.biogenicUptakeKg) kg CO2e."
                    )
                }
            } catch {
                file?.discard()
                throw error
            }
        }
    }
}
