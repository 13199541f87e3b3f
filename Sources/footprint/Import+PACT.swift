import FootprintStore
import Foundation

extension Footprint.Import {
    /// `footprint import pact FILE... [--supplier ID]`: one line per file, then one per footprint.
    func importPACT(_ ws: Workspace) throws {
        let outcome = try report { () throws(WorkspaceError) -> PACTImportOutcome in try ws.pact.importPACT(paths: files, supplier: supplier) }
        for o in outcome.imports {
            let r = o.record
            if o.alreadyImported {
                print(
                    "\(r.fileName) is already imported as #\(r.id) (pact, \(r.rowCount) footprints, sha256 \(r.sha256.prefix(12))); nothing changed"
                )
            } else {
                print("Imported \(r.fileName) as #\(r.id): \(r.rowCount) PACT footprints, \(r.byteCount) bytes, sha256 \(r.sha256.prefix(12))")
            }
        }
        for f in outcome.footprints {
            var text = "  \(f.file)[\(f.index)] \(f.id) -> supplier \(f.supplier), \(f.status)"
            if !f.supersedes.isEmpty { text += ", supersedes \(f.supersedes.joined(separator: ", "))" }
            if !f.changed { text += " (unchanged)" }
            print(text)
        }
    }
}
