/// The company's activity data cannot be computed for the period: the problems, each at its input
/// line where it has one.
public enum CorporateInventoryError: Error, Sendable, CustomStringConvertible {
    case activity(ActivityError)
    case travel(TravelCalculationError)
    case downstream(DownstreamCalculationError)
    /// The equity-share approach cannot be applied: the message names the file and what was expected.
    case equityShare(String)

    public var description: String {
        switch self {
        case .activity(let error): "\(error)"
        case .travel(let error): "error: \(error)\n1 error; nothing was computed."
        case .downstream(let error): "error: \(error)\n1 error; nothing was computed."
        case .equityShare(let message): "error: \(message)\n1 error; nothing was computed."
        }
    }
}
