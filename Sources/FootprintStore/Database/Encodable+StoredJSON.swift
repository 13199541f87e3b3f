import Foundation

extension Encodable {
    /// This value's JSON as the workspace stores it: compact, with sorted keys, so that equal values
    /// are stored alike.
    func storedJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// The same as text.
    func storedJSONText() throws -> String { String(decoding: try storedJSON(), as: UTF8.self) }
}
