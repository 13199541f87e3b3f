/// A factor library that cannot be installed: what went wrong, and what to do.
public enum FactorLibraryError: Error, Sendable, CustomStringConvertible {
    case unknownLibrary(String)
    case noDownloadURL(id: String, page: String)
    case downloadFailed(url: String, reason: String)
    case unreadable(path: String, reason: String)
    case hashMismatch(file: String, id: String, expected: String, actual: String)
    case invalid(InputError)

    public var description: String {
        switch self {
        case .unknownLibrary(let id):
            "unknown factor library '\(id)'; the known ones are \(FactorLibraryCatalog.entries.map { "'\($0.id)'" }.joined(separator: ", ")); "
                + "a file of your own can be imported as factors.csv"
        case .noDownloadURL(let id, let page):
            "'\(id)' cannot be downloaded automatically; download the workbook from \(page) and install it with --file PATH"
        case .downloadFailed(let url, let reason):
            "cannot download '\(url)': \(reason); check the connection, or download the file by hand and install it with --file PATH"
        case .unreadable(let path, let reason):
            "cannot read '\(path)': \(reason)"
        case .hashMismatch(let file, let id, let expected, let actual):
            "'\(file)' has SHA-256 \(actual), but the published file of '\(id)' has SHA-256 \(expected); "
                + "it is not the published file (a damaged download, a changed copy, or another edition). "
                + "If it is your own newer copy of the publication, install it with --allow-unverified; its hash is recorded as it is"
        case .invalid(let error):
            error.report()
        }
    }
}
