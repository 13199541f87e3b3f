/// A ListFootprints query or RequestCreated filter that cannot be understood.
public struct PACTFilterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The parameter (`validOn`, `productId`, ...).
    public let parameter: String
    /// What was found and what was expected.
    public let message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    /// `parameter 'validOn': ...`.
    public var description: String { "parameter '\(parameter)': \(message)" }
}
