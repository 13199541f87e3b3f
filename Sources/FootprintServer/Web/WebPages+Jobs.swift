import FootprintCore
import FootprintStore
import Foundation
import Hummingbird
import Logging

/// Long work started from the browser (docs/web.md): an upload's import, a calculation, a diff's
/// split and a run's verification run as jobs (`WebJobs`) off the event loop; the browser is sent to
/// the job's page, which shows the phase and how far it is, loads itself again every second while the
/// job runs (a `<meta>` refresh: the pages run no script), and when it is done shows the result: the
/// import's summary, or its problems by file, line and column with nothing stored; the new run with
/// a link to it; the split's total with a link to the diff; the verification, or the line that differs.
extension WebApplication {
    func registerJobs(_ app: RouterGroup<PACTRequestContext>) {
        app.post("/calculate") { _, context in try startCalculation(context: context) }
        page(app, "/jobs/{id}", cached: false) { request, context in try jobPage(request, context: context, id: context.parameters.get("id") ?? "") }
    }

    /// Imports and calculations are started by administrators and analysts.
    static func startsWork(_ user: WebUser) -> Bool { user.role == .administrator || user.role == .analyst }

    /// The form that starts a calculation (on the runs page), for the users who may.
    func calculateForm(_ context: PACTRequestContext) -> String {
        guard let session = context.webSession, Self.startsWork(session.user) else { return "" }
        let text = WebText(language: session.user.language)
        return """
            <form method="post" action="/app/calculate" class="calculate">
            <input type="hidden" name="_csrf" value="\(HTML.escape(session.csrfToken))">
            <p>\(HTML.escape(text.job(.calculateHelp)))</p>
            <p><button type="submit">\(HTML.escape(text.job(.startCalculation)))</button></p>
            </form>

            """
    }

    func startCalculation(context: PACTRequestContext) throws -> Response {
        let user = try context.user()
        guard Self.startsWork(user) else { throw HTTPError(.notFound) }
        let workspace = self.workspace
        let threads = ProcessInfo.processInfo.activeProcessorCount
        return try startJob(.calculation, task: "calculate", user: user, context: context) { progress in
            do throws(WorkspaceError) {
                // As `footprint calculate` without options: the fiscal year of the latest purchase.
                return .calculated(try workspace.runs.calculate(CalculationOptions(threads: threads, period: .latest, progress: progress)))
            } catch {
                return .failed(error)
            }
        }
    }

    /// Starts `body` as a job and sends the browser to its page; when another job runs, a page that
    /// says so (409), linking to that job when it is the user's own.
    func startJob(
        _ work: WebJobs.Work,
        task: String,
        user: WebUser,
        context: PACTRequestContext,
        body: @escaping @Sendable (ProgressReporter) -> WebJobs.Outcome
    ) throws -> Response {
        do throws(WebJobs.Busy) {
            let job = try jobs.start(work, task: task, userID: user.id, body: body)
            context.logger.info("web: job started", metadata: ["job": "\(task)", "user": "\(user.name)"])
            return WebResponse.redirect("/app/jobs/\(job.id)")
        } catch {
            let text = WebText(language: user.language)
            var body = "<p class=\"error\" role=\"alert\" id=\"result\">\(HTML.escape(text.job(.busy)))</p>\n"
            if error.running.userID == user.id {
                body += "<p><a href=\"/app/jobs/\(HTML.escape(error.running.id))\">\(HTML.escape(text.job(.seeJob)))</a></p>\n"
            }
            let page = WebPage(title: text.job(.running), session: context.webSession, text: text, body: body)
            return WebResponse.html(page.render(), status: .conflict)
        }
    }

    func jobPage(_ request: Request, context: PACTRequestContext, id: String) throws -> Response {
        let user = try context.user()
        // Only its starter sees a job, and only while allowed to start one: anyone else gets 404.
        guard let job = jobs.job(id), job.userID == user.id, Self.mayRun(job.work, user) else { throw HTTPError(.notFound) }
        let text = WebText(language: user.language)
        let title: String
        let current: String
        switch job.work {
        case .upload(_, let file):
            title = "\(text.job(.importing)) \(file)"
            current = "/app/imports"
        case .calculation:
            title = text.job(.calculation)
            current = "/app/runs"
        case .split(let before, let after):
            title = "\(text.job(.splitTitle)) #\(before) → #\(after)"
            current = "/app/runs"
        case .verification(let run):
            title = "\(text(.verification)) · \(text(.run)) #\(run)"
            current = "/app/runs"
        }
        let refreshing = job.running && request.uri.queryParameters.get("refresh") != "off"
        var body = jobProgress(job, text)
        if job.running {
            body +=
                refreshing
                ? "<p><a href=\"/app/jobs/\(HTML.escape(job.id))?refresh=off\">\(HTML.escape(text.job(.stopRefreshing)))</a></p>\n"
                : "<p><a href=\"/app/jobs/\(HTML.escape(job.id))\">\(HTML.escape(text.job(.refresh)))</a></p>\n"
        }
        switch job.outcome {
        case nil: break
        case .imported(let outcome): body += importResult(.success(outcome), text: text)
        case .calculated(let run): body += calculationResult(run, user: user, text: text)
        case .split(let parts):
            if case .split(let before, let after) = job.work { body += splitResult(parts, before: before, after: after, text: text) }
        case .verified(let verification): body += verificationResult(.success(verification), text: text)
        case .failed(let error):
            if case .upload = job.work {
                body += importResult(.failure(error), text: text)
            } else if case .verification = job.work {
                body += verificationResult(.failure(error), text: text)
            } else {
                body +=
                    "<div class=\"error-box\" role=\"alert\" id=\"result\"><p class=\"error\">\(HTML.escape(Self.failedLabel(job.work, text)))</p>\n"
                body += "<pre class=\"problems\">\(HTML.escape(error.description))</pre>\n</div>\n"
            }
        }
        if !job.running {
            switch job.work {
            case .upload: body += "<p><a href=\"/app/imports\">\(HTML.escape(text.job(.backToImports)))</a></p>\n"
            case .calculation: body += "<p><a href=\"/app/runs\">\(HTML.escape(text.job(.backToRuns)))</a></p>\n"
            case .split(let before, let after):
                body +=
                    "<p><a href=\"/app/runs/diff?before=\(before)&amp;after=\(after)\" id=\"back\">\(HTML.escape(text.job(.backToDiff))) #\(before) → #\(after)</a></p>\n"
            case .verification(let run):
                body += "<p><a href=\"/app/runs/\(run)/verify\" id=\"back\">\(HTML.escape(text.job(.backToVerification))) #\(run)</a></p>\n"
            }
        }
        let page = WebPage(
            title: title,
            session: context.webSession,
            text: text,
            current: current,
            body: body,
            refresh: refreshing ? 1 : nil
        )
        return WebResponse.html(page.render())
    }

    /// The job's state, phase and share done: a `<progress>` element named by the status line beside it.
    func jobProgress(_ job: WebJobs.Job, _ text: WebText) -> String {
        let p = job.progress
        let state: String
        let label: String
        switch job.outcome {
        case nil:
            state = "running"
            label = text.job(.running)
        case .failed:
            state = "failed"
            label = Self.failedLabel(job.work, text)
        default:
            state = "done"
            label = text.job(.done)
        }
        // A failed job shows where it stopped; one that succeeded, 100 %.
        let percent = job.outcome == nil || state == "failed" ? p.percent : 100
        var detail: [String] = []
        if job.running {
            switch (p.unit, p.total) {
            case (.bytes, let total?):
                detail.append("\(text.number(Double(p.done) / 1e6, places: 1)) / \(text.number(Double(total) / 1e6, places: 1)) MB")
            case (.bytes, nil): break
            case (_, let total?): detail.append("\(text.count(Int(p.done))) / \(text.count(Int(total)))")
            case (_, nil): break
            }
            if let records = p.records { detail.append("\(text.count(Int(records))) \(text.job(.records))") }
        }
        let status =
            state == "failed"
            ? "\(label) (\(text.phase(p.phase)), \(text.percent(Double(percent) / 100)))"
            : "\(label): \(text.phase(p.phase)), \(text.percent(Double(percent) / 100))"
                + (detail.isEmpty ? "" : " (" + detail.joined(separator: ", ") + ")")
        return """
            <div id="job" class="job" data-state="\(state)" data-percent="\(percent)">
            <p id="job-status" role="status">\(HTML.escape(status))</p>
            <p><progress id="job-progress" max="100" value="\(percent)" aria-labelledby="job-status">\(HTML.escape(text.percent(Double(percent) / 100)))</progress></p>
            <p class="started">\(HTML.escape(text.job(.startedAt))) \(HTML.escape(text.date(Self.iso(job.startedAt)))) \(HTML.escape(String(Self.iso(job.startedAt).dropFirst(11).prefix(8)))) UTC</p>
            </div>

            """
    }

    /// What a failed job says: that nothing was stored, for the jobs that write (the jobs that read runs store nothing in any case).
    static func failedLabel(_ work: WebJobs.Work, _ text: WebText) -> String {
        switch work {
        case .upload, .calculation: return text.job(.failed)
        case .split, .verification: return text.job(.failedReading)
        }
    }

    /// The new run (or the run that was already up to date), with its total and a link to it.
    func calculationResult(_ run: CalculationRun, user: WebUser, text: WebText) -> String {
        let kg = run.aggregate.total.kg
        var html = "<div class=\"notice\" role=\"status\" id=\"result\" data-run=\"\(run.id)\">\n"
        html += "<p>\(HTML.escape(text.job(run.upToDate ? .upToDate : .runStored))) #\(run.id): "
        html +=
            "\(HTML.escape(text(.ledgerTotal))) <span id=\"run-total\" data-value=\"\(Self.kgValue(kg))\">\(HTML.escape(text.tonnes(kg)))</span>, "
        html += "\(HTML.escape(text.count(run.lineCount))) \(HTML.escape(text(.lines)).lowercased()).</p>\n"
        html += runLine(run, text)
        if WebAccess.allows(user, .runDetail) {
            html += "<p><a href=\"/app/runs/\(run.id)\" id=\"run-link\">\(HTML.escape(text.job(.openRun))) #\(run.id)</a></p>\n"
        }
        html += "</div>\n"
        return html
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (UTC, as the workspace's timestamps).
    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
