import ArgumentParser
import FootprintStore

extension Footprint {
    /// `footprint settings`: the workspace's settings that change what a calculation computes.
    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings",
            abstract: "Show or change the workspace's settings (the fiscal year).",
            subcommands: [FiscalYearStart.self],
            defaultSubcommand: FiscalYearStart.self
        )

        /// `footprint settings fiscal-year-start [MONTH]`.
        struct FiscalYearStart: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "fiscal-year-start",
                abstract: "Show, or set, the month (1-12) the fiscal year starts in (1: the calendar year, the default).",
                discussion: """
                    A fiscal year is named by the year it ends: starting in July, 2024 runs from 2023-07-01 to 2024-06-30. \
                    Runs already stored keep their periods; the next 'footprint calculate' computes its period in full.
                    """
            )
            @Argument(help: "The month the fiscal year starts in, 1 to 12.") var month: Int?
            @OptionGroup var workspace: WorkspaceOption

            func validate() throws {
                if let month, !(1...12).contains(month) { throw ValidationError("the month must be 1 to 12") }
            }

            func run() throws {
                let ws = try workspace.open()
                if let month { _ = try report { () throws(WorkspaceError) -> Int in try ws.setFiscalYearStartMonth(month) } }
                let current = try report { () throws(WorkspaceError) in try ws.fiscalYearStartMonth() }
                print("Fiscal year starts in month \(current)\(current == 1 ? " (the calendar year)" : "")")
            }
        }
    }
}

/// `--period`: a fiscal year (`2024`, `FY2024`), `latest` or `all`.
func periodSelection(_ text: String?) throws -> PeriodSelection {
    guard let text else { return .latest }
    switch text.lowercased() {
    case "latest": return .latest
    case "all": return .all
    default:
        var t = Substring(text)
        if t.lowercased().hasPrefix("fy") { t = t.dropFirst(2) }
        guard t.count == 4, t.allSatisfy(\.isASCII), let year = Int(t), year > 0 else {
            throw ValidationError("--period takes a fiscal year (2024 or FY2024, named by the year it ends), 'latest' or 'all'; not '\(text)'")
        }
        return .fiscalYear(year)
    }
}
