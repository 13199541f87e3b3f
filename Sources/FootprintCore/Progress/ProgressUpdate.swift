/// Where a long piece of work stands (an import, a calculation): its phase, how far the phase is
/// (`done` of `total` in `unit`, when it has a total) and the whole work's `fraction`, which never
/// goes back and is 1 when `finished`. What `ProgressReporter` hands its sink.
public struct ProgressUpdate: Sendable, Equatable {
    /// What `done` and `total` count.
    public enum Unit: String, Sendable {
        case bytes, lines, records
    }

    /// The work, e.g. `import purchases.csv` or `calculate`.
    public var task: String
    /// The phase it is in, e.g. `reading`, `evaluating lines`.
    public var phase: String
    /// How much of the phase is done, in `unit`.
    public var done: Int64
    /// How much the phase has to do, when known.
    public var total: Int64?
    public var unit: Unit
    /// Records read so far, when the phase counts bytes of a file of records.
    public var records: Int64?
    /// The whole work's share done, 0...1: it never decreases, and it is 1 once `finished`.
    public var fraction: Double
    public var finished: Bool

    public init(
        task: String,
        phase: String,
        done: Int64 = 0,
        total: Int64? = nil,
        unit: Unit = .records,
        records: Int64? = nil,
        fraction: Double = 0,
        finished: Bool = false
    ) {
        self.task = task
        self.phase = phase
        self.done = done
        self.total = total
        self.unit = unit
        self.records = records
        self.fraction = fraction
        self.finished = finished
    }

    /// The whole work's share in whole percent, 0...100 (100 only once finished).
    public var percent: Int {
        finished ? 100 : min(99, max(0, Int((fraction * 100 + 1e-9).rounded(.down))))
    }
}
