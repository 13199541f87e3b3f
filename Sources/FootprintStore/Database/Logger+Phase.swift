import Foundation
import Logging
import Synchronization

extension Logger {
    /// Phase timings, for finding where a command spends its time: logs at debug level that the
    /// phase `what` has ended, with the milliseconds since the previous phase of this process ended
    /// (metadata `ms`), and on Linux the process's resident memory and its peak so far in MB
    /// (`rss_mb`, `peak_mb`). The `footprint` command shows them on stderr with FOOTPRINT_TRACE=1.
    public func phase(_ what: @autoclosure () -> String, file: String = #fileID, function: String = #function, line: UInt = #line) {
        guard logLevel <= .debug else { return }
        let milliseconds = PhaseClock.lap() * 1000
        var metadata: Logger.Metadata = ["ms": "\(String(format: "%.1f", milliseconds))"]
        if let memory = PhaseMemory.read() {
            metadata["rss_mb"] = "\(memory.rss / 1024)"
            metadata["peak_mb"] = "\(memory.peak / 1024)"
        }
        debug("\(what())", metadata: metadata, file: file, function: function, line: line)
    }
}

/// The process's resident memory now and at its peak, in KB (`VmRSS`, `VmHWM` of /proc/self/status);
/// nil where there is no such file.
enum PhaseMemory {
    static func read() -> (rss: Int, peak: Int)? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        var rss: Int?
        var peak: Int?
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2 else { continue }
            if fields[0] == "VmRSS:" { rss = Int(fields[1]) }
            if fields[0] == "VmHWM:" { peak = Int(fields[1]) }
        }
        guard let rss, let peak else { return nil }
        return (rss, peak)
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
