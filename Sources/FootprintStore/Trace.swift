import Foundation

/// Phase timings on stderr when FOOTPRINT_TRACE is set: for finding where a command spends its time.
public enum Trace {
    static let enabled = ProcessInfo.processInfo.environment["FOOTPRINT_TRACE"] != nil
    nonisolated(unsafe) static var last = Date()
    static let lock = NSLock()

    public static func mark(_ what: @autoclosure () -> String) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "trace: %7.1f ms  %@\n", now.timeIntervalSince(last) * 1000, what()).utf8))
        last = now
    }
}
