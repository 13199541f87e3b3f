import Foundation
import Logging

/// The `footprint` command's logging: swift-log to stderr, for the libraries (`footprint.store`,
/// phase timings at debug level) and the command itself (`footprint`). The level comes from the
/// environment: FOOTPRINT_LOG_LEVEL (trace, debug, info, notice, warning, error, critical), else
/// debug when FOOTPRINT_TRACE is set (the switch for phase timings), else info. `serve --log-level`
/// sets the server's own logger apart.
enum CommandLogging {
    /// The command's own logger (phase timings of printing and the like).
    static let logger = Logger(label: "footprint")

    /// Installs the stderr handler at the level the environment asks for; once, before any logger is made.
    static func bootstrap(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let level = level(environment)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func level(_ environment: [String: String]) -> Logger.Level {
        if let name = environment["FOOTPRINT_LOG_LEVEL"], let level = Logger.Level(rawValue: name.lowercased()) { return level }
        return environment["FOOTPRINT_TRACE"] != nil ? .debug : .info
    }
}
