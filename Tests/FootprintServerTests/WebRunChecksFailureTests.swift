import FootprintCore
import FootprintServer
import Foundation
import GRDB
import NIOHTTP1
import Testing

@testable import FootprintStore

/// The jobs that read every line of stored runs, on a run whose stored results were changed behind
/// the workspace's back: the verification's job fails naming the line and the verification page
/// keeps that result; the split's job fails too, nothing is kept, and the diff offers the split again.
@Suite("Web app: a verification and a split that find a line differing from what its run stored")
struct WebRunChecksFailureTests {
    typealias Browser = WebTests.Browser

    /// Changes one line's stored activity in run `run`'s results by one unit in the last place.
    static func tamper(_ ws: Workspace, run: Int64) throws {
        try ws.transaction { db in
            let row = try Row.fetchOne(db, sql: "SELECT pack_id, data FROM run_result WHERE run_id = ? LIMIT 1", arguments: [run])!
            let data: Data = row[1]
            let changed: [UInt8]? = [UInt8](data).withUnsafeBytes { raw in
                let view = LineResultPack.View(raw)!
                guard let i = (0..<view.count).first(where: { !view.outcome($0).isUnmapped }) else { return nil }
                let writer = LineResultPack.Writer(copying: view)
                writer.set(i, outcome: view.outcome(i), activity: view.value(i).nextUp, source: view.source(i))
                return writer.bytes
            }
            try db.execute(
                sql: "UPDATE run_result SET data = ? WHERE run_id = ? AND pack_id = ?",
                arguments: [Data(try #require(changed)), run, row[0] as Int64]
            )
        }
    }

    @Test("the verification's job names the differing line and its page keeps it; the split's job fails and nothing is kept")
    func differingLine() async throws {
        let host = try await WebPagesTests.host()
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        try Self.tamper(host.workspace, run: 2)
        #expect(try await browser.signIn("audun").status == 303)
        let page = try await browser.send(.GET, "/app/runs/2/verify")
        let token = try #require(Browser.token(page))
        let started = try await browser.send(.POST, "/app/runs/2/verify", form: [("_csrf", token)])
        #expect(started.status == 303)
        let job = try await WebJobTests.finish(browser, try #require(started.headers["Location"].first))
        #expect(job.text.contains("data-state=\"failed\"") && job.text.contains("The verification failed:"))
        // The line, by file and line, and what the run stored against what the line gives again.
        #expect(job.text.contains(".csv:") && job.text.contains("run #2 stored"))
        #expect(!job.text.contains("nothing was stored"))
        let kept = try await browser.send(.GET, "/app/runs/2/verify")
        #expect(kept.text.contains("id=\"verified-at\"") && kept.text.contains("The verification failed:") && kept.text.contains("run #2 stored"))
        #expect(kept.text.contains("id=\"start-verification\""))
        // The split reads and verifies both runs: it fails on the same line, and the diff offers it again.
        let split = try await browser.send(.POST, "/app/runs/diff", form: [("_csrf", token), ("before", "1"), ("after", "2")])
        #expect(split.status == 303)
        let splitJob = try await WebJobTests.finish(browser, try #require(split.headers["Location"].first))
        #expect(splitJob.text.contains("data-state=\"failed\"") && splitJob.text.contains("run #2 stored"))
        let diff = try await browser.send(.GET, "/app/runs/diff?before=1&after=2")
        #expect(diff.text.contains("id=\"split\" data-state=\"absent\"") && !diff.text.contains("<tr data-key=\"total\">"))
    }
}
