import FootprintCore
import FootprintStore
import Foundation
import Hummingbird

/// Two runs compared, as `runs diff A B`: the totals, the inputs that changed (`RunInputsDiff`'s
/// sentences: the reasons), and the changes by method, supplier, factor category and Scope 3
/// category (`InventoryDiff`), all from what the runs stored, at once; and the change split into
/// activity, method switch and figures (`RunStore.changeAttribution`, which reads and verifies both
/// runs line by line) once a job has computed it (WebPages+RunChecks). And a run's verification
/// line by line (`RunStore.verifyRun`, as `runs show N`), likewise made by a job.
extension WebApplication {
    /// Rows shown per grouping on the page (the CSV has them all).
    static let diffRowsShown = 20

    func runDiff(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .runs)
        let text = WebText(language: user.language)
        // The runs for the choice, without decoding each one's inventory; the two compared in full.
        let runs = try workspace.runs.summaries()
        let query = request.uri.queryParameters
        // Default: the two latest runs.
        let afterID = query.get("after").flatMap { Int64($0) } ?? runs.last?.id
        let beforeID = query.get("before").flatMap { Int64($0) } ?? runs.dropLast().last?.id ?? afterID
        guard let afterID, let beforeID, runs.contains(where: { $0.id == beforeID }), runs.contains(where: { $0.id == afterID }) else {
            if runs.isEmpty { throw WorkspaceError.noRuns }
            throw HTTPError(.notFound)
        }
        // The two runs' stored inventories and inputs compared, kept for the pair (runs never change).
        let workspace = self.workspace
        let comparison = try cache.comparison(before: beforeID, after: afterID) { () throws(WorkspaceError) in
            let a = try workspace.runs.run(id: beforeID)
            let b = beforeID == afterID ? a : try workspace.runs.run(id: afterID)
            return WebCache.Comparison(
                before: a.id,
                after: b.id,
                lines: a.lineCount + b.lineCount,
                diff: InventoryDiff(before: a.aggregate, after: b.aggregate),
                why: RunInputsDiff(before: a.inputs, after: b.inputs)
            )
        }
        let (a, b) = (beforeID, afterID)
        let diff = comparison.diff
        let why = comparison.why
        // The split reads both runs line by line: a job makes it (WebPages+RunChecks); kept once made.
        let parts = checks.split(before: a, after: b)?.value
        if Self.wantsCSV(request) {
            var rows = [
                ["grouping", "key", "kgco2e_before", "kgco2e_after", "delta_kgco2e", "activity_kgco2e", "method_switch_kgco2e", "figures_kgco2e"]
            ]
            for c in parts.map({ [$0.total] + $0.suppliers }) ?? [] {
                rows.append([
                    "attribution", c.key, ChangeAttribution.exactKg(c.before), ChangeAttribution.exactKg(c.after), ChangeAttribution.exactKg(c.delta),
                    ChangeAttribution.exactKg(c.parts.activity), ChangeAttribution.exactKg(c.parts.methodSwitch),
                    ChangeAttribution.exactKg(c.parts.figures),
                ])
            }
            for (grouping, changes) in diff.byDimension {
                for c in changes {
                    rows.append([grouping.rawValue, c.key, Self.kgValue(c.kgBefore), Self.kgValue(c.kgAfter), Self.kgValue(c.delta), "", "", ""])
                }
            }
            for sentence in why.sentences { rows.append(["why", sentence, "", "", "", "", "", ""]) }
            return WebResponse.csv(rows, file: "runs-\(a)-\(b)-diff.csv")
        }
        var body = "<form method=\"get\" action=\"/app/runs/diff\" class=\"choose\">\n"
        for (name, label, chosen) in [("before", text(.before), a), ("after", text(.after), b)] {
            body += "<p><label for=\"\(name)\">\(HTML.escape(label))</label><select id=\"\(name)\" name=\"\(name)\">"
            for r in runs.reversed() {
                body +=
                    "<option value=\"\(r.id)\"\(r.id == chosen ? " selected" : "")>#\(r.id) \(HTML.escape(r.period?.name ?? "all")) \(text.date(r.createdAt))</option>"
            }
            body += "</select></p>\n"
        }
        body += "<p><button type=\"submit\">\(HTML.escape(text(.compare)))</button></p>\n</form>\n"
        body += csvLink(request, text)
        let delta = diff.totalAfter - diff.totalBefore
        body += HTMLTable(
            caption: "\(text(.run)) #\(a) → #\(b)",
            header: [text(.part), text(.tco2e)],
            numeric: [1],
            rows: [
                [.text("\(text(.before)) (#\(a))"), .figure(text.tonnes(diff.totalBefore), value: Self.kgValue(diff.totalBefore))],
                [.text("\(text(.after)) (#\(b))"), .figure(text.tonnes(diff.totalAfter), value: Self.kgValue(diff.totalAfter))],
                [.text(text(.change)), .figure(Self.signed(delta, text), value: Self.kgValue(delta))],
            ],
            id: "headline",
            rowKeys: ["total_kgco2e_before", "total_kgco2e_after", "delta_kgco2e"]
        ).render()
        // The reasons: the inputs that changed.
        body += "<h2>\(HTML.escape(text(.reasonsForChange)))</h2>\n"
        let sentences = why.sentences
        body +=
            sentences.isEmpty
            ? "<p>\(HTML.escape(text(.sameInputs)))</p>\n"
            : "<ul id=\"why\">" + sentences.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        // The change in parts, in total and per supplier, once a job has split it.
        body += "<h2>\(HTML.escape(text(.partsOfChange)))</h2>\n"
        if let parts {
            body += splitTables(parts, text)
        } else {
            body += splitForm(before: a, after: b, lines: comparison.lines, user: user, context: context, text: text)
        }
        // The changes by grouping.
        for (grouping, changes) in diff.byDimension where !changes.isEmpty {
            body += HTMLTable(
                caption: "\(text(.changesBy)) \(grouping.title) (\(text.count(changes.count)))",
                header: [grouping.rawValue, text(.before), text(.after), text(.change), text(.lines)],
                numeric: [1, 2, 3],
                rows: changes.prefix(Self.diffRowsShown).map { c in
                    [
                        .text(grouping == .method ? text.method(c.key) : c.key), .figure(text.tonnes(c.kgBefore), value: Self.kgValue(c.kgBefore)),
                        .figure(text.tonnes(c.kgAfter), value: Self.kgValue(c.kgAfter)),
                        .figure(Self.signed(c.delta, text), value: Self.kgValue(c.delta)),
                        .text(c.shiftText),
                    ]
                },
                id: "changes-\(grouping.rawValue)"
            ).render()
        }
        if diff.isEmpty { body += "<p>\(HTML.escape(text(.noChange)))</p>\n" }
        return try render(context, title: text(.diffTitle), current: "/app/runs", body: body)
    }

    /// The change split into activity, method switch and figures, in total and per supplier (the
    /// first `diffRowsShown`), with the notes on method switches.
    func splitTables(_ parts: ChangeAttribution, _ text: WebText) -> String {
        var body = ""
        if !parts.total.parts.isZero { body += "<p>\(HTML.escape(parts.summary))</p>\n" }
        let switched = Set(parts.suppliers.filter(\.parts.isMostlyMethodSwitch).map(\.key))
        body += HTMLTable(
            caption: text(.partsOfChange),
            header: [
                text(.supplier), text(.before), text(.after), text(.change), text(.activityPart), text(.methodSwitchPart), text(.figuresPart),
                text(.lines),
            ],
            numeric: [1, 2, 3, 4, 5, 6],
            rows: ([parts.total] + parts.suppliers.prefix(Self.diffRowsShown)).map { c in
                let name = c.key == "total" ? text(.total) : c.key
                var lines: [String] = []
                if c.linesAdded > 0 { lines.append("+\(c.linesAdded)") }
                if c.linesRemoved > 0 { lines.append("-\(c.linesRemoved)") }
                if c.linesSwitched > 0 { lines.append("\(c.linesSwitched) ⇄") }
                return [
                    c.key == "total" ? .text(name) : .raw("<a href=\"/app/suppliers/\(HTML.escape(HTML.query(c.key)))\">\(HTML.escape(c.key))</a>"),
                    .figure(text.tonnes(Double(c.before) / 1e9), value: ChangeAttribution.exactKg(c.before)),
                    .figure(text.tonnes(Double(c.after) / 1e9), value: ChangeAttribution.exactKg(c.after)),
                    .figure(Self.signed(Double(c.delta) / 1e9, text), value: ChangeAttribution.exactKg(c.delta)),
                    .figure(Self.signed(Double(c.parts.activity) / 1e9, text), value: ChangeAttribution.exactKg(c.parts.activity)),
                    .figure(Self.signed(Double(c.parts.methodSwitch) / 1e9, text), value: ChangeAttribution.exactKg(c.parts.methodSwitch)),
                    .figure(Self.signed(Double(c.parts.figures) / 1e9, text), value: ChangeAttribution.exactKg(c.parts.figures)),
                    .text(lines.joined(separator: ", ") + (switched.contains(c.key) ? " (\(text(.mostlySwitch)))" : "")),
                ]
            },
            id: "attribution",
            rowKeys: ["total"] + parts.suppliers.prefix(Self.diffRowsShown).map(\.key)
        ).render()
        if parts.suppliers.count > Self.diffRowsShown {
            body += "<p>\(text.count(parts.suppliers.count - Self.diffRowsShown)) \(HTML.escape(text(.moreRows))).</p>\n"
        }
        let notes = parts.methodSwitchNotes(limit: Self.diffRowsShown)
        if !notes.isEmpty { body += "<ul>" + notes.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n" }
        return body
    }

    /// A run's page's links: its verification, and the change from the run before it.
    func runLinks(_ run: CalculationRun, _ text: WebText) -> String {
        var html =
            "<nav class=\"pages\" aria-label=\"\(HTML.escape(text(.verification)))\"><a href=\"/app/runs/\(run.id)/verify\">\(HTML.escape(text(.verify)))</a>"
        if let previous = (try? workspace.runs.list())?.last(where: { $0.id < run.id }) {
            html +=
                "<a href=\"/app/runs/diff?before=\(previous.id)&amp;after=\(run.id)\">\(HTML.escape(text(.diffTitle))) (#\(previous.id) → #\(run.id))</a>"
        }
        return html + "</nav>\n"
    }

    /// A change in t CO2e with its sign.
    static func signed(_ kg: Double, _ text: WebText) -> String { (kg < 0 ? "−" : "+") + text.tonnes(abs(kg)) }
}
