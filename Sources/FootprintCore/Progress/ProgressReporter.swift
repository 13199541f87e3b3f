import Synchronization

/// Reports the progress of one long piece of work (an import, a calculation) to a sink (the command
/// line's bar, a web job), from whatever threads do the work. The work declares its phases
/// (`begin`), each with the share of the whole it ends at, and how far it is in the current one
/// (`advance`); the reporter turns that into one `fraction` that never decreases, and calls the sink
/// at the start of each phase, at the end (`finish`), and in between at most once per `interval`,
/// so that reporting from a hot loop costs a lock and a clock reading. No I/O: the sink does that.
public final class ProgressReporter: Sendable {
    public typealias Sink = @Sendable (ProgressUpdate) -> Void

    private struct State {
        var update: ProgressUpdate
        /// The share of the whole at the start and at the end of the current phase.
        var phaseStart = 0.0
        var phaseEnd = 0.0
        /// When the sink was last called.
        var sentAt: Duration?
    }

    private let state: Mutex<State>
    private let sink: Sink
    private let interval: Duration
    private let clock: @Sendable () -> Duration

    /// `clock` gives the time since any fixed origin (tests pass their own); by default the
    /// continuous clock's.
    public init(
        task: String,
        interval: Duration = .milliseconds(100),
        clock: (@Sendable () -> Duration)? = nil,
        sink: @escaping Sink
    ) {
        state = Mutex(State(update: ProgressUpdate(task: task, phase: "starting")))
        self.sink = sink
        self.interval = interval
        if let clock {
            self.clock = clock
        } else {
            let origin = ContinuousClock.now
            self.clock = { origin.duration(to: .now) }
        }
    }

    /// The latest update (whether or not the sink has seen it).
    public var current: ProgressUpdate { state.withLock { $0.update } }

    /// Ends the current phase (the work is then at least where it was to end) and starts one that
    /// ends with `upTo` of the whole (0...1; never less than where the work already is), with `total`
    /// to do in `unit` when that is known. The sink sees it at once.
    public func begin(_ phase: String, total: Int64? = nil, unit: ProgressUpdate.Unit = .records, upTo end: Double) {
        let now = clock()
        state.withLock { s in
            guard !s.update.finished else { return }
            // A new phase ends the one before: the work is where that one ended.
            s.update.fraction = max(s.update.fraction, s.phaseEnd)
            s.phaseStart = s.update.fraction
            s.phaseEnd = max(s.phaseStart, min(1, end))
            s.update.phase = phase
            s.update.done = 0
            s.update.total = total
            s.update.unit = unit
            s.update.records = nil
            s.sentAt = now
            sink(s.update)
        }
    }

    /// The current phase has `done` of its total done (a smaller `done` than before is ignored);
    /// `records`: records read so far, when the phase counts bytes.
    public func advance(to done: Int64, records: Int64? = nil) {
        let now = clock()
        state.withLock { s in
            guard !s.update.finished else { return }
            if done > s.update.done { s.update.done = done }
            if let records, records > s.update.records ?? 0 { s.update.records = records }
            move(&s, now: now)
        }
    }

    /// The current phase has `count` more done (from any thread).
    public func advance(by count: Int64) {
        let now = clock()
        state.withLock { s in
            guard !s.update.finished else { return }
            s.update.done += max(0, count)
            move(&s, now: now)
        }
    }

    /// The work is done: the sink sees the fraction 1, once; later calls change nothing.
    public func finish(_ phase: String = "done") {
        state.withLock { s in
            guard !s.update.finished else { return }
            s.update.phase = phase
            s.update.fraction = 1
            s.update.finished = true
            if let total = s.update.total { s.update.done = max(s.update.done, total) }
            sink(s.update)
        }
    }

    private func move(_ s: inout State, now: Duration) {
        if let total = s.update.total, total > 0 {
            let share = min(1, Double(s.update.done) / Double(total))
            s.update.fraction = max(s.update.fraction, s.phaseStart + (s.phaseEnd - s.phaseStart) * share)
        }
        if let sent = s.sentAt, now - sent < interval { return }
        s.sentAt = now
        sink(s.update)
    }
}
