/// One finding of PACT validation or mapping: how serious, where (a JSON Pointer into the
/// footprint, e.g. `/pcf/declaredUnitAmount`; `""` is the whole footprint) and what to do about it.
public struct PACTProblem: Sendable, Hashable, CustomStringConvertible {
    /// Whether the problem makes the footprint unusable.
    public enum Severity: String, Sendable, Hashable {
        /// The footprint is rejected.
        case error
        /// The footprint is accepted; the user should look at it.
        case warning
    }

    public var severity: Severity
    /// RFC 6901 JSON Pointer of the offending value (`""` for the document itself).
    public var path: String
    /// What was found and what was expected.
    public var message: String

    public init(_ severity: Severity, _ path: String, _ message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// `path: message` (or `warning: path: message`), the path shown as `(footprint)` when empty.
    public var description: String {
        let location = path.isEmpty ? "(footprint)" : path
        return severity == .warning ? "warning: \(location): \(message)" : "\(location): \(message)"
    }
}

extension Array where Element == PACTProblem {
    /// The problems of severity error.
    public var errors: [PACTProblem] { filter { $0.severity == .error } }
    /// The problems of severity warning.
    public var warnings: [PACTProblem] { filter { $0.severity == .warning } }
}
