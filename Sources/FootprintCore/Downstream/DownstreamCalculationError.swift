/// The inputs were read but cannot be computed for the period, with what to do about it.
public struct DownstreamCalculationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
