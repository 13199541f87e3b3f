import Dispatch

/// A value computed on a thread of its own while the caller does something else; `value()` waits
/// for it. The one threading helper of every target: two reads of a workspace that do not depend on
/// each other (each on its own connection), the next block of a ledger read while the current one is
/// computed, an import's reading thread beside its writing one.
///
/// Each instance gets a serial queue, so a thread, of its own: the global queue runs no more blocks
/// at a time than there are cores, counting callers that are only waiting in `value()`, so on two
/// cores two background reads would take turns.
public final class Background<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once by the worker before `leave()`, read after `wait()`: the group orders the two.
    private var result: Result<Value, Failure>?

    public init(label: String = "footprint.background", _ work: @escaping @Sendable () throws(Failure) -> Value) {
        group.enter()
        DispatchQueue(label: label).async {
            do throws(Failure) { self.result = .success(try work()) } catch { self.result = .failure(error) }
            self.group.leave()
        }
    }

    /// Waits for the value, or the error the work threw.
    public func value() throws(Failure) -> Value {
        group.wait()
        return try result!.get()
    }

    /// Waits for the value, or the error the work threw, and lets go of it: the caller holds the only
    /// copy (a value whose storage it will change is then not copied first). Call it once, and not
    /// with `value()`.
    public func take() throws(Failure) -> Value {
        group.wait()
        defer { result = nil }
        return try result!.get()
    }
}

/// Wraps a value that is handed to threads which use it without overlapping writes (the caller
/// guarantees it: each thread works on its own part, or one thread at a time).
public final class UncheckedSendable<Value>: @unchecked Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}
