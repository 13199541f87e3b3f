import Foundation

/// Checks that a ZIP archive's directory stays inside its bytes before ZIPFoundation reads it.
///
/// ZIPFoundation trusts the offsets and sizes an archive states: an offset past the end of an
/// in-memory archive, or a ZIP64 offset beyond `Int64.max`, stops the process instead of throwing
/// (found by fuzzing, docs/fuzzing.md). This walks the same records it does (the end-of-directory
/// record found from the end, each central directory entry, its local header and data) and says what
/// is wrong when any of them is out of bounds. ZIP64 archives (over 4 GB or 65,535 parts), which no
/// workbook this reads needs, are refused.
enum XLSXArchiveCheck {
    /// A description of the first problem, or `nil` when every record is inside the archive.
    static func problem(in data: Data) -> String? {
        data.withUnsafeBytes { problem(in: $0) }
    }

    static func problem(in bytes: UnsafeRawBufferPointer) -> String? {
        let n = bytes.count
        func u16(_ p: Int) -> Int { Int(bytes[p]) | Int(bytes[p + 1]) << 8 }
        func u32(_ p: Int) -> Int { u16(p) | u16(p + 2) << 16 }
        // The end-of-central-directory record: the last signature found scanning back from 22 bytes before the end.
        var eocd = -1
        var index = 22
        while index <= n {
            if u32(n - index) == 0x0605_4B50 { eocd = n - index; break }
            index += 1
        }
        guard eocd >= 0 else { return "no end-of-central-directory record" }
        if eocd >= 20 && u32(eocd - 20) == 0x0706_4B50 { return "a ZIP64 archive, which is not supported" }
        let entries = u16(eocd + 10)
        var p = u32(eocd + 16)
        for _ in 0..<entries {
            guard p + 46 <= n, u32(p) == 0x0201_4B50 else { return "a central directory entry outside the archive" }
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= n else { return "a central directory entry outside the archive" }
            if bytes[p + 6] >= 45 || hasZIP64Field(bytes, from: p + 46 + nameLength, count: extraLength) {
                return "a ZIP64 entry, which is not supported"
            }
            let flags = u16(p + 8), method = u16(p + 10)
            let compressed = u32(p + 20), uncompressed = u32(p + 24), local = u32(p + 42)
            guard local + 30 <= n, u32(local) == 0x0403_4B50 else { return "a local file header outside the archive" }
            let localName = u16(local + 26), localExtra = u16(local + 28)
            let dataStart = local + 30 + localName + localExtra
            guard dataStart <= n, !hasZIP64Field(bytes, from: local + 30 + localName, count: localExtra) else {
                return "a local file header outside the archive"
            }
            guard dataStart + compressed <= n else { return "a part's data extends past the end of the archive" }
            if flags & 8 != 0 {
                // Sizes in a data descriptor after the data.
                guard dataStart + (method == 0 ? uncompressed : compressed) + 16 <= n else {
                    return "a data descriptor outside the archive"
                }
            }
            p = next
        }
        return nil
    }

    /// Whether an extra field holds a ZIP64 block (header id 1).
    private static func hasZIP64Field(_ bytes: UnsafeRawBufferPointer, from start: Int, count: Int) -> Bool {
        var p = start
        let end = min(start + count, bytes.count)
        while p + 4 <= end {
            if bytes[p] == 1 && bytes[p + 1] == 0 { return true }
            p += 4 + (Int(bytes[p + 2]) | Int(bytes[p + 3]) << 8)
        }
        return false
    }
}
