import FootprintCore
import FootprintImport
import FootprintStore
import Foundation
import Hummingbird

/// The supplier register and the calculation runs: as `suppliers list` and `runs list` print them,
/// with a run's inputs (imports with their SHA-256, factor libraries) and its lines as CSV for the
/// roles that audit (`WebAccess.Page.runDetail`).
extension WebApplication {
    // MARK: suppliers

    func suppliers(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .suppliers)
        let text = WebText(language: user.language)
        // The same overviews and assessment (standard criteria) as `suppliers list`.
        // Kept until anything is committed to the workspace (2,000 suppliers' overviews take some 0.5 s).
        let (overviews, items) = try cache.derived("suppliers", stamp: stamps.now()) {
            let overviews = try workspace.suppliers.supplierOverviews()
            return (overviews, overviews.map { o in (o, SupplierAssessment.assess(o.assessmentInput, criteria: .standard)) })
        }
        if Self.wantsCSV(request) {
            var rows = [["id", "name", "country", "strategic", "sbti", "rba", "score", "tier", "requirements_not_met", "emissions_kg", "spend"]]
            for (o, a) in items {
                rows.append([
                    o.record.id, o.record.name, o.record.country ?? "", o.record.strategic ? "yes" : "", o.latest[.sbti]?.summary ?? "",
                    o.latest[.rba]?.summary ?? "", "\(a.score)", a.tier, a.requirementsNotMet.joined(separator: "; "),
                    o.emissionsKg.map { Self.kgValue($0) } ?? "", o.spend.map { "\($0.amount) \($0.currency)" }.sorted().joined(separator: "; "),
                ])
            }
            return WebResponse.csv(rows, file: "suppliers.csv")
        }
        var body = ""
        if let run = overviews.first?.runID { body += "<p class=\"run\">\(text(.run)) #\(run).</p>\n" }
        body += csvLink(request, text)
        let shown = paged(items, request)
        body += HTMLTable(
            caption: text(.suppliers) + (shown.pages > 1 ? " (\(text(.page)) \(shown.page) / \(shown.pages))" : ""),
            header: [text(.supplier), text(.strategic), "SBTi", "RBA", text(.tier), text(.reasons), text(.tco2e)],
            numeric: [6],
            rows: shown.items.map { o, a in
                [
                    .raw(
                        "<a href=\"/app/suppliers/\(HTML.escape(HTML.query(o.record.id)))\">\(HTML.escape(o.record.id))</a> · \(HTML.escape(o.record.name))"
                    ), .text(o.record.strategic ? text(.yes) : ""), .text(o.latest[.sbti]?.summary ?? ""),
                    .text(o.latest[.rba]?.summary ?? ""), .text(a.tier), .text(a.requirementsNotMet.joined(separator: ", ")),
                    .figure(o.emissionsKg.map { text.tonnes($0) } ?? "", value: o.emissionsKg.map { Self.kgValue($0) }),
                ]
            },
            id: "suppliers"
        ).render()
        body += pageNavigation(base: "/app/suppliers?page=", page: shown.page, pages: shown.pages, text)
        return try render(context, title: text(.suppliers), current: "/app/suppliers", body: body)
    }

    // MARK: runs

    func runs(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .runs)
        let text = WebText(language: user.language)
        let runs = try figures.runRows()
        let audits = WebAccess.allows(user, .runDetail)
        if Self.wantsCSV(request) {
            var rows = [["run", "created_at", "period", "kind", "parent", "lines", "recomputed_lines", "total_kgco2e"]]
            for r in runs {
                rows.append([
                    String(r.id), r.createdAt, r.period, r.kind, r.parentID.map { String($0) } ?? "", String(r.lineCount),
                    String(r.recomputedLines), Self.kgValue(r.totalKg),
                ])
            }
            return WebResponse.csv(rows, file: "runs.csv")
        }
        // 50 runs a page (a watcher stores a run at every change), as the lines.
        let (shown, page, pages) = paged(runs, request)
        var body = calculateForm(context) + csvLink(request, text)
        if runs.count > 1 { body += "<p><a href=\"/app/runs/diff\">\(HTML.escape(text(.diffTitle)))</a></p>\n" }
        body += HTMLTable(
            caption: pages > 1 ? "\(text(.runs)) (\(text(.page)) \(page) / \(pages))" : text(.runs),
            header: [text(.run), text(.date), text(.period), text(.kind), text(.lines), text(.ledgerTotal)],
            numeric: [4, 5],
            rows: shown.map { r in
                [
                    audits ? .raw("<a href=\"/app/runs/\(r.id)\">#\(r.id)</a>") : .text("#\(r.id)"), .text(text.date(r.createdAt)),
                    .text(r.period), .text(r.kind + (r.parentID.map { " (#\($0))" } ?? "")), .text(text.count(r.lineCount)),
                    .figure(text.tonnes(r.totalKg), value: Self.kgValue(r.totalKg)),
                ]
            },
            id: "runs"
        ).render()
        body += pageNavigation(base: "/app/runs?page=", page: page, pages: pages, text)
        return try render(context, title: text(.runs), current: "/app/runs", body: body)
    }

    /// One run's inputs with their hashes, and its lines as CSV (`runs lines RUN`), for the roles that audit.
    func run(_ request: Request, context: PACTRequestContext, id: String) throws -> Response {
        let user = try context.user(allowedTo: .runDetail)
        let text = WebText(language: user.language)
        guard let number = Int64(id), number > 0, let run = try? figures.run(number) else { throw HTTPError(.notFound) }
        if Self.wantsCSV(request) {
            var out = RunLinesCSV.header
            _ = try workspace.runs.runLines(id: run.id) { line in out += RunLinesCSV.row(line) }
            return WebResponse.csv(ByteBuffer(string: out), file: "run-\(run.id)-lines.csv")
        }
        var body = runLine(run, text)
        body += "<p class=\"download\"><a href=\"/app/runs/\(run.id)?format=csv\" download>\(text(.downloadLines))</a></p>\n"
        body += runLinks(run, text)
        body += HTMLTable(
            caption: text(.inputs),
            header: ["#", text(.kind), text(.file), "SHA-256"],
            rows: run.inputs.imports.map { i in
                [.text(String(i.importID)), .text(i.kind), .text(i.file), .raw("<code>\(HTML.escape(i.sha256))</code>")]
            },
            id: "inputs"
        ).render()
        body += HTMLTable(
            caption: text(.libraries),
            header: [text(.source), text(.version), "SHA-256"],
            rows: run.inputs.libraries.map { l in [.text(l.key), .text(l.version), .raw("<code>\(HTML.escape(l.sha256 ?? ""))</code>")] },
            id: "libraries"
        ).render()
        return try render(context, title: "\(text(.run)) #\(run.id)", current: "/app/runs", body: body)
    }
}
