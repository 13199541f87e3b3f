import AsyncHTTPClient
import FootprintImport
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Downloads a file with AsyncHTTPClient's shared client (redirects followed), streaming the body
/// to disk: how `footprint factors install` fetches a published factor file.
public struct HTTPFileDownloader: FileDownloader {
    /// The whole download, from the request to the last byte.
    public var timeout: TimeAmount

    public init(timeout: TimeAmount = .seconds(600)) {
        self.timeout = timeout
    }

    public func download(from url: URL, to file: URL) async throws {
        let request = HTTPClientRequest(url: url.absoluteString)
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        guard (200..<300).contains(response.status.code) else {
            throw DownloadError(message: "the server answered HTTP \(response.status.code)")
        }
        guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
            throw DownloadError(message: "cannot create '\(file.path)'")
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        for try await chunk in response.body {
            try handle.write(contentsOf: Data(buffer: chunk))
        }
    }

    struct DownloadError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
