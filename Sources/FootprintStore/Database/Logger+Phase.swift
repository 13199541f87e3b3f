import Foundation
import Logging
import Synchronization

extension Logger {
    /// Phase timings, for finding where a command spends its time: logs at debug level that the
    /// phase `what` has ended, with the milliseconds since the previous phase of this process ended
    /// (metadata `ms`), and the process's peak resident memory so far in MB (`peak_mb`). The
    /// `footprint` command shows them on stderr with FOOTPRINT_TRACE=1.
    public func phase(_ what: @autoclosure () -> String, file: String = #fileID, function: String = #function, line: UInt = #line) {
        guard logLevel <= .debug else { return }
        let milliseconds = PhaseClock.lap() * 1000
        debug(
            "\(what())",
            metadata: ["ms": "\(String(format: "%.1f", milliseconds))", "peak_mb": "\(PhaseClock.peakMegabytes())"],
            file: file,
            function: function,
            line: line
        )
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

    /// The process's peak resident memory so far, in MB (`getrusage`'s `ru_maxrss`: KB on Linux, bytes on macOS).
    static func peakMegabytes() -> Int {
        var usage = rusage()
        #if os(Linux)
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) / 1024
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) / (1024 * 1024)
        #endif
    }
}
