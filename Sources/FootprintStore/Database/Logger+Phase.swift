import Foundation
import Logging
import Synchronization

extension Logger {
    /// Phase timings, for finding where a command spends its time: logs at debug level that the
    /// phase `what` has ended, with the milliseconds since the previous phase of this process ended
    /// (metadata `ms`). The `footprint` command shows them on stderr with FOOTPRINT_TRACE=1.
    public func phase(_ what: @autoclosure () -> String, file: String = #fileID, function: String = #function, line: UInt = #line) {
        guard logLevel <= .debug else { return }
        let milliseconds = PhaseClock.lap() * 1000
        debug("\(what())", metadata: ["ms": "\(String(format: "%.1f", milliseconds))"], file: file, function: function, line: line)
    }
}

/// When the previous phase of this process ended.
enum PhaseClock {
    static let last = Mutex<Date?>(nil)

    /// Seconds since the previous lap (0 for the first), starting the next.
    static func lap() -> TimeInterval {
        let now = Date()
        return last.withLock { last in
            defer { last = now }
            return last.map { now.timeIntervalSince($0) } ?? 0
        }
    }
}
