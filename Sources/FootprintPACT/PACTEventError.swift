import FootprintCore

/// A PACT event that cannot be accepted (the server answers 400 BadRequest).
public enum PACTEventError: Error, Sendable, CustomStringConvertible {
    /// The body is not JSON.
    case malformedJSON(JSONParseError)
    /// The `type` is not one of the PACT v3 or v2 event types.
    case unsupportedType(String)
    /// The envelope or data break the event schema; paths are JSON Pointers into the event.
    case invalid([PACTProblem])

    public var description: String {
        switch self {
        case .malformedJSON(let e): return "malformed JSON at \(e)"
        case .unsupportedType(let t):
            return "event type \"\(t)\" is not supported; expected one of "
                + PACTEvent.EventType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        case .invalid(let problems): return problems.map(\.description).joined(separator: "\n")
        }
    }
}
