import FootprintCore
import FootprintImport

/// What a workspace store does, whatever keeps it. `Workspace` keeps it in SQLite; a PostgreSQL
/// store for larger deployments implements the same protocol (its bulk paths, COPY for imports and
/// parallel reads of packs for calculations, differ; the semantics do not).
public protocol WorkspaceStore: Sendable {
    var path: String { get }
    func imports() throws(WorkspaceError) -> [ImportRecord]
    func importRecord(id: Int64) throws(WorkspaceError) -> ImportRecord
    func removeImport(id: Int64) throws(WorkspaceError) -> ImportRecord
    func importPurchases(path: String, displayName: String, replacing: Int64?, mapping: String?) throws(WorkspaceError) -> ImportOutcome
    func importPurchases(path: String, mapping: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome
    func importReference(kind: ImportKind, path: String, displayName: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome
    func installLibrary(_ content: FactorLibraryContent, fileName: String, digest: String?, byteCount: Int, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome
    func libraries() throws(WorkspaceError) -> [FactorLibraryRecord]
    func calculate(_ options: CalculationOptions) throws(WorkspaceError) -> CalculationRun
    func runs() throws(WorkspaceError) -> [CalculationRun]
    func run(id: Int64?) throws(WorkspaceError) -> CalculationRun
}
