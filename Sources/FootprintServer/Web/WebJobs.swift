import Dispatch
import FootprintCore
import FootprintStore
import Foundation
import Synchronization

/// Long work started from the browser (an upload's import, a calculation, the split of a diff, a
/// run's verification), run in the server process on a thread of its own (never the event loop, nor
/// the thread pool that checks passwords), its progress kept for the job's page (`/app/jobs/ID`).
/// One job at a time per workspace (the server serves one): imports and calculations both write it,
/// SQLite takes one writer at a time anyway, and the jobs that read every line of one or two runs
/// would only slow each other and the pages down. Jobs are kept in memory: the last `kept` finished ones, and none survives
/// a restart of the server (a job that was running then has either committed or left nothing, as
/// every import and run is one transaction).
final class WebJobs: Sendable {
    /// What a job does.
    enum Work: Sendable {
        /// Importing an uploaded file (`footprint import KIND FILE`), under the file's own name.
        case upload(kind: ImportKind, file: String)
        /// Calculating the workspace (`footprint calculate`).
        case calculation
        /// Splitting the change between two runs into activity, method switch and figures (`runs diff A B`).
        case split(before: Int64, after: Int64)
        /// Verifying a run line by line (`runs show N`).
        case verification(run: Int64)
    }

    /// How a job ended.
    enum Outcome: Sendable {
        case imported(ImportOutcome)
        case calculated(CalculationRun)
        case split(ChangeAttribution)
        case verified(RunVerification)
        /// Nothing stored: the import's problems by file, line and column, or why the run was not made.
        case failed(WorkspaceError)
    }

    struct Job: Sendable {
        /// Random, 256 bits (base64url): a job's page cannot be guessed (and only its starter may see it).
        let id: String
        let work: Work
        let userID: Int64
        let startedAt: Date
        var progress: ProgressUpdate
        var outcome: Outcome?
        var endedAt: Date?

        var running: Bool { outcome == nil }
    }

    /// A job could not start: this one is still running.
    struct Busy: Error {
        let running: Job
    }

    private struct State {
        var jobs: [String: Job] = [:]
        /// Finished jobs, oldest first.
        var finished: [String] = []
        var running: String?
    }

    private let state = Mutex(State())
    /// Finished jobs kept for their pages.
    let kept: Int

    init(kept: Int = 32) {
        self.kept = kept
    }

    func job(_ id: String) -> Job? { state.withLock { $0.jobs[id] } }

    /// The running job, if any.
    var running: Job? { state.withLock { s in s.running.flatMap { s.jobs[$0] } } }

    /// Starts `body` on a thread of its own with a reporter that keeps the job's progress, unless
    /// another job is running (`Busy`). `body` returns how the job ended; `cleanup` runs after it.
    func start(
        _ work: Work,
        task: String,
        userID: Int64,
        body: @escaping @Sendable (ProgressReporter) -> Outcome
    ) throws(Busy) -> Job {
        let id = UserStore.randomToken()
        let job = Job(id: id, work: work, userID: userID, startedAt: Date(), progress: ProgressUpdate(task: task, phase: "waiting"))
        let busy: Job? = state.withLock { s in
            if let running = s.running, let job = s.jobs[running] { return job }
            s.jobs[id] = job
            s.running = id
            return nil
        }
        if let busy { throw Busy(running: busy) }
        let reporter = ProgressReporter(task: task, interval: .milliseconds(250)) { [weak self] update in
            self?.state.withLock { $0.jobs[id]?.progress = update }
        }
        DispatchQueue(label: "footprint.web.job").async {
            let outcome = body(reporter)
            self.end(id, outcome, progress: reporter.current)
        }
        return job
    }

    private func end(_ id: String, _ outcome: Outcome, progress: ProgressUpdate) {
        state.withLock { s in
            s.jobs[id]?.outcome = outcome
            s.jobs[id]?.endedAt = Date()
            s.jobs[id]?.progress = progress
            if s.running == id { s.running = nil }
            s.finished.append(id)
            while s.finished.count > kept { s.jobs[s.finished.removeFirst()] = nil }
        }
    }
}
