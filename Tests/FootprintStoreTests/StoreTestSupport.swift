import Foundation
@testable import FootprintStore

/// A fresh workspace file in its own temporary folder, removed by `cleanUp()`.
struct TemporaryWorkspace {
    let folder: String
    let path: String
    let workspace: Workspace

    init() throws {
        folder = NSTemporaryDirectory() + "footprint-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/footprint.sqlite"
        workspace = try Workspace.create(path: path).0
    }

    /// Writes `text` to a file in the folder and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let p = folder + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: p))
        return p
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }
}

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
