import FootprintCore
import FootprintStore
import Foundation
import NIOHTTP1
import Testing

@testable import FootprintServer

/// Long work started from the browser (docs/web.md): an upload and a calculation run as jobs on the
/// real server over TLS; the browser is sent to the job's page, which refreshes itself while the job
/// runs and ends with the same result the CLI gets (the same store functions); one job at a time.
@Suite("Web app: jobs with progress")
struct WebJobTests {
    typealias Browser = WebTests.Browser

    /// Follows the job page `location` until the job is no longer running (at most a minute); its last page.
    static func finish(_ browser: Browser, _ location: String) async throws -> TestClient.Answer {
        for _ in 0..<600 {
            let page = try await browser.send(.GET, location)
            #expect(page.status == 200)
            guard page.text.contains("data-state=\"running\"") else { return page }
            // While it runs: a refresh without script, and a progress element with its text beside it.
            #expect(page.text.contains("<meta http-equiv=\"refresh\" content=\"1\">"))
            #expect(page.text.contains("<progress id=\"job-progress\" max=\"100\"") && page.text.contains("aria-labelledby=\"job-status\""))
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the job at \(location) did not end within a minute")
        return try await browser.send(.GET, location)
    }

    static func attribute(_ name: String, in text: String, after marker: String = "") -> String? {
        let from = marker.isEmpty ? text.startIndex : text.range(of: marker)?.upperBound
        guard let from, let range = text[from...].range(of: "\(name)=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }

    @Test("an upload and a calculation started over HTTPS reach done with the CLI's result; others cannot see or start them")
    func jobs() async throws {
        let host = try await WebTests.host()
        let browser = try Browser(host)
        let other = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await other.client.shutdown()
                await host.stop()
            }
        }
        #expect(try await browser.signIn("ann").status == 303)
        let runsPage = try await browser.send(.GET, "/app/runs")
        #expect(runsPage.text.contains("action=\"/app/calculate\""))
        let token = try #require(Browser.token(runsPage))
        let example = ServiceFootprintTests.example
        let original = try String(contentsOfFile: example + "/purchases.csv", encoding: .utf8)
        var rows = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let before = try host.workspace.imports.list()

        // A bad upload: the job fails with every problem by line and column, and nothing is stored.
        rows[5] = rows[5].replacingOccurrences(of: ",NOK,", with: ",NOKK,")
        let bad: [(name: String, file: String?, content: String)] = [
            (name: "_csrf", file: nil, content: token), (name: "kind", file: nil, content: "purchases"),
            (name: "file", file: "purchases.csv", content: rows.joined(separator: "\n")), (name: "replace", file: nil, content: ""),
        ]
        let started = try await browser.send(.POST, "/app/imports", multipart: bad)
        #expect(started.status == 303)
        let location = try #require(started.headers["Location"].first)
        #expect(location.hasPrefix("/app/jobs/") && location.count > 40)
        let failed = try await Self.finish(browser, location)
        #expect(failed.text.contains("data-state=\"failed\"") && failed.text.contains("id=\"problems\""))
        #expect(failed.text.contains(">6</td>"), "the problem's line")
        #expect(!failed.text.contains("http-equiv=\"refresh\""))
        #expect(try host.workspace.imports.list().count == before.count)

        // Another user, even an administrator, cannot see the job; a viewer cannot start one.
        #expect(try await other.signIn("ada").status == 303)
        #expect(try await other.send(.GET, location).status == 404)
        #expect(try await other.send(.GET, "/app/jobs/no-such-job").status == 404)
        #expect(try await other.signIn("vera").status == 303)
        let viewerToken = try #require(Browser.token(try await other.send(.GET, "/app/runs")))
        #expect(!(try await other.send(.GET, "/app/runs")).text.contains("/app/calculate"))
        #expect(try await other.send(.POST, "/app/calculate", form: [("_csrf", viewerToken)]).status == 404)
        #expect(try await other.send(.GET, location).status == 404)
        // Without the CSRF token: refused, and no job.
        #expect(try await browser.send(.POST, "/app/calculate", form: []).status == 403)

        // The corrected file replaces the import: done, with the summary the CLI prints from.
        let purchases = try #require(before.first { $0.kind == .purchases && $0.status == .active })
        rows[5] = rows[5].replacingOccurrences(of: ",NOKK,", with: ",NOK,")
        let corrected: [(name: String, file: String?, content: String)] = [
            (name: "_csrf", file: nil, content: token), (name: "kind", file: nil, content: "purchases"),
            (name: "file", file: "purchases-corrected.csv", content: rows.joined(separator: "\n") + "\n"),
            (name: "replace", file: nil, content: String(purchases.id)),
        ]
        let upload = try await browser.send(.POST, "/app/imports", multipart: corrected)
        let imported = try await Self.finish(browser, try #require(upload.headers["Location"].first))
        #expect(imported.text.contains("data-state=\"done\"") && imported.text.contains("data-percent=\"100\""))
        let records = try host.workspace.imports.list()
        let stored = try #require(records.last)
        #expect(records.count == before.count + 1 && stored.replaces == purchases.id && stored.rowCount == purchases.rowCount)
        #expect(imported.text.contains("Imported as #\(stored.id): purchases-corrected.csv"), "\(imported.text)")

        // A calculation: a new run, the same as the CLI's calculation of the workspace gives.
        let calculation = try await browser.send(.POST, "/app/calculate", form: [("_csrf", token)])
        #expect(calculation.status == 303)
        let done = try await Self.finish(browser, try #require(calculation.headers["Location"].first))
        #expect(done.text.contains("data-state=\"done\""))
        let runID = try #require(Self.attribute("data-run", in: done.text).flatMap { Int64($0) })
        let total = try #require(Self.attribute("data-value", in: done.text, after: "id=\"run-total\""))
        #expect(done.text.contains("href=\"/app/runs/\(runID)\""))
        let cli = try host.workspace.runs.calculate(CalculationOptions(threads: 2, period: .latest))
        #expect(cli.upToDate && cli.id == runID)
        let full = try host.workspace.runs.calculate(CalculationOptions(full: true, threads: 2, period: .latest))
        #expect(WebApplication.kgValue(full.aggregate.total.kg) == total)
        #expect(try await browser.send(.GET, "/app/runs/\(runID)").status == 200)
    }

    @Test("one job at a time: a second start while one runs is refused (409), and accepted once it ended")
    func oneAtATime() throws {
        let jobs = WebJobs(kept: 2)
        let gate = DispatchSemaphore(value: 0)
        let first = try jobs.start(.calculation, task: "calculate", userID: 1) { progress in
            progress.begin("evaluating lines", total: 10, unit: .lines, upTo: 1)
            gate.wait()
            progress.advance(by: 10)
            progress.finish("stored")
            return .failed(.nothingToCalculate)
        }
        #expect(jobs.running?.id == first.id)
        #expect(throws: WebJobs.Busy.self) { try jobs.start(.calculation, task: "calculate", userID: 2) { _ in .failed(.nothingToCalculate) } }
        gate.signal()
        for _ in 0..<500 where jobs.running != nil { Thread.sleep(forTimeInterval: 0.01) }
        #expect(jobs.running == nil && jobs.job(first.id)?.progress.finished == true)
        // Finished jobs are kept up to `kept`, oldest dropped first.
        var ids = [first.id]
        for _ in 0..<2 {
            let job = try jobs.start(.calculation, task: "calculate", userID: 1) { _ in .failed(.nothingToCalculate) }
            ids.append(job.id)
            for _ in 0..<500 where jobs.running != nil { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(jobs.job(ids[0]) == nil && jobs.job(ids[1]) != nil && jobs.job(ids[2]) != nil)
    }
}
