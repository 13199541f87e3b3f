public import FootprintCore
public import FootprintImport

/// Why a workspace command could not do what was asked, in words a user can act on.
public enum WorkspaceError: Error, Sendable, CustomStringConvertible {
    case notFound(path: String)
    case cannotOpen(path: String, reason: String)
    case input(InputError)
    case unknownImport(id: Int64)
    case importNotActive(id: Int64, status: String)
    case wrongKind(id: Int64, kind: String, expected: String)
    case duplicatePurchaseIDs([String])
    case conflict(String)
    case unknownRun(id: Int64)
    case noRuns
    /// The KPIs were asked to credit manufacturers for a run stored before its manufactured lines were kept.
    case noManufacturedLines(run: Int64)
    case nothingToCalculate
    /// No purchase line is dated in the period; the workspace's lines run from `first` to `last` (YYYY-MM-DD).
    case emptyPeriod(period: String, first: String, last: String)
    /// A run's line, evaluated again with the run's inputs, does not give the figure the run stored.
    case lineMismatch(String)
    case database(String)
    /// Internal: the import turned out to repeat an active one; callers report it as such.
    case alreadyImported(ImportRecord)
    /// The activity data in force cannot be computed for the run's period (a country without a grid
    /// factor, ...): every problem at its input line.
    case corporate(CorporateInventoryError)

    public var description: String {
        switch self {
        case .notFound(let path):
            "no workspace at '\(path)': run 'footprint init' to create one, or give its path with --db or FOOTPRINT_DB"
        case .cannotOpen(let path, let reason): "cannot open the workspace '\(path)': \(reason)"
        case .input(let error): error.report(consequence: "nothing was imported")
        case .unknownImport(let id): "there is no import #\(id); 'footprint imports' lists them"
        case .importNotActive(let id, let status): "import #\(id) is \(status), not active; 'footprint imports' lists the active ones"
        case .wrongKind(let id, let kind, let expected):
            "import #\(id) is a \(kind) import, not \(expected); --replace takes an import of the same kind"
        case .duplicatePurchaseIDs(let messages):
            messages.map { "error: \($0)" }.joined(separator: "\n")
                + "\n\(messages.count) duplicate purchase id\(messages.count == 1 ? "" : "s"); nothing was imported."
        case .conflict(let message): message
        case .unknownRun(let id): "there is no calculation run #\(id); 'footprint runs' lists them"
        case .noManufacturedLines(let run):
            "run #\(run) was stored before the lines of products with a manufacturer were kept, so its KPIs cannot credit manufacturers: 'footprint calculate --full' stores a run that can, or use '--attribute supplier'"
        case .noRuns: "the workspace has no calculation run yet: run 'footprint calculate' first"
        case .nothingToCalculate: "the workspace has no purchases: import a ledger first ('footprint import purchases FILE')"
        case .emptyPeriod(let period, let first, let last):
            "no purchase line is dated in the period \(period); the workspace's purchases run from \(first) to \(last): "
                + "give another period with --period YEAR (the fiscal year is named by the year it ends)"
        case .lineMismatch(let message): "audit check failed: \(message)"
        case .database(let message): "database error: \(message)"
        case .alreadyImported(let record): "the file is already imported as #\(record.id); nothing changed"
        case .corporate(let error): "the corporate inventory cannot be computed:\n\(error)"
        }
    }
}
