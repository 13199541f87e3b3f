/// How a mass splits between treatments: fractions that add up to 1 (the readers check the
/// percentages add up to 100).
public struct TreatmentShares: Sendable, Hashable {
    /// Fractions 0...1 by treatment; a treatment absent is 0.
    public private(set) var fractions: [Treatment: Double]

    /// `fractions` as given (fractions of 1, not percent), negative or zero ones left out.
    public init(_ fractions: [Treatment: Double]) {
        self.fractions = fractions.filter { $0.value > 0 }
    }

    /// The fraction of a treatment, 0 when it has none.
    public func fraction(_ treatment: Treatment) -> Double { fractions[treatment] ?? 0 }

    /// The fractions' sum, in the treatments' fixed order.
    public var total: Double { Treatment.allCases.reduce(0) { $0 + fraction($1) } }

    /// `mass` split by the shares, normalised by their sum, in the treatments' order; the last
    /// treatment with a share takes what the others leave, so that the parts add up to `mass`.
    public func split(_ mass: Double) -> [(treatment: Treatment, kg: Double)] {
        let present = Treatment.allCases.filter { fraction($0) > 0 }
        let sum = total
        guard let last = present.last, sum > 0 else { return [] }
        var result: [(treatment: Treatment, kg: Double)] = []
        var assigned = 0.0
        for t in present where t != last {
            let kg = mass * fraction(t) / sum
            assigned += kg
            result.append((t, kg))
        }
        result.append((last, max(0, mass - assigned)))
        return result
    }

    /// `reuse 28%, recycling 71.928%, landfill 0.072%`.
    public var text: String {
        Treatment.allCases.filter { fraction($0) > 0 }.map { "\($0.rawValue) \(Self.percent(fraction($0)))" }.joined(separator: ", ")
    }

    static func percent(_ f: Double) -> String {
        let p = (f * 100 * 1_000_000).rounded() / 1_000_000
        return "\(p.downstreamText)%"
    }
}

extension Double {
    /// A number as provenance shows it: integers without a fraction, otherwise in full.
    public var downstreamText: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}
