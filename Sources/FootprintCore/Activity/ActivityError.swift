/// The activity cannot be calculated: every problem found, each at its input line, e.g.
/// `energy.csv:4: column 'site': no location-based factor for DK in 2024 or earlier; add a grid_factors.csv row`.
public struct ActivityError: Error, Sendable, CustomStringConvertible {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var source: SourceLocation
        public var column: String?
        public var message: String

        public var description: String {
            column.map { "\(source): column '\($0)': \(message)" } ?? "\(source): \(message)"
        }
    }

    public var problems: [Problem]

    public var description: String {
        (problems.map { "error: \($0)" } + ["\(problems.count) error\(problems.count == 1 ? "" : "s"); nothing was computed."])
            .joined(separator: "\n")
    }
}
