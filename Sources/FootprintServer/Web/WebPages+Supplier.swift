import FootprintCore
import FootprintStore
import Foundation
import Hummingbird

/// A supplier's own page, as `suppliers show ID` (standard criteria): its register facts, its
/// status facts (newest of each kind, and the history), its assessment (score, tier, every
/// criterion's points and reason, the hard requirements not met), its data requests (as
/// `engagement requests list --supplier ID`), and its history of methods: per run, its kg per
/// method, from `InventoryReport(run.aggregate, by: .supplier)` as `report --run N --by supplier`.
extension WebApplication {
    func supplier(_ request: Request, context: PACTRequestContext, id: String) throws -> Response {
        let user = try context.user(allowedTo: .suppliers)
        let text = WebText(language: user.language)
        guard let o = try workspace.suppliers.supplierOverviews(id: id).first(where: { $0.record.id == id }) else { throw HTTPError(.notFound) }
        let assessment = SupplierAssessment.assess(o.assessmentInput, criteria: .standard)
        let today = Workspace.today()
        let requests = try workspace.suppliers.engagementRequests(supplier: id)
        let history = try workspace.runs.list().compactMap { run -> (CalculationRun, InventoryReport.Row)? in
            InventoryReport(run.aggregate, by: .supplier).rows.first { $0.key == id }.map { (run, $0) }
        }
        if Self.wantsCSV(request) {
            var rows = [["run", "period", "method", "lines", "kgco2e"]]
            for (run, row) in history {
                for name in Self.methodNames + [CalculationMethod.unmappedName] {
                    guard let lines = row.linesByMethod[name] else { continue }
                    rows.append([String(run.id), run.period?.name ?? "all", name, String(lines), row.kgByMethod[name].map { Self.kgValue($0) } ?? ""])
                }
            }
            return WebResponse.csv(rows, file: "supplier-\(id)-methods.csv")
        }
        let r = o.record
        var body = "<p class=\"crumbs\"><a href=\"/app/suppliers\">\(HTML.escape(text(.suppliers)))</a> › \(HTML.escape(r.id))</p>\n"
        body += csvLink(request, text)
        // Register facts, as suppliers.csv names them.
        body += "<h2>\(HTML.escape(text(.registerFacts)))</h2>\n<dl class=\"facts\" id=\"register\">\n"
        body += "<dt>id</dt><dd>\(HTML.escape(r.id))</dd>\n"
        for field in r.fields { if let value = field.value { body += "<dt>\(HTML.escape(field.name))</dt><dd>\(HTML.escape(value))</dd>\n" } }
        body += "</dl>\n"
        if let run = o.runID {
            body += "<p>\(HTML.escape(text(.emissionsLatest))) (#\(run)): "
            if let kg = o.emissionsKg {
                body += "<strong id=\"emissions\" data-value=\"\(Self.kgValue(kg))\">\(text.tonnes(kg)) \(text(.tco2e))</strong>"
                body +=
                    o.spend.isEmpty
                    ? "" : "; \(HTML.escape(text(.spend))) " + o.spend.map { "\(text.decimal($0.amount)) \($0.currency)" }.joined(separator: "; ")
            } else {
                body += "–"
            }
            body += ".</p>\n"
        }
        // Status facts: the newest of each kind (SBTi, RBA, CDP, disclosed scopes, PACT, product footprints).
        body += HTMLTable(
            caption: text(.statusFacts),
            header: [text(.kindOfFact), text(.status), text(.checkedOn), text(.source), text(.evidence)],
            rows: SupplierStatusKind.allCases.compactMap { kind in
                o.latest[kind].map { f in
                    [
                        .text(kind.rawValue), .text(f.summary + (f.inheritedFrom.map { " (\($0))" } ?? "")), .text(text.date(f.checkedOn)),
                        .text(f.source), .text(f.evidence ?? ""),
                    ]
                }
            },
            id: "status"
        ).render()
        // The assessment with its reasons.
        body += "<h2>\(HTML.escape(text(.assessment)))</h2>\n"
        body +=
            "<p>\(HTML.escape(text(.score))) <strong id=\"score\" data-value=\"\(assessment.score)\">\(text.number(assessment.score, places: 1))</strong>, "
            + "\(HTML.escape(text(.tier))) <strong id=\"tier\">\(HTML.escape(assessment.tier))</strong>"
            + (assessment.requirementsNotMet.isEmpty
                ? "" : "; \(HTML.escape(text(.reasons))): \(HTML.escape(assessment.requirementsNotMet.joined(separator: ", ")))") + ".</p>\n"
        body += HTMLTable(
            caption: text(.assessment),
            header: [text(.criterion), text(.points), text(.reason)],
            numeric: [1],
            rows: assessment.results.map { c in
                [
                    .text(c.criterion), .text(c.counted ? "\(text.number(c.points, places: 1)) / \(text.number(c.weight, places: 1))" : "–"),
                    .text(c.reason),
                ]
            },
            id: "criteria"
        ).render()
        // Its data requests.
        body += "<h2>\(HTML.escape(text(.requests)))</h2>\n"
        body += requestsTable(requests, asOf: today, text: text, showSupplier: false)
        // The history of its methods.
        body += "<h2>\(HTML.escape(text(.methodHistory)))</h2>\n"
        if history.isEmpty {
            body += "<p>\(HTML.escape(text(.noSupplierData)))</p>\n"
        } else {
            body += WebChart.methods(
                id: "supplier-methods",
                title: text(.methodHistoryText),
                columns: history.map { run, row in .init(label: "#\(run.id)", values: Self.methodNames.map { row.kgByMethod[$0] ?? 0 }) },
                shares: false,
                text: text
            )
            body += HTMLTable(
                caption: text(.methodHistoryText),
                header: [text(.run), text(.period)] + Self.methodNames.map { text.method($0) } + [text(.total)],
                numeric: Set(2..<(3 + Self.methodNames.count)),
                rows: history.map { run, row in
                    [.text("#\(run.id)"), .text(run.period?.name ?? "all")]
                        + Self.methodNames.map { name -> HTMLTable.Cell in
                            row.kgByMethod[name].map { .figure(text.number($0, places: 1), value: Self.kgValue($0)) } ?? .text("")
                        } + [.figure(text.number(row.kg, places: 1), value: Self.kgValue(row.kg))]
                },
                id: "methods",
                rowKeys: history.map { "run-\($0.0.id)" }
            ).render()
        }
        return try render(context, title: "\(r.id) · \(r.name)", current: "/app/suppliers", body: body)
    }

    /// Data requests with their status as of `asOf` (`engagement requests list`): overdue ones marked.
    func requestsTable(_ requests: [EngagementRequest], asOf: String, text: WebText, showSupplier: Bool) -> String {
        guard !requests.isEmpty else { return "<p>\(HTML.escape(text(.noRequests)))</p>\n" }
        return HTMLTable(
            caption: "\(text(.requests)), \(text(.asOf)) \(text.date(asOf))",
            header: ["#"] + (showSupplier ? [text(.supplier)] : []) + [
                text(.kind), text(.ask), text(.requested), text(.due), text(.channel), text(.status), text(.lastEvent),
            ],
            rows: requests.map { r in
                let overdue = r.isOverdue(asOf: asOf)
                let last = r.events.last.map { "\($0.kind.rawValue) \(text.date($0.on))" + ($0.note.map { ": \($0)" } ?? "") } ?? ""
                return [.text("#\(r.id)")]
                    + (showSupplier ? [.raw("<a href=\"/app/suppliers/\(HTML.escape(HTML.query(r.supplier)))\">\(HTML.escape(r.supplier))</a>")] : [])
                    + [
                        .text(r.kind.rawValue), .text(r.ask + (r.product.map { " [\($0)]" } ?? "")), .text(text.date(r.requestedOn)),
                        .text(text.date(r.dueOn)), .text(r.channel.rawValue),
                        overdue ? .raw("<span class=\"overdue\">\(HTML.escape(text(.overdue)))</span>") : .text(r.status.rawValue), .text(last),
                    ]
            },
            id: "requests",
            rowKeys: requests.map { String($0.id) }
        ).render()
    }
}
