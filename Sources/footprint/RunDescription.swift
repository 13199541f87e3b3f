import FootprintCore
import FootprintStore
import Foundation

/// How runs are described on the terminal and in JSON.
enum RunDescription {
    static func headline(_ run: CalculationRun) -> String {
        if run.upToDate {
            return
                "Nothing changed since run #\(run.id)\(period(run).map { " for \($0)" } ?? "") (\(run.createdAt.prefix(19)) UTC): its inventory stands. Use --full to recompute anyway."
        }
        let how =
            run.kind == .full
            ? "full recalculation of \(run.recomputedLines) lines"
            : "incremental from run #\(run.parentID ?? 0): \(run.recomputedLines) of \(run.lineCount) lines recomputed"
        return "Run #\(run.id)\(period(run).map { " for \($0)" } ?? ""): \(how) in \(String(format: "%.2f", run.seconds)) s; libraries "
            + run.inputs.libraries.map { "\($0.key)@\($0.version)" }.joined(separator: ", ")
    }

    /// `2024 (2024-01-01 to 2024-12-31)`, `FY2024 (2023-07-01 to 2024-06-30)`; nil when the run counted every line.
    static func period(_ run: CalculationRun) -> String? {
        run.period.map { $0.startMonth == 1 ? "\($0.year) (\($0.startText) to \($0.endText))" : $0.description }
    }

    static func json(_ run: CalculationRun) -> JSONValue {
        .object([
            ("period", run.period?.json() ?? .null),
            ("id", .integer(Int(run.id))), ("created_at", .string(run.createdAt)), ("kind", .string(run.kind.rawValue)),
            ("parent", run.parentID.map { .integer(Int($0)) } ?? .null), ("up_to_date", .bool(run.upToDate)),
            ("lines", .integer(run.lineCount)), ("recomputed_lines", .integer(run.recomputedLines)), ("seconds", .number(run.seconds)),
            (
                "imports",
                .array(
                    run.inputs.imports.map { i in
                        .object([
                            ("id", .integer(Int(i.importID))), ("kind", .string(i.kind)), ("file", .string(i.file)), ("sha256", .string(i.sha256)),
                        ])
                    }
                )
            ),
            (
                "libraries",
                .array(
                    run.inputs.libraries.map { l in
                        .object([
                            ("id", .integer(Int(l.id))), ("key", .string(l.key)), ("version", .string(l.version)),
                            ("sha256", l.sha256.map { .string($0) } ?? .null),
                        ])
                    }
                )
            ),
        ])
    }
}
