import FootprintCore
import FootprintImport

extension Workspace {
    /// Imports one file of `kind` (not PACT, factor libraries, register edits or the SBTi workbook,
    /// which have commands of their own) through the store that keeps that kind, whole or not at all:
    /// what `footprint import KIND FILE` and the web app's upload both call. `mapping` reads a
    /// purchases export through an ERP mapping file. `progress` hears the phases (for purchases, the
    /// bytes and records read of the file) and is finished when the import is.
    public func importFile(
        kind: ImportKind,
        path: String,
        displayName: String,
        replacing: Int64?,
        mapping: String? = nil,
        progress: ProgressReporter? = nil
    ) throws(WorkspaceError)
        -> ImportOutcome
    {
        let outcome = try importFile(kind: kind, path: path, displayName: displayName, replacing: replacing, mapping: mapping, reporting: progress)
        progress?.finish(outcome.alreadyImported ? "already imported" : "imported")
        return outcome
    }

    private func importFile(
        kind: ImportKind,
        path: String,
        displayName: String,
        replacing: Int64?,
        mapping: String?,
        reporting progress: ProgressReporter?
    ) throws(WorkspaceError)
        -> ImportOutcome
    {
        if kind != .purchases { progress?.begin("reading, checking and storing", upTo: 1) }
        if kind == .supplierStatus { return try suppliers.importSupplierStatus(path: path, displayName: displayName) }
        if kind.isActivity { return try imports.importActivity(kind: kind, path: path, displayName: displayName, replacing: replacing) }
        if kind.isCustomerData { return try customers.importFile(kind: kind, path: path, displayName: displayName, replacing: replacing) }
        if kind == .purchases {
            if let mapping { return try imports.importPurchases(path: path, mapping: mapping, replacing: replacing, progress: progress) }
            return try imports.importPurchases(path: path, displayName: displayName, replacing: replacing, mapping: nil, progress: progress)
        }
        return try imports.importReference(kind: kind, path: path, displayName: displayName, replacing: replacing)
    }
}
