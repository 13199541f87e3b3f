import FootprintCore
import FootprintStore
import Foundation
import Hummingbird

/// The work that reads every line of one or two stored runs, started from the browser as a job
/// (docs/web.md): the split of a diff into activity, method switch and figures
/// (`changeAttribution`, as `runs diff A B`), and a run's verification (`verifyRun`, as `runs show
/// N`). Their results are kept in this server process (`WebRunChecks`), so the diff page and the
/// verification page show them at once afterwards; before that, those pages say what the work takes
/// and offer a button that starts it.
extension WebApplication {
    func registerRunChecks(_ app: RouterGroup<PACTRequestContext>) {
        app.get("/runs/diff") { request, context in try runDiff(request, context: context) }
        app.post("/runs/diff") { request, context in try await startSplit(request, context: context) }
        app.get("/runs/{id}/verify") { request, context in
            try runVerification(request, context: context, id: context.parameters.get("id") ?? "")
        }
        app.post("/runs/{id}/verify") { _, context in try startVerification(context: context, id: context.parameters.get("id") ?? "") }
        for path: RouterPath in ["/runs/diff", "/runs/{id}/verify"] {
            for method in [HTTPRequest.Method.put, .delete, .patch] {
                app.on(path, method: method) { _, _ -> Response in throw HTTPError(.notFound) }
            }
        }
    }

    /// Whether `user` may start (and so see) a job of this kind: uploads and calculations for
    /// administrators and analysts; a diff's split for whoever reads the diff; a verification for
    /// whoever reads it.
    static func mayRun(_ work: WebJobs.Work, _ user: WebUser) -> Bool {
        switch work {
        case .upload, .calculation: return startsWork(user)
        case .split: return WebAccess.allows(user, .runs)
        case .verification: return WebAccess.allows(user, .runDetail)
        }
    }

    /// The running job doing `work` when `user` started it (a page then links to it instead of offering to start another).
    func runningJob(_ work: (WebJobs.Work) -> Bool, user: WebUser) -> WebJobs.Job? {
        guard let job = jobs.running, job.userID == user.id, work(job.work) else { return nil }
        return job
    }

    // MARK: the diff's split

    /// Where the split is not made yet: what it takes, and the button that starts it (or the link to its running job).
    func splitForm(before a: Int64, after b: Int64, lines: Int, user: WebUser, context: PACTRequestContext, text: WebText) -> String {
        var html = "<div class=\"notice\" id=\"split\" data-state=\"absent\">\n"
        html += "<p>\(HTML.escape(text.job(.splitAbsent, ["lines": text.count(lines)])))</p>\n"
        let running = runningJob(
            { if case .split(let x, let y) = $0 { return x == a && y == b } else { return false } },
            user: user
        )
        if let running {
            html += "<p><a href=\"/app/jobs/\(HTML.escape(running.id))\" id=\"split-job\">\(HTML.escape(text.job(.seeJob)))</a></p>\n"
        } else if let session = context.webSession {
            html += """
                <form method="post" action="/app/runs/diff">
                <input type="hidden" name="_csrf" value="\(HTML.escape(session.csrfToken))">
                <input type="hidden" name="before" value="\(a)">
                <input type="hidden" name="after" value="\(b)">
                <p><button type="submit" id="start-split">\(HTML.escape(text.job(.startSplit)))</button></p>
                </form>

                """
        }
        return html + "</div>\n"
    }

    func startSplit(_ request: Request, context: PACTRequestContext) async throws -> Response {
        let user = try context.user(allowedTo: .runs)
        var request = request
        let form = WebForm(String(buffer: try await request.collectBody(upTo: configuration.maxFormBytes)))
        let runs = try workspace.runs.summaries()
        guard let before = form["before"].flatMap({ Int64($0) }), let after = form["after"].flatMap({ Int64($0) }),
            runs.contains(where: { $0.id == before }), runs.contains(where: { $0.id == after })
        else { throw HTTPError(.notFound) }
        let page = "/app/runs/diff?before=\(before)&after=\(after)"
        // Already split (runs never change): the diff page shows it.
        if checks.split(before: before, after: after) != nil { return WebResponse.redirect(page) }
        let workspace = self.workspace
        let checks = self.checks
        return try startJob(.split(before: before, after: after), task: "runs diff \(before) \(after)", user: user, context: context) { progress in
            do throws(WorkspaceError) {
                let parts = try workspace.runs.changeAttribution(before: before, after: after, progress: ProgressPart(progress))
                checks.keep(split: parts, before: before, after: after)
                progress.finish("split")
                return .split(parts)
            } catch {
                return .failed(error)
            }
        }
    }

    /// The split's job ended: the total's parts, and the way back to the diff, which now shows it all.
    func splitResult(_ parts: ChangeAttribution, before: Int64, after: Int64, text: WebText) -> String {
        var html = "<div class=\"notice\" role=\"status\" id=\"result\">\n"
        html += "<p>\(HTML.escape(text.job(.splitDone, ["before": "\(before)", "after": "\(after)"])))</p>\n"
        if !parts.total.parts.isZero { html += "<p>\(HTML.escape(parts.summary))</p>\n" }
        html += "</div>\n"
        return html
    }

    // MARK: a run's verification

    /// A run's verification: the last one made in this server process, else what it takes and the
    /// button that starts it as a job.
    func runVerification(_ request: Request, context: PACTRequestContext, id: String) throws -> Response {
        let user = try context.user(allowedTo: .runDetail)
        let text = WebText(language: user.language)
        guard let number = Int64(id), let run = try workspace.runs.summaries().first(where: { $0.id == number }) else { throw HTTPError(.notFound) }
        var body = "<p class=\"crumbs\"><a href=\"/app/runs/\(number)\">\(HTML.escape(text(.run))) #\(number)</a></p>\n"
        let running = runningJob({ if case .verification(let r) = $0 { return r == number } else { return false } }, user: user)
        if let checked = checks.verification(run: number) {
            body += "<p class=\"started\" id=\"verified-at\">\(HTML.escape(text.job(.verifiedAt))) \(HTML.escape(Self.when(checked.at, text)))</p>\n"
            body += verificationResult(checked.value, text: text)
            if running == nil { body += verifyForm(run, context: context, text: text, again: true) }
        } else {
            body += "<div class=\"notice\" id=\"verification-absent\" data-state=\"absent\">\n"
            body += "<p>\(HTML.escape(text.job(.verifyAbsent, ["lines": text.count(run.lineCount)])))</p>\n"
            if running == nil { body += verifyForm(run, context: context, text: text, again: false) }
            body += "</div>\n"
        }
        if let running {
            body += "<p><a href=\"/app/jobs/\(HTML.escape(running.id))\" id=\"verification-job\">\(HTML.escape(text.job(.seeJob)))</a></p>\n"
        }
        return try render(context, title: "\(text(.verification)) · \(text(.run)) #\(number)", current: "/app/runs", body: body)
    }

    func verifyForm(_ run: RunSummary, context: PACTRequestContext, text: WebText, again: Bool) -> String {
        guard let session = context.webSession else { return "" }
        return """
            <form method="post" action="/app/runs/\(run.id)/verify">
            <input type="hidden" name="_csrf" value="\(HTML.escape(session.csrfToken))">
            <p><button type="submit" id="start-verification">\(HTML.escape(text.job(again ? .verifyAgain : .startVerification)))</button></p>
            </form>

            """
    }

    func startVerification(context: PACTRequestContext, id: String) throws -> Response {
        let user = try context.user(allowedTo: .runDetail)
        guard let number = Int64(id), try workspace.runs.summaries().contains(where: { $0.id == number }) else { throw HTTPError(.notFound) }
        let workspace = self.workspace
        let checks = self.checks
        return try startJob(.verification(run: number), task: "runs show \(number)", user: user, context: context) { progress in
            do throws(WorkspaceError) {
                let verification = try workspace.runs.verifyRun(id: number, progress: ProgressPart(progress))
                checks.keep(verification: .success(verification), run: number)
                progress.finish("verified")
                return .verified(verification)
            } catch {
                // A line that differs is the verification's result too: kept for the run's page.
                if case .lineMismatch = error { checks.keep(verification: .failure(error), run: number) }
                return .failed(error)
            }
        }
    }

    /// The verification's outcome: the lines verified, their kg and lines and t CO2e per method; or
    /// the error naming the line that differs.
    func verificationResult(_ outcome: Result<RunVerification, WorkspaceError>, text: WebText) -> String {
        var body = ""
        switch outcome {
        case .failure(let error):
            body += "<div class=\"error-box\" role=\"alert\" id=\"result\"><p class=\"error\">\(HTML.escape(text(.verificationFailed)))</p>"
            body += "<pre class=\"problems\">\(HTML.escape(error.description))</pre></div>\n"
        case .success(let v):
            body += runLine(v.run, text)
            body +=
                "<p class=\"notice\" role=\"status\" id=\"result\">\(HTML.escape(text(.verified))): <strong id=\"verified-lines\" data-value=\"\(v.lines)\">\(text.count(v.lines))</strong>"
                + (v.inheritedLines > 0 ? " (\(text.count(v.inheritedLines)) \(HTML.escape(text(.inherited))))" : "")
                + ". \(HTML.escape(text(.verifiedText))) \(text(.total)): <span id=\"verified-kg\" data-value=\"\(Self.kgValue(v.kg))\">\(text.tonnes(v.kg)) t</span>.</p>\n"
            let total = v.run.aggregate.total
            var rows: [[HTMLTable.Cell]] = CalculationMethod.allCases.map { m in
                [
                    .text(text.method(m.name)), .text(text.count(total.lines[Int(m.rawValue)])),
                    .figure(text.tonnes(total.kg(m)), value: Self.kgValue(total.kg(m))),
                ]
            }
            rows.append([.text(text.method(CalculationMethod.unmappedName)), .text(text.count(total.lines[4])), .text("–")])
            if v.outsidePeriodLines > 0 { rows.append([.text(text(.outsidePeriod)), .text(text.count(v.outsidePeriodLines)), .text("–")]) }
            if v.excludedLines > 0 { rows.append([.text(text(.excludedLines)), .text(text.count(v.excludedLines)), .text("–")]) }
            body += HTMLTable(
                caption: text(.byMethod),
                header: [text(.method), text(.lines), text(.tco2e)],
                numeric: [1, 2],
                rows: rows,
                id: "verification"
            )
            .render()
        }
        return body
    }

    /// A moment as the user's date and the UTC time.
    static func when(_ date: Date, _ text: WebText) -> String {
        let iso = iso(date)
        return "\(text.date(iso)) \(iso.dropFirst(11).prefix(8)) UTC"
    }
}
