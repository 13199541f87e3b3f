/// A part of a larger piece of work reported to one `ProgressReporter`: the part's phases end at
/// shares of the part (0...1), which the part maps to the whole's `from...to`. So a function that
/// reports its own phases (reading a run's lines) can be one part of a larger job (reading two runs)
/// without knowing it.
public struct ProgressPart: Sendable {
    public let reporter: ProgressReporter
    public let from: Double
    public let to: Double

    public init(_ reporter: ProgressReporter, from: Double = 0, to: Double = 1) {
        self.reporter = reporter
        self.from = max(0, min(1, from))
        self.to = max(self.from, min(1, to))
    }

    /// Starts a phase of the part that ends with `share` of the part done.
    public func begin(_ phase: String, total: Int64? = nil, unit: ProgressUpdate.Unit = .records, upTo share: Double) {
        reporter.begin(phase, total: total, unit: unit, upTo: from + (to - from) * max(0, min(1, share)))
    }

    /// The part `from...to` of this part (shares of this part).
    public func part(from start: Double, to end: Double) -> ProgressPart {
        ProgressPart(reporter, from: from + (to - from) * start, to: from + (to - from) * end)
    }

    public func advance(by count: Int64) { reporter.advance(by: count) }
}
