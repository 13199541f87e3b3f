import Foundation

#if canImport(CZlib)
import CZlib  // zlib's module, from ZIPFoundation's package on Linux
#elseif canImport(zlib)
import zlib
#endif

/// The parts of a ZIP archive (an .xlsx package), read from its bytes with every offset and size
/// checked against them.
///
/// Replaces ZIPFoundation for reading workbooks: fuzzing (docs/fuzzing.md) found that ZIPFoundation
/// stops the process on an offset past the end of an in-memory archive, and on Linux inflates a
/// compressed part that never ends forever (it reads on past the part to the end of the archive, then
/// loops on empty reads). Here a part is inflated from its own compressed bytes only, to at most a
/// given size, and its CRC-32 is checked. Stored (0) and deflated (8) parts are read; ZIP64 archives
/// (over 4 GB or 65,535 parts), which no workbook this reads needs, are refused.
struct XLSXArchive {
    struct Part {
        var path: String
        var method: Int
        var crc32: UInt32
        var dataStart: Int
        var compressedSize: Int
        var uncompressedSize: Int
    }

    struct Problem: Error {
        var message: String
    }

    let bytes: [UInt8]
    /// The parts in central-directory order.
    let parts: [Part]

    init(_ data: Data) throws(Problem) {
        bytes = [UInt8](data)
        parts = try Self.directory(bytes)
    }

    /// Reads the central directory: the end-of-central-directory record found scanning back from 22
    /// bytes before the end, then each entry and its local header.
    static func directory(_ bytes: [UInt8]) throws(Problem) -> [Part] {
        let n = bytes.count
        func u16(_ p: Int) -> Int { Int(bytes[p]) | Int(bytes[p + 1]) << 8 }
        func u32(_ p: Int) -> Int { u16(p) | u16(p + 2) << 16 }
        var eocd = -1
        var index = 22
        while index <= n {
            if u32(n - index) == 0x0605_4B50 {
                eocd = n - index
                break
            }
            index += 1
        }
        guard eocd >= 0 else { throw Problem(message: "no end-of-central-directory record") }
        if eocd >= 20 && u32(eocd - 20) == 0x0706_4B50 { throw Problem(message: "a ZIP64 archive, which is not supported") }
        let entries = u16(eocd + 10)
        var p = u32(eocd + 16)
        var parts: [Part] = []
        for _ in 0..<entries {
            guard p + 46 <= n, u32(p) == 0x0201_4B50 else { throw Problem(message: "a central directory entry outside the archive") }
            let nameLength = u16(p + 28)
            let extraLength = u16(p + 30)
            let commentLength = u16(p + 32)
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= n else { throw Problem(message: "a central directory entry outside the archive") }
            let compressed = u32(p + 20)
            let uncompressed = u32(p + 24)
            let local = u32(p + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw Problem(message: "a ZIP64 entry, which is not supported")
            }
            let path = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            guard local + 30 <= n, u32(local) == 0x0403_4B50 else {
                throw Problem(message: "the local header of '\(path)' is outside the archive")
            }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + compressed <= n else { throw Problem(message: "the data of '\(path)' extends past the end of the archive") }
            parts.append(
                Part(
                    path: path,
                    method: u16(p + 10),
                    crc32: UInt32(u32(p + 16)),
                    dataStart: dataStart,
                    compressedSize: compressed,
                    uncompressedSize: uncompressed
                )
            )
            p = next
        }
        return parts
    }

    /// A part's bytes, unpacked; throws when they would be more than `limit` bytes, when the
    /// compressed data is damaged or ends early, or when the checksum does not match.
    func contents(of part: Part, limit: Int) throws(Problem) -> Data {
        guard part.uncompressedSize <= limit else { throw Problem(message: "it unpacks to more than \(limit >> 20) MB") }
        let out: [UInt8]
        switch part.method {
        case 0:
            guard part.compressedSize == part.uncompressedSize else { throw Problem(message: "a stored part whose two sizes differ") }
            out = Array(bytes[part.dataStart..<(part.dataStart + part.compressedSize)])
        case 8:
            out = try inflated(part, limit: limit)
        default:
            throw Problem(message: "compression method \(part.method) is not supported; expected deflate (8) or none (0)")
        }
        let crc = out.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        guard crc == part.crc32 else { throw Problem(message: "its checksum does not match (the archive is damaged)") }
        return Data(out)
    }

    /// Inflates the part's compressed bytes alone (raw deflate).
    private func inflated(_ part: Part, limit: Int) throws(Problem) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Problem(message: "zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        // The stated size, but no more than deflate can expand these bytes to (1,032 to 1 at most): a
        // small part that claims 500 MB does not get 500 MB up front.
        var out = [UInt8](repeating: 0, count: min(max(part.uncompressedSize, 1024), part.compressedSize * 1032 + 1024, limit))
        var produced = 0
        var status = Z_OK
        bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + part.dataStart)
            stream.avail_in = uInt(part.compressedSize)
            while true {
                if produced == out.count {
                    guard out.count < limit else {
                        status = Z_BUF_ERROR
                        return
                    }
                    out += [UInt8](repeating: 0, count: min(out.count, limit - out.count))
                }
                let room = out.count - produced
                status = out.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress! + produced
                    stream.avail_out = uInt(room)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                produced += room - Int(stream.avail_out)
                if status == Z_STREAM_END { return }
                // Room left but no input left: the compressed data ended before the stream did.
                guard status == Z_OK || status == Z_BUF_ERROR, stream.avail_out == 0 else {
                    status = Z_DATA_ERROR
                    return
                }
            }
        }
        switch status {
        case Z_STREAM_END: return Array(out[..<produced])
        case Z_BUF_ERROR: throw Problem(message: "it unpacks to more than \(limit >> 20) MB")
        default: throw Problem(message: "its compressed data is damaged or ends early")
        }
    }
}
