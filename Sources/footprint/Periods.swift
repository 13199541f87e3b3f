import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint periods`: closing a reporting period on its published run, reopening it, the history.
    struct Periods: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "periods",
            abstract: "Close a reporting period on its published run, reopen it, or list the closings.",
            discussion: """
                A closed period's published figure is the run it was closed on, whatever is imported afterwards; \
                a later run of the period that differs is shown by 'report --period' as a restatement beside it \
                (docs/workspace-audit.md).
                """,
            subcommands: [List.self, Close.self, Reopen.self],
            defaultSubcommand: List.self
        )

        /// The period a command names (2024, FY2024 or latest), with the workspace's fiscal year.
        static func period(_ text: String, _ ws: Workspace) throws -> ReportingPeriod {
            let selection = try periodSelection(text)
            if case .all = selection {
                throw ValidationError("'all' is not a reporting period; name a fiscal year such as 2024 or FY2024")
            }
            if case .fiscalYear(let year) = selection {
                let month = try report { () throws(WorkspaceError) in try ws.fiscalYearStartMonth() }
                guard let period = ReportingPeriod(fiscalYear: year, startMonth: month) else {
                    throw ValidationError("'\(text)' is not a fiscal year; expected the year the fiscal year ends in, such as 2024 or FY2024")
                }
                return period
            }
            let period = try report { () throws(WorkspaceError) in try ws.runs.reportingPeriod(selection) }
            guard let period else { throw ValidationError("'\(text)' is not a reporting period") }
            return period
        }

        /// Who closes or reopens: `--by`, else the operating system's user name.
        static func user(_ by: String?) -> String {
            if let by { return by }
            let environment = ProcessInfo.processInfo.environment
            return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
        }

        /// `2024 (2024-01-01 to 2024-12-31)`, `FY2024 (2023-07-01 to 2024-06-30)`.
        static func describe(_ period: ReportingPeriod) -> String {
            "\(period.name) (\(period.startText) to \(period.endText))"
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List every closing of a reporting period, reopened ones included."
            )
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            func run() throws {
                let ws = try workspace.open()
                let closings = try report { () throws(WorkspaceError) in try ws.runs.periodClosings() }
                var latest: [ReportingPeriod: CalculationRun] = [:]
                var published: [Int64: CalculationRun] = [:]
                for c in closings {
                    if latest[c.period] == nil, let run = try report({ () throws(WorkspaceError) in try ws.runs.latestRun(of: c.period) }) {
                        latest[c.period] = run
                    }
                    published[c.runID] = try report { () throws(WorkspaceError) in try ws.runs.run(id: c.runID) }
                }
                /// The later run of an in-force closing's period whose inventory differs from the published one.
                func restatedBy(_ c: PeriodClosing) -> CalculationRun? {
                    guard c.inForce, let l = latest[c.period], l.id > c.runID, l.aggregate != published[c.runID]?.aggregate else { return nil }
                    return l
                }
                if json {
                    return printJSONArray(closings) { c in
                        var members = PeriodsOutput.json(c)
                        members.append(
                            (
                                "published_kgco2e",
                                published[c.runID].map { .decimal(ChangeAttribution.exactKg($0.aggregate.total.totalNanoKg)) } ?? .null
                            )
                        )
                        members.append(("restated_by_run", restatedBy(c).map { .integer(Int($0.id)) } ?? .null))
                        return .object(members)
                    }
                }
                guard !closings.isEmpty else { return print("No period is closed: 'footprint periods close YEAR' closes one on its latest run.") }
                let rows = closings.map { c -> [String] in
                    let tonnes: String = published[c.runID].map { InventorySummary.tonnes($0.aggregate.total.kg) } ?? "-"
                    var note = ""
                    if let r = c.reopened {
                        note = "\(r.at.prefix(19)) by \(r.by): \(r.reason)"
                    } else if let later = restatedBy(c) {
                        note = "restated by run #\(later.id)"
                    }
                    let dates = "\(c.period.startText) to \(c.period.endText)"
                    return [
                        c.period.name, dates, c.inForce ? "closed" : "reopened", "#\(c.runID)", tonnes, String(c.closedAt.prefix(19)), c.closedBy,
                        note,
                    ]
                }
                printTable(["period", "dates", "status", "published run", "t CO2e", "closed (UTC)", "closed by", "reopened / restated"], rows)
            }
        }

        struct Close: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "close",
                abstract: "Close a reporting period: its run (default: its latest) becomes its published figure.",
                discussion: """
                    The run must be of the period and up to date with the workspace's inputs. Afterwards the period's \
                    published figure stays that run; a later calculation of the period is a restatement.
                    """
            )
            @Argument(help: "The period: a fiscal year named by the year it ends (2024 or FY2024), or latest.") var period: String
            @Option(name: .customLong("run"), help: "The run to publish (default: the period's latest run).") var runID: Int64?
            @Option(name: .long, help: "Who closes the period (default: the operating system's user name).") var by: String?
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                let period = try Periods.period(self.period, ws)
                let (wanted, who) = (runID, Periods.user(by))
                let closing = try report { () throws(WorkspaceError) in try ws.runs.closePeriod(period, run: wanted, by: who) }
                let run = try report { () throws(WorkspaceError) in try ws.runs.run(id: closing.runID) }
                print(
                    "Closed \(Periods.describe(period)) on run #\(run.id): \(InventorySummary.tonnes(run.aggregate.total.kg)) t CO2e "
                        + "(\(ChangeAttribution.exactKg(run.aggregate.total.totalNanoKg)) kg), by \(closing.closedBy) at \(closing.closedAt.prefix(19)) UTC"
                )
                print(
                    "Its published figure is run #\(run.id); a later calculation of \(period.name) is shown as a restatement by 'footprint report --period \(period.name)'."
                )
            }
        }

        struct Reopen: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "reopen",
                abstract: "Reopen a closed reporting period (an administrator's correction), with the reason, which is recorded."
            )
            @Argument(help: "The period: 2024 or FY2024.") var period: String
            @Option(name: .long, help: "Why the period is reopened (required; kept with the closing).") var reason: String
            @Option(name: .long, help: "Who reopens it (default: the operating system's user name).") var by: String?
            @OptionGroup var workspace: WorkspaceOption

            func validate() throws {
                if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    throw ValidationError("--reason must say why the period is reopened; it is recorded with the closing")
                }
            }

            func run() throws {
                let ws = try workspace.open()
                let period = try Periods.period(self.period, ws)
                let (why, who) = (reason, Periods.user(by))
                let closing = try report { () throws(WorkspaceError) in try ws.runs.reopenPeriod(period, reason: why, by: who) }
                print(
                    "Reopened \(Periods.describe(period)), closed on run #\(closing.runID) at \(closing.closedAt.prefix(19)) UTC by \(closing.closedBy); "
                        + "reopened by \(closing.reopened?.by ?? who): \(closing.reopened?.reason ?? why)"
                )
                print("Until it is closed again, its figure is its latest run; 'footprint periods close \(period.name)' publishes one.")
            }
        }
    }
}
