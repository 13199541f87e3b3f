import ArgumentParser
import FootprintStore

extension Footprint {
    /// `footprint init`: creates a workspace.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a workspace: an SQLite database with the built-in factor library installed.",
            discussion: "Does nothing to a workspace that exists but bring its schema up to date."
        )

        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let path = workspace.path
            let (ws, created) = try report { () throws(WorkspaceError) in try Workspace.create(path: path) }
            let libraries = try report { () throws(WorkspaceError) in try ws.imports.libraries() }
            if created {
                print("Created workspace \(path)")
            } else {
                print("Workspace \(path) exists; its schema is up to date")
            }
            for library in libraries where library.active {
                print("  factor library \(library.label): \(library.factorCount) factors (\(library.title))")
            }
        }
    }
}
