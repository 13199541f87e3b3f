import Foundation

/// The read-only folder `../shared` beside the package root (public data files, the PACT examples,
/// the benchmark scripts), found from this file's path so that no test depends on the working
/// directory or on where the project is checked out. `FOOTPRINT_SHARED` names another folder.
///
/// A test that reads from it is `@Test(.enabled(if: SharedFolder.isAvailable(FILE), "..."))`: it is
/// skipped, visibly, when the file is absent, except under CI (`CI=true`), where the folder is
/// required: the test then runs, and `SharedFolder.file(_:)` throws an error naming the missing file.
/// (One copy, in the FootprintTestSupport target every test target depends on.)
public enum SharedFolder {
    /// The package root is the parent of Tests/; this file is Tests/FootprintTestSupport/SharedFolder.swift.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["FOOTPRINT_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared", isDirectory: true)
    }()

    /// Whether the folder is there.
    public static var exists: Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Under CI (`CI=true`) a missing shared file is a failure, not a skip.
    public static let isRequired = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Whether `relative` (e.g. "pact/example-footprint-v3.json") is in the folder.
    public static func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path)
    }

    /// The condition of a test that reads `relative`: present, or required (so that it fails).
    public static func isAvailable(_ relative: String) -> Bool { exists(relative) || isRequired }

    /// The file `relative` of the folder; throws `Missing`, naming it, when it is absent.
    public static func file(_ relative: String) throws -> URL {
        guard exists(relative) else { throw Missing(relative: relative) }
        return url.appendingPathComponent(relative)
    }

    public struct Missing: Error, CustomStringConvertible {
        var relative: String
        public var description: String {
            "the shared file \(relative) is missing (looked in \(SharedFolder.url.path)); "
                + (SharedFolder.isRequired
                    ? "CI=true requires the shared folder beside the package root (../shared)"
                    : "put the shared folder beside the package root (../shared)")
        }
    }
}
