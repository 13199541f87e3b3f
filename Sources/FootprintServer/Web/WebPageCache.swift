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
        var stamp: WorkspaceStamp
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
    private let pages = Mutex<[Key: Page]>([:])

    init(capacity: Int = 512) { self.capacity = capacity }

    /// The page kept for `key` at `stamp`, with `token` in it; nil when none is.
    func lookup(_ key: Key, stamp: WorkspaceStamp, token: String) -> Response? {
        guard let kept = pages.withLock({ $0[key] }), kept.stamp == stamp else { return nil }
        return Response(status: kept.status, headers: kept.headers, body: ResponseBody(byteBuffer: kept.bytes(token: token)))
    }

    /// Keeps `response` (a 200 page) for `key`, made at `stamp`; returns a response with the same
    /// bytes (its body was read to keep it).
    func keep(_ response: Response, key: Key, stamp: WorkspaceStamp, token: String) async throws -> Response {
        guard response.status == .ok else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        let bytes = collector.bytes()
        let kept = Page(
            stamp: stamp,
            status: response.status,
            headers: response.headers,
            parts: Self.cut(Array(bytes.readableBytesView), at: Array(token.utf8))
        )
        pages.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = kept
        }
        return Response(status: response.status, headers: response.headers, body: ResponseBody(byteBuffer: bytes))
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
