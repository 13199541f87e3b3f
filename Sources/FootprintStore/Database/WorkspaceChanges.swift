import Foundation
import GRDB

/// Tells whether anything was committed to a workspace since the last look, by any process: SQLite's
/// `data_version` of one connection of its own, which changes when another connection commits (a
/// checkpoint, which changes no content, does not count). What `calculate --watch` polls.
public final class WorkspaceChanges: @unchecked Sendable {
    private let queue: DatabaseQueue

    public init(_ workspace: Workspace) throws(WorkspaceError) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        do {
            queue = try DatabaseQueue(path: workspace.path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: workspace.path, reason: "\(error)")
        }
    }

    /// A number that changes whenever another connection commits.
    public func version() throws(WorkspaceError) -> Int64 {
        do {
            return try queue.read { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch {
            throw .database("\(error)")
        }
    }
}
