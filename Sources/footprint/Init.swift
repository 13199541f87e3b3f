import ArgumentParser
import FootprintStore

extension Footprint {
    /// `footprint init`: creates a workspace.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a workspace: an SQLite database with the built-in factor library installed.",
            discussion: "Does nothing to a workspace that exists but bring its schema up to date."
        )

        @OptionGroup var workspace: WorkspaceOption

        @Option(
            name: .customLong("fiscal-year-start"),
            help:
                "The month (1-12) the fiscal year starts in (default 1, the calendar year); change it later with 'footprint settings fiscal-year-start'."
        )
        var fiscalYearStart: Int?

        func validate() throws {
            if let fiscalYearStart, !(1...12).contains(fiscalYearStart) { throw ValidationError("--fiscal-year-start must be 1 to 12") }
        }

        func run() throws {
            let path = workspace.path
            let (ws, created) = try report { () throws(WorkspaceError) in try Workspace.create(path: path) }
            if let month = fiscalYearStart { _ = try report { () throws(WorkspaceError) -> Int in try ws.setFiscalYearStartMonth(month) } }
            let libraries = try report { () throws(WorkspaceError) in try ws.imports.libraries() }
            if created {
                print("Created workspace \(path)")
            } else {
                print("Workspace \(path) exists; its schema is up to date")
            }
            let month = try report { () throws(WorkspaceError) in try ws.fiscalYearStartMonth() }
            print("  fiscal year starts in month \(month)\(month == 1 ? " (the calendar year)" : "")")
            for library in libraries where library.active {
                print("  factor library \(library.label): \(library.factorCount) factors (\(library.title))")
            }
        }
    }
}
