import ArgumentParser
import FootprintCore
import FootprintImport
import FootprintStore
import Foundation

/// `--db PATH`, which every workspace command takes.
struct WorkspaceOption: ParsableArguments {
    @Option(name: .long, help: "The workspace database (default: $FOOTPRINT_DB, else ./footprint.sqlite).")
    var db: String?

    var path: String { Workspace.resolvePath(db) }

    func open() throws -> Workspace {
        try report { () throws(WorkspaceError) in try Workspace(path: path) }
    }
}

/// Runs `body`; a `WorkspaceError` or `InputError` is printed to stderr and exits with status 1.
func report<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkspaceError {
        throw failure(error.description)
    } catch let error as InputError {
        throw failure(error.report())
    } catch let error as CorporateInventoryError {
        throw failure(error.description)
    } catch let error as FactorLibraryError {
        throw failure("error: \(error)")
    }
}
