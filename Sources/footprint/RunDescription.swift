import FootprintCore
import FootprintStore
import Foundation

/// How runs are described on the terminal and in JSON.
enum RunDescription {
    static func headline(_ run: CalculationRun) -> String {
        if run.upToDate {
            return "Nothing changed since run #\(run.id) (\(run.createdAt.prefix(19)) UTC): its inventory stands. Use --full to recompute anyway."
        }
        let how =
            run.kind == .full
            ? "full recalculation of \(run.recomputedLines) lines"
            : "incremental from run #\(run.parentID ?? 0): \(run.recomputedLines) of \(run.lineCount) lines recomputed"
        return "Run #\(run.id): \(how) in \(String(format: "%.2f", run.seconds)) s; libraries "
            + run.inputs.libraries.map { "\($0.key)@\($0.version)" }.joined(separator: ", ")
    }

    static func json(_ run: CalculationRun) -> JSONValue {
        .object([
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
