import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint runs`: lists calculation runs; `runs diff A B` says what changed and why.
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "runs",
            abstract: "List calculation runs, show one, export its lines with their provenance, or compare two.",
            subcommands: [List.self, Show.self, Lines.self, Diff.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List every calculation run.")
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            func run() throws {
                let ws = try workspace.open()
                let runs = try report { () throws(WorkspaceError) in try ws.runs.list() }
                if json {
                    return printJSONArray(runs) { r in
                        if case .object(var m) = RunDescription.json(r) {
                            m.append(("total_kgco2e", .number(r.aggregate.total.kg)))
                            return .object(m)
                        }
                        return .null
                    }
                }
                guard !runs.isEmpty else { return print("No calculation runs yet: 'footprint calculate' makes one.") }
                let rows = runs.map { r in
                    [
                        "#\(r.id)", String(r.createdAt.prefix(19)), r.period.map { $0.startMonth == 1 ? String($0.year) : "FY\($0.year)" } ?? "all",
                        r.kind.rawValue + (r.parentID.map { " of #\($0)" } ?? ""), String(r.lineCount),
                        String(r.recomputedLines), InventorySummary.tonnes(r.aggregate.total.kg), String(format: "%.2f", r.seconds),
                        r.inputs.libraries.map { "\($0.key)@\($0.version)" }.joined(separator: ", "),
                    ]
                }
                printTable(["run", "created (UTC)", "period", "kind", "lines", "recomputed", "t CO2e", "seconds", "factor libraries"], rows)
            }
        }

        struct Diff: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "diff",
                abstract: "What changed between two runs, and why: by method, supplier, factor category and Scope 3 category.",
                discussion: """
                    The change is split, per supplier and in total, into activity (lines added or removed, amounts and \
                    quantities), method switch (the same line computed by another method or boundary) and figures (new \
                    disclosures, footprints, factors, rates), in that order; the parts sum exactly to the change. \
                    Both runs are read and verified line by line for it, as 'runs lines' does; --no-split skips that \
                    and compares the stored inventories only.
                    """
            )
            @Argument(help: "The earlier run.") var before: Int64
            @Argument(help: "The later run.") var after: Int64
            @Option(name: .long, help: "Rows shown per grouping.") var limit = 10
            @Flag(name: .long, help: "Print JSON.") var json = false
            @Flag(
                name: .long,
                help: "Do not split the change into activity, method switch and figures (which reads both runs line by line): the inventories only."
            )
            var noSplit = false
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                let a = try report { () throws(WorkspaceError) in try ws.runs.run(id: before) }
                let b = try report { () throws(WorkspaceError) in try ws.runs.run(id: after) }
                let diff = InventoryDiff(before: a.aggregate, after: b.aggregate)
                let why = RunInputsDiff(before: a.inputs, after: b.inputs)
                let (first, second) = (a.id, b.id)
                let parts =
                    noSplit ? nil : try report { () throws(WorkspaceError) in try ws.runs.changeAttribution(before: first, after: second) }
                if json {
                    var doc = diff.json()
                    if case .object(var m) = doc {
                        m.insert(("before", .integer(Int(a.id))), at: 0)
                        m.insert(("after", .integer(Int(b.id))), at: 1)
                        if let parts { m.append(("attribution", parts.json())) }
                        m.append(("why", .array(why.sentences.map { .string($0) })))
                        doc = .object(m)
                    }
                    return print(doc.rendered())
                }
                let delta = diff.totalAfter - diff.totalBefore
                print(
                    "Run #\(a.id) -> #\(b.id): \(InventorySummary.tonnes(diff.totalBefore)) -> \(InventorySummary.tonnes(diff.totalAfter)) t CO2e "
                        + "(\(delta >= 0 ? "+" : "-")\(InventorySummary.tonnes(abs(delta))) t, \(diff.totalBefore == 0 ? "-" : InventorySummary.percent(delta / diff.totalBefore)))"
                )
                if let parts, !parts.total.parts.isZero { print(parts.summary) }
                let sentences = why.sentences
                print(
                    sentences.isEmpty
                        ? "Inputs: the same imports and factor libraries" : "Why:\n" + sentences.map { "  - \($0)" }.joined(separator: "\n")
                )
                if let parts, !parts.suppliers.isEmpty { print("\n" + parts.text(limit: limit), terminator: "") }
                // A supplier's row says so when its change is mostly a method switch.
                let switched = Set(parts?.suppliers.filter(\.parts.isMostlyMethodSwitch).map(\.key) ?? [])
                for (grouping, changes) in diff.byDimension where !changes.isEmpty {
                    let rows = changes.prefix(limit).map { c in
                        [
                            c.key, InventorySummary.tonnes(c.kgBefore), InventorySummary.tonnes(c.kgAfter),
                            (c.delta >= 0 ? "+" : "-") + InventorySummary.tonnes(abs(c.delta)),
                            c.shiftText + (grouping == .supplier && switched.contains(c.key) ? " (mostly a method switch)" : ""),
                        ]
                    }
                    print("\nBy \(grouping.title) (\(changes.count) changed)")
                    printTable([grouping.rawValue, "t before", "t after", "change", "lines moved"], rows)
                }
                if diff.isEmpty { print("\nNo figure changed.") }
            }
        }
    }
}
