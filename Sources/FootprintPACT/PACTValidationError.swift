/// A footprint that is not a valid PACT v3 footprint: every problem found (errors and warnings).
public struct PACTValidationError: Error, Sendable, CustomStringConvertible {
    /// The footprint's `id` when it could be read.
    public let id: String?
    /// All problems, errors first.
    public let problems: [PACTProblem]

    public init(id: String?, problems: [PACTProblem]) {
        self.id = id
        self.problems = problems.errors + problems.warnings
    }

    /// One line per problem, prefixed by the footprint id.
    public var description: String {
        let head = id.map { "footprint \($0)" } ?? "footprint"
        return problems.map { "\(head): \($0)" }.joined(separator: "\n")
    }
}
