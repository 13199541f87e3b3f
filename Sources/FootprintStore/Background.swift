import Dispatch

/// A value computed on another thread while the caller does something else: two reads of the
/// workspace that do not depend on each other (each on its own connection of the pool) take the
/// time of the longer one on a machine with two cores. `value()` waits for it.
public final class Background<T: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the worker before `leave()`, read after `wait()`: the group orders the two.
    private var result: Result<T, WorkspaceError>?

    public init(_ work: @escaping @Sendable () throws(WorkspaceError) -> T) {
        group.enter()
        // A queue of its own gets a thread of its own: the global queue runs no more blocks at a time
        // than there are cores, counting callers that are only waiting in `value()`, so on two cores
        // two background reads would take turns.
        DispatchQueue(label: "footprint.background").async {
            do throws(WorkspaceError) { self.result = .success(try work()) } catch { self.result = .failure(error) }
            self.group.leave()
        }
    }

    public func value() throws(WorkspaceError) -> T {
        group.wait()
        switch result {
        case .success(let value): return value
        case .failure(let error): throw error
        case nil: throw .database("a background read ended without a result")
        }
    }
}
