import FootprintCore

/// A PACT document that cannot be read: malformed JSON, an unknown shape, or footprints with errors.
public enum PACTDocumentError: Error, Sendable, CustomStringConvertible {
    /// The file is not JSON; the parse error names line and column.
    case malformedJSON(file: String, JSONParseError)
    /// The JSON is not one of the accepted shapes.
    case unrecognizedShape(file: String, found: String)
    /// At least one footprint has errors: every problem (errors and warnings) of every such footprint.
    case invalidFootprints(file: String, [FootprintProblems])

    /// The problems of one footprint of a document.
    public struct FootprintProblems: Sendable {
        /// 0-based position in the document.
        public var index: Int
        /// The footprint's id when it has one.
        public var id: String?
        /// Its problems (paths are JSON Pointers inside the footprint).
        public var problems: [PACTProblem]
    }

    /// `file:line:column: ...`, or one line per problem: `file: footprint N (id X): /path: message`
    /// with N counted from 1.
    public var description: String {
        switch self {
        case .malformedJSON(let file, let e):
            return "\(file):\(e.line):\(e.column): malformed JSON: found \(e.found); expected \(e.expected)"
        case .unrecognizedShape(let file, let found):
            return
                "\(file): found \(found); expected a PACT footprint object, an array of footprints, a response {\"data\": ...} or a RequestFulfilledEvent"
        case .invalidFootprints(let file, let list):
            var lines: [String] = []
            for f in list {
                let head = "\(file): footprint \(f.index + 1)" + (f.id.map { " (id \($0))" } ?? "")
                for p in f.problems.errors + f.problems.warnings {
                    let path = p.path.isEmpty ? "(footprint)" : p.path
                    lines.append("\(head): \(p.severity == .warning ? "warning: " : "")\(path): \(p.message)")
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}
