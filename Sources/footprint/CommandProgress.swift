import ArgumentParser
import FootprintCore
import Foundation
import Synchronization

/// `--no-progress`: the progress of a long import or calculation is shown on standard error unless
/// this is given (standard output, what tests and scripts read, is the same either way).
struct ProgressOption: ParsableArguments {
    @Flag(
        name: .customLong("no-progress"),
        help: "Show no progress on standard error (by default: a bar when it is a terminal, else a line per phase and per 10%)."
    )
    var noProgress = false
}

/// Shows a `ProgressReporter`'s updates on standard error: on a terminal a bar redrawn in place (at
/// most ten times a second, the reporter's rate), else plain lines, one when a phase starts, one each
/// time the work passes another 10 %, and one at the end. Work that ends within `delay` (1 s, or
/// `FOOTPRINT_PROGRESS_AFTER` seconds) shows nothing: the quick start imports twenty small files.
final class CommandProgress: Sendable {
    enum Style: Sendable {
        case bar
        case lines
    }

    let style: Style
    /// How long work runs before its progress is shown.
    let delay: Duration
    private let started = ContinuousClock.now
    private let write: @Sendable (String) -> Void
    private struct Shown {
        var phase: String?
        var tenths = 0
        /// A bar is on the terminal's last line, without its newline.
        var drawn = false
    }
    private let shown = Mutex(Shown())

    init(style: Style, delay: Duration = .zero, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.delay = delay
        self.write = write
    }

    /// `FOOTPRINT_PROGRESS_AFTER` (seconds), else 1 s.
    static var configuredDelay: Duration {
        let seconds = ProcessInfo.processInfo.environment["FOOTPRINT_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        return .milliseconds(Int(max(0, seconds) * 1000))
    }

    /// A reporter for `task` that shows on standard error (a bar when it is a terminal), and the
    /// display to `close` when the work ends; nil for both with `--no-progress`.
    static func start(_ task: String, _ option: ProgressOption) -> (ProgressReporter?, CommandProgress?) {
        guard !option.noProgress else { return (nil, nil) }
        let display = CommandProgress(style: isatty(STDERR_FILENO) != 0 ? .bar : .lines, delay: configuredDelay) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
        return (ProgressReporter(task: task) { display.show($0) }, display)
    }

    func show(_ update: ProgressUpdate) {
        // Quick work shows nothing; longer work from the update after `delay` on (that update says where it is).
        guard ContinuousClock.now - started >= delay else { return }
        shown.withLock { s in
            switch style {
            case .bar:
                write("\r\u{1B}[2K" + Self.bar(update) + " " + String(Self.line(update).prefix(100)))
                s.drawn = true
                if update.finished {
                    write("\n")
                    s.drawn = false
                }
            case .lines:
                let tenths = update.percent / 10
                guard update.phase != s.phase || tenths > s.tenths || update.finished else { return }
                s.phase = update.phase
                s.tenths = max(s.tenths, tenths)
                write(Self.line(update) + "\n")
            }
        }
    }

    /// Ends a bar left on the terminal (the work stopped before it finished), so that what follows starts on a line of its own.
    func close() {
        shown.withLock { s in
            if s.drawn { write("\n") }
            s.drawn = false
        }
    }

    /// `[#########---------------]`: 24 cells.
    static func bar(_ update: ProgressUpdate) -> String {
        let cells = 24
        let full = min(cells, update.percent * cells / 100)
        return "[" + String(repeating: "#", count: full) + String(repeating: "-", count: cells - full) + "]"
    }

    /// `import purchases.csv: 40% reading (24.1 of 60.2 MB, 2,000,000 records)`.
    static func line(_ update: ProgressUpdate) -> String {
        var text = "\(update.task): \(update.percent)% \(update.phase)"
        guard !update.finished else { return text }
        var parts: [String] = []
        switch (update.unit, update.total) {
        case (.bytes, let total?): parts.append(size(update.done, of: total))
        case (.bytes, nil): parts.append(size(update.done, of: update.done))
        case (let unit, let total?): parts.append("\(grouped(update.done)) of \(grouped(total)) \(unit.rawValue)")
        case (_, nil): break
        }
        if let records = update.records { parts.append("\(grouped(records)) records") }
        if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
        return text
    }

    /// `24.1 of 60.2 MB`, or in kB for a file under a megabyte.
    static func size(_ done: Int64, of total: Int64) -> String {
        let (unit, name) = total < 1_000_000 ? (1_000.0, "kB") : (1_000_000.0, "MB")
        return String(format: "%.1f of %.1f ", Double(done) / unit, Double(total) / unit) + name
    }

    static func grouped(_ value: Int64) -> String { InventorySummary.grouped(Double(value), places: 0) }
}
