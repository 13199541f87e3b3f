import ArgumentParser
import FootprintCore
import FootprintStore

extension Footprint {
    /// `footprint imports`: lists imports; `footprint imports remove ID` takes one out.
    struct Imports: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "imports",
            abstract: "List the workspace's imports, or remove one.",
            subcommands: [List.self, Remove.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List every import: file, size, SHA-256, time, rows, status."
            )
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            func run() throws {
                let ws = try workspace.open()
                let records = try report { () throws(WorkspaceError) in try ws.imports.list() }
                if json { return try printJSON(records) }
                guard !records.isEmpty else { return print("No imports yet: 'footprint import KIND FILE' adds one.") }
                let rows = records.map { r in
                    [
                        "#\(r.id)", r.kind.rawValue, r.fileName, String(r.rowCount), String(r.byteCount), String(r.sha256.prefix(12)),
                        String(r.importedAt.prefix(19)), r.status.rawValue + (r.replaces.map { " (replaces #\($0))" } ?? ""),
                    ]
                }
                printTable(["id", "kind", "file", "rows", "bytes", "sha256", "imported (UTC)", "status"], rows)
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove",
                abstract: "Take an import out of the workspace.",
                discussion: "Its rows stay in the database, marked removed, so that earlier calculation runs can still be explained."
            )
            @Argument(help: "The import's id (see 'footprint imports').") var id: Int64
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                let record = try report { () throws(WorkspaceError) in try ws.imports.removeImport(id: id) }
                print("Removed import #\(record.id) (\(record.kind.rawValue), \(record.fileName)); the next calculation leaves it out")
            }
        }
    }
}
