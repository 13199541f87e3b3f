import FootprintStore
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Pages as a user last got them, kept until anything is committed to the workspace (by this process
/// or another: SQLite's `data_version`, `WorkspaceChanges`) or the day changes: a page is made from
/// the workspace, the user (role, language, customer) and the date alone, so the same URL for the same
/// user gives the same page until then. The session's CSRF token, the one thing of a session in a
/// page, is cut out of the kept bytes and the asking session's put in its place. Pages that show what lives in
/// the server's memory (a job's progress) are not kept (`WebApplication.page(cached:)`).
final class WebPageCache: Sendable {
    struct Key: Hashable {
        var user: Int64
        var uri: String
    }

    struct Page {
        var version: Int64
        var day: Int
        var status: HTTPResponse.Status
        var headers: HTTPFields
        /// The page's bytes cut where the session's CSRF token stood.
        var parts: [[UInt8]]

        /// The bytes with `token` where it stood.
        func bytes(token: String) -> ByteBuffer {
            var buffer = ByteBuffer()
            buffer.reserveCapacity(parts.reduce(0) { $0 + $1.count } + (parts.count - 1) * token.utf8.count)
            for (i, part) in parts.enumerated() {
                if i > 0 { buffer.writeString(token) }
                buffer.writeBytes(part)
            }
            return buffer
        }
    }

    let capacity: Int
    private let state = Mutex<(pages: [Key: Page], changes: WorkspaceChanges?)>(([:], nil))

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The page kept for `key`, with `token` in it (nil when none is, or it is older than the
    /// workspace), and the workspace's version now (nil when it cannot be read: then nothing is kept).
    func lookup(_ key: Key, workspace: Workspace, token: String) -> (page: Response?, version: Int64?) {
        let version = self.version(workspace)
        let day = Self.today()
        let kept = state.withLock { $0.pages[key] }
        guard let version, let kept, kept.version == version, kept.day == day else { return (nil, version) }
        return (Response(status: kept.status, headers: kept.headers, body: ResponseBody(byteBuffer: kept.bytes(token: token))), version)
    }

    /// Keeps `response` (a 200 page) for `key`, made at workspace version `version`; returns a response
    /// with the same bytes (its body was read to keep it).
    func keep(_ response: Response, key: Key, version: Int64, token: String) async throws -> Response {
        guard response.status == .ok else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        let bytes = collector.bytes()
        let kept = Page(
            version: version,
            day: Self.today(),
            status: response.status,
            headers: response.headers,
            parts: Self.cut(Array(bytes.readableBytesView), at: Array(token.utf8))
        )
        state.withLock {
            if $0.pages.count >= capacity { $0.pages.removeAll(keepingCapacity: true) }
            $0.pages[key] = kept
        }
        return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: bytes))
    }

    private func version(_ workspace: Workspace) -> Int64? {
        let changes = state.withLock { state in
            if state.changes == nil { state.changes = try? WorkspaceChanges(workspace) }
            return state.changes
        }
        return try? changes?.version()
    }

    /// `bytes` cut at every occurrence of `token` (not empty).
    static func cut(_ bytes: [UInt8], at token: [UInt8]) -> [[UInt8]] {
        guard !token.isEmpty, bytes.count >= token.count else { return [bytes] }
        var parts: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + token.count <= bytes.count {
            if bytes[i] == token[0] && bytes[i..<i + token.count].elementsEqual(token) {
                parts.append(Array(bytes[start..<i]))
                i += token.count
                start = i
            } else {
                i += 1
            }
        }
        parts.append(Array(bytes[start...]))
        return parts
    }

    private static func today() -> Int { Int(Date().timeIntervalSince1970 / 86_400) }
}

/// Reads a response body into one buffer.
private final class BodyCollector: ResponseBodyWriter, Sendable {
    private let buffer = Mutex(ByteBuffer())

    func write(_ part: ByteBuffer) async throws {
        buffer.withLock { _ = $0.writeImmutableBuffer(part) }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}

    func bytes() -> ByteBuffer { buffer.withLock { $0 } }
}
