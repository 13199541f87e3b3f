import ArgumentParser
import FootprintCore
import Foundation

/// Prints an error message to stderr, ending with a newline.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

/// Prints `message` to stderr and returns the exit code of a failed command, for `throw failure(…)`.
func failure(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode(1)
}

/// Prints `rows` under `header` as `InventorySummary.table` lays them out (it ends with a newline).
func printTable(_ header: [String], _ rows: [[String]]) {
    print(InventorySummary.table(header, rows), terminator: "")
}

/// Prints the JSON array of `items`, each made a `JSONValue` by `element`.
func printJSONArray<Item>(_ items: [Item], _ element: (Item) -> JSONValue) {
    print(JSONValue.array(items.map(element)).rendered())
}

/// Prints a JSON document (from `Encodable` or `JSONValue`).
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
