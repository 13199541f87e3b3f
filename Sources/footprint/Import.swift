import ArgumentParser
import FootprintStore
import Foundation

extension ImportKind: ExpressibleByArgument {}

extension Footprint {
    /// `footprint import KIND FILE`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a file into the workspace, whole or not at all.",
            discussion: """
                KIND is one of: purchases, suppliers, factors, rates, price-index, supplier-emissions, supplier-allocations, product-footprints, manufacturers, \
                supplier-status, categories (the canonical files of docs/formats.md; categories.csv: docs/inventory.md), or company (company.json), sites, \
                fuel, refrigerants, energy, energy-instruments, grid-factors, travel, commuting-survey, workforce, sales, product-use, end-of-life, returns, leased-equipment, avoided-emissions (docs/activity.md, \
                docs/travel-and-commuting.md, docs/downstream.md: one of each kind in force; import sites before the files that name them), or customers, \
                services, service-pools, service-usage (docs/customers.md: one of each kind in force; import customers and services before \
                the pools and usage that name them). \
                Every invalid row is reported as file:line: column 'name': problem, \
                and then nothing is imported. Importing a file that is already in force changes nothing. --replace ID \
                supersedes an earlier import of the same kind (a corrected export). Purchases from an ERP export are read \
                through a mapping file with --mapping (docs/erp-mappings.md). KIND pact takes one or more PACT JSON files \
                (a footprint, a list or an API response body, v3 or v2), all or nothing, each footprint linked to the supplier \
                its companyIds name, or to --supplier ID (docs/pact.md).
                """
        )

        @Argument(help: "What the file holds.")
        var kind: ImportKind

        @Argument(help: "The file to import (for pact: one or more files).")
        var files: [String]

        var file: String { files[0] }

        @Option(name: .long, help: "pact only: link every footprint of the files to this supplier id, whatever their companyIds.")
        var supplier: String?

        @Option(name: .long, help: "The id of an earlier import of the same kind that this file replaces.")
        var replace: Int64?

        @Option(name: .long, help: "An ERP mapping file (JSON) through which to read a purchases export.")
        var mapping: String?

        @OptionGroup var workspace: WorkspaceOption

        @OptionGroup var progressOption: ProgressOption

        func validate() throws {
            if kind == .factorLibrary { throw ValidationError("install published factor libraries with 'footprint factors install'") }
            if kind == .supplierEdit { throw ValidationError("change the register with 'footprint suppliers add' or 'footprint suppliers edit'") }
            if kind == .sbtiWorkbook { throw ValidationError("read the SBTi companies workbook with 'footprint suppliers import-sbti WORKBOOK'") }
            if kind == .supplierStatus && replace != nil {
                throw ValidationError("status facts are history: import a newer file instead of --replace")
            }
            if mapping != nil && kind != .purchases { throw ValidationError("--mapping applies to purchases only") }
            if files.isEmpty { throw ValidationError("give the file to import") }
            if kind != .pact && files.count > 1 { throw ValidationError("\(kind.rawValue) takes one file; only pact takes several") }
            if kind != .pact && supplier != nil { throw ValidationError("--supplier applies to pact only") }
            if kind == .pact && replace != nil {
                throw ValidationError("PACT footprints are superseded by their successors (precedingPfIds), not by --replace")
            }
        }

        func run() throws {
            let ws = try workspace.open()
            if kind == .pact { return try importPACT(ws) }
            let name = (file as NSString).lastPathComponent
            let (progress, display) = CommandProgress.start("import \(name)", progressOption)
            let outcome = try report { () throws(WorkspaceError) -> ImportOutcome in
                defer { display?.close() }
                return try ws.importFile(kind: kind, path: file, displayName: name, replacing: replace, mapping: mapping, progress: progress)
            }
            let r = outcome.record
            if outcome.alreadyImported {
                print(
                    "\(name) is already imported as #\(r.id) (\(r.kind.rawValue), \(r.rowCount) rows, sha256 \(r.sha256.prefix(12))); nothing changed"
                )
                return
            }
            var text = "Imported \(name) as #\(r.id): \(r.rowCount) \(r.kind.rawValue) rows, \(r.byteCount) bytes, sha256 \(r.sha256.prefix(12))"
            if let superseded = outcome.superseded { text += "; it supersedes #\(superseded)" }
            print(text + String(format: " (%.2f s)", outcome.seconds))
            for note in outcome.notes {
                print(
                    "ERP values the mapping does not cover (their lines stay in the ledger under the raw value, unmapped until a factor or mapping covers them):\n"
                        + note
                )
            }
        }
    }
}
