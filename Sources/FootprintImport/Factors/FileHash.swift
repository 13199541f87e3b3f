import Crypto
public import Foundation

/// The SHA-256 of a file, read in 1 MiB pieces so a large file is never whole in memory.
/// Lower-case hex, as `sha256sum` prints it. Throws when the file cannot be read.
public func sha256Hex(of url: URL) throws -> String {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
    }
    return hexString(hasher.finalize())
}

/// The SHA-256 of bytes in memory, lower-case hex.
public func sha256Hex(of data: Data) -> String {
    hexString(SHA256.hash(data: data))
}

/// Lower-case hexadecimal text of bytes (digests), without Foundation's formatting.
@inlinable  // specialised where it is called: through the generic witness, a digest took about 0.4 µs
public func hexString(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
