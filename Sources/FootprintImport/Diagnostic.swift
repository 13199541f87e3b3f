public import FootprintCore

/// A problem in an input file, located like a compiler would: `file:line: column 'name': message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The physical line on which the record starts (the header is line 1).
    public var line: Int
    /// The column's name from the header, when the problem is in one field.
    public var column: String?
    public var message: String

    public init(file: String, line: Int, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line) }

    public var description: String {
        if let column { return "\(file):\(line): column '\(column)': \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// The input could not be read: every problem found, in file and line order.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// Problems found but not kept (past a limit, in a file with very many errors).
    public var omitted: Int

    public init(_ diagnostics: [Diagnostic], omitted: Int = 0) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
        self.omitted = omitted
    }

    public init(file: String, line: Int = 0, column: String? = nil, message: String) {
        self.init([Diagnostic(file: file, line: line, column: column, message: message)])
    }

    /// Up to `limit` diagnostics, one per line, then how many more there are.
    /// `consequence` ends the report: what did not happen because of the errors.
    public func report(limit: Int = 100, consequence: String = "nothing was computed") -> String {
        var lines = diagnostics.prefix(limit).map { "error: \($0)" }
        let total = diagnostics.count + omitted
        if total > limit { lines.append("error: ... and \(total - min(limit, diagnostics.count)) more errors") }
        lines.append("\(total) error\(total == 1 ? "" : "s"); \(consequence).")
        return lines.joined(separator: "\n")
    }

    public var description: String { report() }
}
