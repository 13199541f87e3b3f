/// A workbook that cannot be read: what is wrong, and with which file or part.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
    /// The workbook's name as the user gave it.
    public var file: String
    public var message: String

    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
