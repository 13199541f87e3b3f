/// Malformed JSON text: where it went wrong (1-based line and column, in characters) and what was expected.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the offending character.
    public let line: Int
    /// 1-based column (in Unicode scalars) of the offending character.
    public let column: Int
    /// Byte offset of the offending character from the start of the input.
    public let offset: Int
    /// What was found there, e.g. `"x"` or `end of input`.
    public let found: String
    /// What a valid document has there, e.g. `a value (object, array, string, number, true, false or null)`.
    public let expected: String

    public init(line: Int, column: Int, offset: Int, found: String, expected: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.found = found
        self.expected = expected
    }

    /// `line:column: found X; expected Y`.
    public var description: String { "\(line):\(column): found \(found); expected \(expected)" }
}
