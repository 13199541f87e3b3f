import ArgumentParser
import Dispatch
import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint calculate --data DIR`: the inventory of a folder of canonical files.
    struct Calculate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "calculate",
            abstract: "Compute the Scope 3 inventory of a folder of canonical CSV files.",
            discussion: """
                The folder holds purchases.csv and factors.csv, and optionally suppliers.csv, rates.csv, \
                price_index.csv, supplier_emissions.csv, supplier_allocations.csv, product_footprints.csv and manufacturers.csv (see docs/formats.md). \
                Each purchase line is computed with the first method that applies: supplier-specific, \
                hybrid, average-data, spend-based; a line none applies to is unmapped and counted with its \
                spend and reason. With --period, lines dated outside the fiscal year are counted, not computed; \
                lines of excluded categories (payroll, taxes, ... and categories.csv) are counted under their reason \
                (docs/inventory.md). Bad input is reported as file:line: column 'name': problem, and nothing is computed.
                """
        )

        @Option(
            name: .long,
            help: "A folder of canonical CSV files to compute statelessly; without it, the workspace is calculated and the run stored."
        )
        var data: String?

        @Flag(name: .long, help: "Workspace: recompute every line, even when only some suppliers' data changed.")
        var full = false

        @OptionGroup var workspace: WorkspaceOption

        @OptionGroup var periodOption: PeriodOption

        @OptionGroup var progressOption: ProgressOption

        @Flag(name: .long, help: "Print the machine-readable summary (JSON) instead of the readable one.")
        var json = false

        @Option(name: .customLong("lines-out"), help: "Write one CSV row per purchase line, with its method, emissions and provenance, to this file.")
        var linesOut: String?

        @Option(name: .long, help: "Threads that read and compute (default: the number of cores).")
        var threads: Int?

        @Flag(name: .long, help: "Workspace: keep running, and calculate again each time something is committed to the workspace (Ctrl-C stops).")
        var watch = false

        @Option(name: .long, help: "With --watch: seconds between looks for changes (default 1).")
        var interval: Double = 1

        func validate() throws {
            if watch && data != nil { throw ValidationError("--watch applies to the workspace, not to --data") }
            if interval <= 0 { throw ValidationError("--interval must be a positive number of seconds") }
            if data == nil && periodOption.fiscalYearStart != nil {
                throw ValidationError(
                    "a workspace's fiscal year is its setting: 'footprint settings fiscal-year-start MONTH' (or init --fiscal-year-start)"
                )
            }
        }

        func run() throws {
            guard let directory = data else { return try runWorkspace() }
            try runData(directory)
        }

        /// Calculates the workspace and stores the run.
        func runWorkspace() throws {
            if linesOut != nil {
                throw ValidationError("--lines-out applies to --data; for a workspace run use 'footprint runs lines RUN --out FILE'")
            }
            let ws = try workspace.open()
            let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
            let selection = try periodSelection(periodOption.period)
            if watch { return try watchWorkspace(ws, threads: threads, period: selection) }
            let (progress, display) = CommandProgress.start("calculate", progressOption)
            let run = try report { () throws(WorkspaceError) in
                defer { display?.close() }
                return try ws.runs.calculate(CalculationOptions(full: full, threads: threads, period: selection, progress: progress))
            }
            // The new run is copied from the write-ahead log into the database file while it is printed,
            // instead of when the workspace closes.
            let checkpoint = DispatchGroup()
            if !run.upToDate {
                DispatchQueue(label: "footprint.checkpoint").async(group: checkpoint) {
                    do throws(WorkspaceError) { try ws.runs.checkpoint() } catch { CommandLogging.logger.phase("checkpoint: \(error)") }
                }
            }
            defer { checkpoint.wait() }
            let corporate = try report { () throws(WorkspaceError) in try ws.runs.corporateInventory(run) }
            // A closed period keeps its published run: a new run of it is a restatement, said so.
            let closing = try run.period.flatMap { p in try report { () throws(WorkspaceError) in try ws.runs.closing(of: p) } }
            if json {
                defer { CommandLogging.logger.phase("printed") }
                var document = CorporateOutput.json(corporate)
                if case .object(var members) = document {
                    members.append(("run", RunDescription.json(run)))
                    members.append(("period_close", closing.map { .object(PeriodsOutput.json($0)) } ?? .null))
                    document = .object(members)
                }
                print(document.rendered())
                return
            }
            print(RunDescription.headline(run))
            if let closing, closing.runID != run.id {
                print(
                    "\(closing.period.name) is closed: its published figure stays run #\(closing.runID); this run is a restatement of it "
                        + "('footprint report --period \(closing.period.name)' shows both)."
                )
            }
            print("")
            let names = (try? ws.imports.supplierNames()) ?? [:]
            print(run.summary.text(supplierNames: names), terminator: "")
            print(CorporateOutput.text(corporate, hasActivity: false), terminator: "")
        }
    }
}
