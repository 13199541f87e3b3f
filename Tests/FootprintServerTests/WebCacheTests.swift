import FootprintCore
import FootprintStore
import Foundation
import NIOHTTP1
import Synchronization
import Testing

@testable import FootprintServer

/// What the pages derive from the whole workspace is kept until anything is committed to it, by this
/// process or another.
@Suite struct WebCacheTests {
    @Test func derivedValuesAreMadeAgainAfterAnyCommit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fp-web-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("footprint.sqlite").path
        let (workspace, _) = try Workspace.create(path: path)
        let cache = WebCache()
        let stamps = WorkspaceStamp.Reader(workspace)
        let made = Mutex(0)
        func look() throws -> Int {
            try cache.derived("count", stamp: stamps.now()) {
                made.withLock {
                    $0 += 1
                    return $0
                }
            }
        }
        #expect(try look() == 1 && look() == 1 && look() == 1)
        // A commit through this workspace, then one through another connection (another process's).
        _ = try workspace.setFiscalYearStartMonth(7)
        #expect(try look() == 2 && look() == 2)
        _ = try Workspace(path: path).setFiscalYearStartMonth(1)
        #expect(try look() == 3 && look() == 3)
        // Another name is kept apart.
        #expect(try cache.derived("other", stamp: stamps.now()) { "x" } == "x")
        #expect(try look() == 3)
    }
}

/// Pages kept for a user until the workspace changes, each session's CSRF token put back in.
@Suite struct WebPageCacheTests {
    @Test func aKeptPageCarriesItsSessionsTokenAndGoesWithTheNextCommit() async throws {
        let host = try await WebPagesTests.host()
        let first = try WebTests.Browser(host)
        let second = try WebTests.Browser(host)
        defer {
            Task {
                await first.client.shutdown()
                await second.client.shutdown()
                await host.stop()
            }
        }
        #expect(try await first.signIn("ada").status == 303)
        #expect(try await second.signIn("ada").status == 303)
        let path = "/app/engagement/requests"
        let a = try await first.send(.GET, path)
        let again = try await first.send(.GET, path)
        let other = try await second.send(.GET, path)
        #expect(a.status == 200 && again.text == a.text)
        // The second session's page is the same but for its own token, which its forms carry.
        let tokens = (WebTests.Browser.token(a), WebTests.Browser.token(other))
        #expect(tokens.0 != nil && tokens.1 != nil && tokens.0 != tokens.1)
        #expect(other.text.replacingOccurrences(of: tokens.1 ?? "", with: tokens.0 ?? "") == a.text)
        #expect(WebPageCache.cut(Array("a-T-b-T".utf8), at: Array("T".utf8)).map { String(decoding: $0, as: UTF8.self) } == ["a-", "-b-", ""])
        #expect(try await second.send(.POST, "/app/language", form: [("_csrf", tokens.1 ?? ""), ("language", "en")]).status == 303)
        // A commit (a new data request): the page is made again.
        _ = try host.workspace.suppliers.addEngagementRequest(
            supplier: "SUP-0002",
            kind: .pcf,
            ask: "footprints of the new routers",
            dueOn: "2030-01-31",
            requestedOn: "2026-01-06"
        )
        let after = try await first.send(.GET, path)
        #expect(after.text.contains("footprints of the new routers") && !a.text.contains("footprints of the new routers"))
    }
}
