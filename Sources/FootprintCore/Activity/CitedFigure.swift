/// A built-in figure with the publication it comes from, and whether it was checked against a
/// retrieved copy of that publication (`verified`): an auditor sees which were not.
public struct CitedFigure: Sendable, Hashable {
    public var value: Double
    public var source: String
    public var verified: Bool

    public init(_ value: Double, source: String, verified: Bool) {
        self.value = value
        self.source = source
        self.verified = verified
    }
}
