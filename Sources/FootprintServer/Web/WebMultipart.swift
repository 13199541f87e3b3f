import Foundation
import Hummingbird
import NIOCore

/// A `multipart/form-data` body (RFC 7578), as a file upload form sends it: its parts by name,
/// each with its file name when it is a file.
struct WebMultipart {
    struct Part {
        var name: String
        var fileName: String?
        var data: [UInt8]
    }

    var parts: [Part] = []

    subscript(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The value of a text field.
    func text(_ name: String) -> String? { self[name].map { String(decoding: $0.data, as: UTF8.self) } }

    /// The boundary of a `multipart/form-data` content type; nil for any other type.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }

    /// Reads the parts; nil when the body is not well-formed multipart with that boundary.
    init?(_ body: ByteBuffer, boundary: String) {
        let bytes = Array(buffer: body)
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var i = 0
        while let found = Self.find(delimiter, in: bytes, from: i) {
            positions.append(found)
            i = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var from = start + delimiter.count
            // After the delimiter: CRLF, then headers, a blank line, the content, and CRLF before the next delimiter.
            guard from + 2 <= end, bytes[from] == 13, bytes[from + 1] == 10 else { return nil }
            from += 2
            guard let blank = Self.find([13, 10, 13, 10], in: bytes, from: from), blank < end else { return nil }
            let headers = String(decoding: bytes[from..<blank], as: UTF8.self)
            var contentEnd = end
            if contentEnd >= 2, bytes[contentEnd - 2] == 13, bytes[contentEnd - 1] == 10 { contentEnd -= 2 }
            guard contentEnd >= blank + 4 else { return nil }
            var name: String?
            var fileName: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                fileName = Self.parameter("filename", in: line)
            }
            guard let name else { return nil }
            parts.append(Part(name: name, fileName: fileName, data: Array(bytes[(blank + 4)..<contentEnd])))
        }
    }

    static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
