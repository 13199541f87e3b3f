import FootprintCore
import FootprintStore
import Foundation
import Synchronization

/// What the jobs that read every line of stored runs found, kept in memory for this server process:
/// the split of the change between two runs (`changeAttribution`), by the pair, and a run's last
/// verification (`verifyRun`), by run. A stored run never changes, so neither does a split; a
/// verification is kept with when it was made (it checks the workspace's file as it was then). The
/// latest `capacity` of each are kept; none survives a restart of the server.
final class WebRunChecks: Sendable {
    struct Pair: Hashable, Sendable {
        let before: Int64
        let after: Int64
    }

    struct Checked<Value: Sendable>: Sendable {
        let value: Value
        let at: Date
    }

    private struct State {
        var splits: [Pair: Checked<ChangeAttribution>] = [:]
        var splitOrder: [Pair] = []
        var verifications: [Int64: Checked<Result<RunVerification, WorkspaceError>>] = [:]
        var verificationOrder: [Int64] = []
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 16) { self.capacity = capacity }

    func split(before: Int64, after: Int64) -> Checked<ChangeAttribution>? {
        state.withLock { $0.splits[Pair(before: before, after: after)] }
    }

    func keep(split: ChangeAttribution, before: Int64, after: Int64) {
        let pair = Pair(before: before, after: after)
        state.withLock { s in
            s.splits[pair] = Checked(value: split, at: Date())
            s.splitOrder.removeAll { $0 == pair }
            s.splitOrder.append(pair)
            while s.splitOrder.count > capacity { s.splits[s.splitOrder.removeFirst()] = nil }
        }
    }

    func verification(run: Int64) -> Checked<Result<RunVerification, WorkspaceError>>? {
        state.withLock { $0.verifications[run] }
    }

    func keep(verification: Result<RunVerification, WorkspaceError>, run: Int64) {
        state.withLock { s in
            s.verifications[run] = Checked(value: verification, at: Date())
            s.verificationOrder.removeAll { $0 == run }
            s.verificationOrder.append(run)
            while s.verificationOrder.count > capacity { s.verifications[s.verificationOrder.removeFirst()] = nil }
        }
    }
}
