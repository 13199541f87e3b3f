public import FootprintCore
public import Foundation

/// Fetches a file over HTTP(S) into a local file. The command line gives one built on AsyncHTTPClient
/// (`HTTPFileDownloader`); this module does no networking itself, so that the program does not load
/// Foundation's networking (libcurl and its dependencies, about 15 ms of every command's start).
public protocol FileDownloader: Sendable {
    /// Writes the body of a successful (2xx) answer to `url` into `file`; throws otherwise.
    func download(from url: URL, to file: URL) async throws
}

/// A factor library read from a verified file: its content, and the file's hash and whether it
/// matched the published one.
public struct InstalledFactorLibrary: Sendable, Hashable {
    public var content: FactorLibraryContent
    /// The SHA-256 of the file read (also in `content.info.sha256`).
    public var sha256: String
    /// `true` when the hash is the published file's; `false` for a file installed with `allowUnverified`.
    public var verified: Bool
}

/// Installs a known factor library (FactorLibraryCatalog): downloads the official file to a
/// temporary file, or takes a local one, checks its SHA-256 against the published one, and reads
/// it with the reader for its format. Storing the result is the workspace's business.
public struct FactorLibraryInstaller: Sendable {
    /// Accept a file whose hash differs from the published one (a user's own newer copy); its hash is still recorded.
    public var allowUnverified: Bool
    /// What fetches `http(s)` addresses; without one, only local files can be installed.
    public var downloader: (any FileDownloader)?

    public init(allowUnverified: Bool = false, downloader: (any FileDownloader)? = nil) {
        self.allowUnverified = allowUnverified
        self.downloader = downloader
    }

    /// Downloads library `id` from `url` (default: the catalog's official address) and installs it.
    /// `file://` addresses are copied directly; others go through `downloader`.
    public func install(_ id: String, from url: URL? = nil) async throws(FactorLibraryError) -> InstalledFactorLibrary {
        guard let entry = FactorLibraryCatalog.entry(id: id) else { throw .unknownLibrary(id) }
        guard let source = url ?? entry.downloadURL else { throw .noDownloadURL(id: id, page: entry.page) }
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-\(UUID().uuidString)-\(entry.fileName)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        if source.isFileURL {
            do { try FileManager.default.copyItem(at: source, to: temporary) } catch {
                throw .downloadFailed(url: source.absoluteString, reason: "\(error.localizedDescription)")
            }
        } else {
            guard let downloader else {
                throw .downloadFailed(url: source.absoluteString, reason: "no HTTP client was given; install a local copy with --file")
            }
            do {
                try await downloader.download(from: source, to: temporary)
            } catch let error as FactorLibraryError {
                throw error
            } catch {
                throw .downloadFailed(url: source.absoluteString, reason: "\(error)")
            }
        }
        return try read(entry, path: temporary.path, displayName: entry.fileName)
    }

    /// Installs library `id` from a local file (`--file PATH`), with the same checks as a download.
    public func install(_ id: String, file path: String) throws(FactorLibraryError) -> InstalledFactorLibrary {
        guard let entry = FactorLibraryCatalog.entry(id: id) else { throw .unknownLibrary(id) }
        return try read(entry, path: path, displayName: (path as NSString).lastPathComponent)
    }

    func read(_ entry: FactorLibraryCatalog.Entry, path: String, displayName: String) throws(FactorLibraryError) -> InstalledFactorLibrary {
        let hash: String
        do { hash = try sha256Hex(of: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        let verified = hash == entry.sha256
        if !verified && !allowUnverified {
            throw .hashMismatch(file: displayName, id: entry.id, expected: entry.sha256, actual: hash)
        }
        do {
            let content: FactorLibraryContent
            switch entry.format {
            case .epaSupplyChainCSV: content = try EPASupplyChainFactors.read(path: path, displayName: displayName, sha256: hash)
            case .desnzFullSetXLSX: content = try DESNZConversionFactors.read(path: path, displayName: displayName, sha256: hash)
            }
            return InstalledFactorLibrary(content: content, sha256: hash, verified: verified)
        } catch {
            throw .invalid(error)
        }
    }
}
