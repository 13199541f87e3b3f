import ArgumentParser
import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint report`: the latest run (or `--run ID`) grouped every way users ask for.
    struct Report: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, markdown }

        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Report a calculation run by Scope 3 category, factor category, supplier, method, month and customer.",
            discussion: """
                Each group shows its lines, emissions, share of the total, spend per currency and method mix. \
                The JSON keeps the keys of 'calculate --json' and adds 'run' and 'groupings'.
                """
        )

        @Option(name: .customLong("run"), help: "The run to report (default: the latest).") var runID: Int64?
        @Option(name: .long, help: "table, csv, json or markdown.") var format: Format = .table
        @Option(
            name: .long,
            parsing: .upToNextOption,
            help: "Groupings: \(InventoryReport.Grouping.allCases.map(\.rawValue).joined(separator: ", ")) (default: all)."
        )
        var by: [String] = []
        @Option(name: .long, help: "Rows per grouping in the table and Markdown formats (default: all).") var limit: Int?
        @Flag(
            name: .long,
            help:
                "Only the corporate inventory (Scope 1, Scope 2 on both bases, Scope 3 by category 1-15), in any format; csv gives scope, part, kgco2e, note."
        )
        var corporate = false
        @Option(
            name: .long,
            help:
                "An earlier run to compare with: the change per supplier split into activity, method switch and figures, and the suppliers whose change is mostly a method switch (table, markdown, json)."
        )
        var since: Int64?
        @Option(
            name: .long,
            help:
                "A reporting period (2024 or FY2024, or latest): its published run when it is closed, with any later run that differs shown as a restatement; else its latest run."
        )
        var period: String?
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            var groupings: [InventoryReport.Grouping] = []
            for name in by {
                guard let g = InventoryReport.Grouping(rawValue: name) else {
                    throw ValidationError(
                        "unknown grouping '\(name)'; expected one of \(InventoryReport.Grouping.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                groupings.append(g)
            }
            if groupings.isEmpty { groupings = InventoryReport.Grouping.allCases }
            let ws = try workspace.open()
            if runID != nil && period != nil {
                throw ValidationError("--run and --period name the run two ways; give one (a closed period's published run is what --period reports)")
            }
            let (r, closing) = try reportedRun(ws)
            // The published figure is never replaced silently: a closed period's later run that differs is shown beside it.
            let restatement = try closing.flatMap { c in
                try report { () throws(WorkspaceError) in try ws.runs.restatement(of: c.period, run: r.id == c.runID ? nil : r.id) }
            }
            if since != nil && (format == .csv || self.corporate) {
                throw ValidationError(
                    "--since is shown in the table, markdown and json formats of the full report, not with --format csv or --corporate"
                )
            }
            let change = try since.map { earlier in
                let later = r.id
                return (earlier, try report { () throws(WorkspaceError) in try ws.runs.changeAttribution(before: earlier, after: later) })
            }
            let names = (try? ws.imports.supplierNames()) ?? [:]
            let reports = groupings.map { InventoryReport(r.aggregate, by: $0, labels: $0 == .supplier ? names : [:]) }
            // The period's latest run, when the workspace's inputs have changed since it: a restatement to calculate.
            let pending = try closing.flatMap { c in
                try report { () throws(WorkspaceError) -> Int64? in
                    guard let latest = try ws.runs.latestRun(of: c.period), try !ws.runs.isUpToDate(latest) else { return nil }
                    return latest.id
                }
            }
            let note = closing.map { PeriodsOutput.closingNote($0, reported: r, pending: pending) }
            if format == .csv, let closing, let note, closing.runID != r.id || pending != nil { printError(note) }
            if format == .csv && !self.corporate {
                // The groupings alone: no need to read the run's activity files.
                let currencies = r.aggregate.total.spend.keys.sorted()
                var lines = [InventoryReport.csvHeader(currencies: currencies)]
                for report in reports { lines += report.csvRows(currencies: currencies) }
                for line in lines { print(line.map(Self.csvField).joined(separator: ",")) }
                return
            }
            let corporate = try report { () throws(WorkspaceError) in try ws.runs.corporateInventory(r) }
            let scopes = try restatement.map { x in
                let restated = try report { () throws(WorkspaceError) in try ws.runs.corporateInventory(x.restated) }
                let published =
                    x.published.id == r.id ? corporate : try report { () throws(WorkspaceError) in try ws.runs.corporateInventory(x.published) }
                return PeriodsOutput.scopeRows(published: published.inventory, restated: restated.inventory)
            }
            let restated = restatement.flatMap { x in scopes.map { (x, $0) } }
            if self.corporate { return printCorporate(corporate, run: r, closing: closing, note: note, pending: pending, restatement: restated) }
            switch format {
            case .json:
                var doc = CorporateOutput.json(corporate)
                if case .object(var m) = doc {
                    m.append(("run", RunDescription.json(r)))
                    m.append(("groupings", .object(reports.map { ($0.grouping.rawValue, $0.json()) })))
                    m += Self.periodMembers(closing: closing, pending: pending, restatement: restated)
                    if let (earlier, parts) = change {
                        m.append(
                            (
                                "change_since",
                                .object(
                                    [("run", .integer(Int(earlier))), ("notes", .array(parts.methodSwitchNotes().map { .string($0) }))]
                                        + Self.members(parts.json())
                                )
                            )
                        )
                    }
                    doc = .object(m)
                }
                print(doc.rendered())
            case .csv:
                break  // above
            case .markdown:
                print("## Scope 3 inventory, run #\(r.id)\(RunDescription.period(r).map { ", reporting period \($0)" } ?? "")\n")
                print(
                    "Total \(InventorySummary.tonnes(r.aggregate.total.kg)) t CO2e from \(r.lineCount) lines; "
                        + "supplier data \(InventorySummary.percent(r.summary.supplierDataShare)).\n"
                )
                if let note { print(note + "\n") }
                print(corporate.inventory.markdown())
                if let (x, scopes) = restated { print(PeriodsOutput.markdown(x, scopes: scopes)) }
                if let (earlier, parts) = change { print(Self.markdown(parts, since: earlier, limit: limit)) }
                for report in reports { print(report.markdown(limit: limit)) }
                let reconciliation = r.summary.reconciliationText()
                if !reconciliation.isEmpty { print("```" + reconciliation + "```") }
            case .table:
                print(RunDescription.headline(r))
                print(
                    "Total \(InventorySummary.tonnes(r.aggregate.total.kg)) t CO2e from \(r.lineCount) lines; "
                        + "supplier data (supplier-specific + hybrid) \(InventorySummary.percent(r.summary.supplierDataShare)) of emissions\n"
                )
                if let note { print(note) }
                print(corporate.inventory.text())
                if let (x, scopes) = restated { print(PeriodsOutput.text(x, scopes: scopes, limit: limit ?? 10)) }
                if let (earlier, parts) = change {
                    print(
                        "Change since run #\(earlier): \(ChangeAttribution.signedTonnes(parts.total.delta)) t CO2e. \(parts.summary)\n"
                            + parts.text(limit: limit ?? .max)
                    )
                }
                for report in reports { print(report.table(limit: limit)) }
                print(r.summary.reconciliationText(), terminator: "")
            }
        }

        /// The run `--run` or `--period` names (default: the latest), and the closing in force of its period.
        func reportedRun(_ ws: Workspace) throws -> (CalculationRun, PeriodClosing?) {
            guard let text = period else {
                let wanted = runID
                let r = try report { () throws(WorkspaceError) in try ws.runs.run(id: wanted) }
                guard let p = r.period else { return (r, nil) }
                return (r, try report { () throws(WorkspaceError) in try ws.runs.closing(of: p) })
            }
            let p = try Periods.period(text, ws)
            let closing = try report { () throws(WorkspaceError) in try ws.runs.closing(of: p) }
            if let closing { return (try report { () throws(WorkspaceError) in try ws.runs.run(id: closing.runID) }, closing) }
            guard let latest = try report({ () throws(WorkspaceError) in try ws.runs.latestRun(of: p) }) else {
                throw failure("\(p.name) has no calculation run yet: run 'footprint calculate --period \(p.name)' first")
            }
            return (latest, nil)
        }

        /// The JSON members `period_close` (the closing in force of the run's period, or null),
        /// `restatement_pending` (whether the period's latest run is behind the workspace's inputs; null
        /// when the period is open) and `restatement` (or null).
        static func periodMembers(
            closing: PeriodClosing?,
            pending: Int64?,
            restatement: (Restatement, [PeriodsOutput.ScopeRow])?
        ) -> [(String, JSONValue)] {
            [
                ("period_close", closing.map { .object(PeriodsOutput.json($0)) } ?? .null),
                ("restatement_pending", closing == nil ? .null : .bool(pending != nil)),
                ("restatement", restatement.map { PeriodsOutput.json($0.0, scopes: $0.1) } ?? .null),
            ]
        }

        /// `report --corporate`: the corporate inventory alone (with the closing and restatement of its period).
        func printCorporate(
            _ result: CorporateResult,
            run r: CalculationRun,
            closing: PeriodClosing?,
            note: String?,
            pending: Int64?,
            restatement: (Restatement, [PeriodsOutput.ScopeRow])?
        ) {
            let c = result.inventory
            switch format {
            case .json:
                var doc = CorporateOutput.json(result)
                if case .object(var m) = doc {
                    m.append(("run", RunDescription.json(r)))
                    m += Self.periodMembers(closing: closing, pending: pending, restatement: restatement)
                    doc = .object(m)
                }
                print(doc.rendered())
            case .csv:
                print("scope,part,kgco2e,note")
                for row in c.csvRows { print(row.map(Self.csvField).joined(separator: ",")) }
            case .markdown:
                if let note { print(note + "\n") }
                print(c.markdown())
                if let downstream = result.downstream { print("```\n" + downstream.text() + "```\n") }
                if let avoided = result.avoided { print("```\n" + avoided.text() + "```\n") }
                if let (x, scopes) = restatement { print(PeriodsOutput.markdown(x, scopes: scopes)) }
            case .table:
                print(RunDescription.headline(r))
                if let note { print(note) }
                print(c.text())
                // Sold products and take-back: the parts of Categories 11, 12 and 5, the waste indicators and KPIs.
                if let downstream = result.downstream { print(downstream.text()) }
                // Avoided emissions, reported apart: not subtracted from any figure of the inventory.
                if let avoided = result.avoided { print(avoided.text()) }
                if let (x, scopes) = restatement { print(PeriodsOutput.text(x, scopes: scopes, limit: limit ?? 10)) }
            }
        }

        /// The members of a JSON object.
        static func members(_ value: JSONValue) -> [(String, JSONValue)] {
            if case .object(let m) = value { return m }
            return []
        }

        /// The change since an earlier run in Markdown: the parts in total, and the suppliers whose change is mostly a method switch.
        static func markdown(_ parts: ChangeAttribution, since earlier: Int64, limit: Int?) -> String {
            var out = "### Change since run #\(earlier)\n\n"
            out += "\(ChangeAttribution.signedTonnes(parts.total.delta)) t CO2e. \(parts.summary).\n"
            let notes = parts.methodSwitchNotes(limit: limit ?? .max)
            if !notes.isEmpty { out += "\nMostly a method switch:\n\n" + notes.map { "- \($0)\n" }.joined() }
            return out
        }

        static func csvField(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
    }
}
