import FootprintImport
import Foundation

/// The identity of an imported file: its size and SHA-256 (read in pieces, so that a large ledger
/// is never held in memory whole).
struct FileDigest: Sendable, Equatable {
    var byteCount: Int
    var sha256: String

    init(path: String) throws(WorkspaceError) {
        let name = (path as NSString).lastPathComponent
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            let hash = try? sha256Hex(of: URL(fileURLWithPath: path))
        else {
            throw .input(.init(file: name, message: "cannot open '\(path)': no such file or not readable"))
        }
        byteCount = size
        sha256 = hash
    }

    /// A size and hash known already (an installed library's file, the built-in table).
    init(byteCount: Int, sha256: String) {
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    init(bytes: Data) {
        byteCount = bytes.count
        sha256 = sha256Hex(of: bytes)
    }
}
