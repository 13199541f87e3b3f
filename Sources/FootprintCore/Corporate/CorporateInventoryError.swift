/// The company's activity data cannot be computed for the period: the problems, each at its input
/// line where it has one.
public enum CorporateInventoryError: Error, Sendable, CustomStringConvertible {
    case activity(ActivityError)
    case travel(TravelCalculationError)

    public var description: String {
        switch self {
        case .activity(let error): "\(error)"
        case .travel(let error): "error: \(error)\n1 error; nothing was computed."
        }
    }
}
