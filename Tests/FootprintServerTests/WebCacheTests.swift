import FootprintStore
import Foundation
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
        let made = Mutex(0)
        func look() throws -> Int {
            try cache.derived("count", workspace: workspace) {
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
        #expect(try cache.derived("other", workspace: workspace) { "x" } == "x")
        #expect(try look() == 3)
    }
}
