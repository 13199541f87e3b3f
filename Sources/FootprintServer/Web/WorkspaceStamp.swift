import FootprintStore
import Foundation
import Synchronization

/// When what a page shows was read: the workspace's version (SQLite's `data_version`, read on a
/// connection of its own, `WorkspaceChanges`: it changes with any commit, by this process or another)
/// and the UTC day (pages that say "as of today"). What is kept with one stamp is good while the
/// stamp is the same (`WebPageCache`, `WebCache.derived`).
struct WorkspaceStamp: Equatable, Sendable {
    var version: Int64
    var day: Int

    /// Reads the stamps of one workspace.
    final class Reader: Sendable {
        let workspace: Workspace
        private let changes = Mutex<WorkspaceChanges?>(nil)

        init(_ workspace: Workspace) { self.workspace = workspace }

        /// The stamp now; nil when the version cannot be read (then nothing is kept).
        func now() -> WorkspaceStamp? {
            let reader = changes.withLock { changes in
                if changes == nil { changes = try? WorkspaceChanges(workspace) }
                return changes
            }
            guard let version = try? reader?.version() else { return nil }
            return WorkspaceStamp(version: version, day: Int(Date().timeIntervalSince1970 / 86_400))
        }
    }
}
