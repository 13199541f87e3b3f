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
        printError(error.description)
        throw ExitCode(1)
    } catch let error as InputError {
        printError(error.report())
        throw ExitCode(1)
    } catch let error as CorporateInventoryError {
        printError(error.description)
        throw ExitCode(1)
    } catch let error as FactorLibraryError {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints a JSON document (from `Encodable` or `JSONValue`).
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
