public import FootprintCore
public import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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

    public init(allowUnverified: Bool = false) {
        self.allowUnverified = allowUnverified
    }

    /// Downloads library `id` from `url` (default: the catalog's official address) and installs it.
    /// `file://` addresses are copied directly; others use URLSession.
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
            do {
                let (downloaded, response) = try await URLSession.shared.download(from: source)
                if let http = response as? HTTPURLResponse, !(200..<300).contains(http.statusCode) {
                    try? FileManager.default.removeItem(at: downloaded)
                    throw FactorLibraryError.downloadFailed(url: source.absoluteString, reason: "the server answered HTTP \(http.statusCode)")
                }
                try FileManager.default.moveItem(at: downloaded, to: temporary)
            } catch let error as FactorLibraryError {
                throw error
            } catch {
                throw .downloadFailed(url: source.absoluteString, reason: error.localizedDescription)
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
