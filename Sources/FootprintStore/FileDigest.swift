import Crypto
import FootprintImport
import Foundation

/// The identity of an imported file: its size and SHA-256, read in pieces so that a large ledger
/// is never held in memory whole.
struct FileDigest: Sendable, Equatable {
    var byteCount: Int
    var sha256: String

    init(path: String) throws(WorkspaceError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .input(.init(file: (path as NSString).lastPathComponent, message: "cannot open '\(path)': no such file or not readable"))
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var count = 0
        while true {
            let chunk = (try? handle.read(upToCount: 4 << 20)) ?? nil
            guard let chunk, !chunk.isEmpty else { break }
            count += chunk.count
            hasher.update(data: chunk)
        }
        byteCount = count
        sha256 = hex(hasher.finalize())
    }

    init(bytes: some DataProtocol) {
        byteCount = bytes.count
        sha256 = hex(SHA256.hash(data: bytes))
    }
}
