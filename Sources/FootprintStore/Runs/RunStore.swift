import FootprintCore
import Foundation

/// The calculation runs of a workspace and their audit: calculating, the stored line results, verifying.
public struct RunStore: RunStoring {
    public let workspace: Workspace
}

/// What a workspace's calculation runs offer: calculating, the runs and their inventories, and the
/// audit of a run line by line. `RunStore` implements it on the SQLite file; a PostgreSQL store can
/// implement the same operations. SQLite-specific hot paths: `calculate` reads the purchase packs
/// and writes the line-result packs as blobs (`LineResultPack`, read in place through
/// `sqlite3_column_blob` by worker threads with a connection each), and `verifyRun`/`runLines`
/// read them back the same way: a row per line would cost more than the calculation.
public protocol RunStoring: Sendable {
    func calculate(_ options: CalculationOptions) throws(WorkspaceError) -> CalculationRun
    func list() throws(WorkspaceError) -> [CalculationRun]
    func run(id: Int64?) throws(WorkspaceError) -> CalculationRun
    func runInventory(id: Int64?) throws(WorkspaceError) -> RunInventory
    func verifyRun(id: Int64) throws(WorkspaceError) -> RunVerification
    /// `verifyRun`, reporting the lines verified to `progress` (a web job).
    func verifyRun(id: Int64, progress: ProgressPart?) throws(WorkspaceError) -> RunVerification
    func runLines(id: Int64, filter: RunLineFilter, _ body: (RunLine) -> Void) throws(WorkspaceError) -> RunVerification
    /// `runLines`, reporting the lines verified and then read to `progress` (a web job).
    func runLines(id: Int64, filter: RunLineFilter, progress: ProgressPart?, _ body: (RunLine) -> Void) throws(WorkspaceError) -> RunVerification
    /// Folds the write-ahead log into the file: SQLite-specific, a no-op elsewhere.
    func checkpoint() throws(WorkspaceError)
}
