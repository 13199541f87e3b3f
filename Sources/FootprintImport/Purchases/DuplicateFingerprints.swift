#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds fingerprints (64-bit hashes of purchase ids) that occur more than once, in memory that
/// does not grow with the number of lines.
///
/// During the scan each thread appends fingerprints to one of 64 partitions by their top bits (64,
/// not more: the line each partition is filling stays in the processor's first-level cache, 4 KB of it).
/// A partition fills a small buffer (1,024 fingerprints, 8 KB); a full buffer is written as one
/// chunk to a temporary file of the thread's own, and only the chunk's offset stays in memory
/// (8 bytes per 1,024 lines). At the end each partition is read back from every thread's file and
/// checked with a hash set, the partitions spread over the threads. A repeated fingerprint is a
/// suspected duplicate, confirmed on the ids themselves by `DuplicateIDFinder`.
///
/// The temporary file is unlinked as soon as it is created, so it disappears on every path
/// (success, error, crash) when its descriptor is closed. If it cannot be created or written,
/// the chunks stay in memory instead: slower to grow, never wrong.
final class FingerprintPartitions: @unchecked Sendable {
    static let partitionBits = 6
    static let partitionCount = 1 << partitionBits
    static let chunkEntries = 1024

    /// `partitionCount` buffers of `chunkEntries` fingerprints each, and how full each is.
    /// Raw memory rather than arrays: the hot path then needs no exclusivity check on class storage.
    private let buffers: UnsafeMutablePointer<UInt64>
    private let fill: UnsafeMutablePointer<Int>
    /// Per partition, the file offsets of its full chunks.
    private var chunkOffsets: [[Int64]]
    /// Per partition, full chunks kept in memory because the file could not be used.
    private var memoryChunks: [[UInt64]]
    private var fd: Int32 = -1
    private var fileUnusable = false
    private var fileSize: Int64 = 0

    /// Fingerprints as they come, one a line, moved into their partitions 1,024 at a time
    /// (`distributeStaged`): on the scan's hot path an append is then one store in order, and the
    /// scattered stores into 64 partitions run in a loop of their own.
    private let staged: UnsafeMutablePointer<UInt64>
    private var stagedCount = 0
    static let stagedEntries = 1024

    init() {
        staged = .allocate(capacity: Self.stagedEntries)
        buffers = .allocate(capacity: Self.partitionCount * Self.chunkEntries)
        fill = .allocate(capacity: Self.partitionCount)
        fill.initialize(repeating: 0, count: Self.partitionCount)
        chunkOffsets = Array(repeating: [], count: Self.partitionCount)
        memoryChunks = Array(repeating: [], count: Self.partitionCount)
    }

    deinit {
        staged.deallocate()
        buffers.deallocate()
        fill.deallocate()
        if fd >= 0 { close(fd) }
    }

    /// Adds a fingerprint; `distributeStaged()` must run before the partitions are read.
    @inline(__always)
    func append(_ fingerprint: UInt64) {
        staged[stagedCount] = fingerprint
        stagedCount += 1
        if stagedCount == Self.stagedEntries { distributeStaged() }
    }

    /// Moves the staged fingerprints into their partitions (the scan calls it at the end of each
    /// segment, so that the partitions hold every fingerprint before they are read).
    func distributeStaged() {
        for i in 0..<stagedCount { place(staged[i]) }
        stagedCount = 0
    }

    @inline(__always)
    private func place(_ fingerprint: UInt64) {
        let p = Int(fingerprint >> UInt64(64 - Self.partitionBits))
        let n = fill[p]
        buffers[p * Self.chunkEntries + n] = fingerprint
        fill[p] = n + 1
        if n + 1 == Self.chunkEntries { spill(p) }
    }

    /// Moves the full buffer of partition `p` to the file (or, failing that, to memory).
    private func spill(_ p: Int) {
        let chunk = UnsafeBufferPointer(start: buffers + p * Self.chunkEntries, count: Self.chunkEntries)
        if let offset = write(chunk) {
            chunkOffsets[p].append(offset)
        } else {
            memoryChunks[p].append(contentsOf: chunk)
        }
        fill[p] = 0
    }

    /// Appends the chunk to the temporary file; its offset, or `nil` when there is no usable file.
    private func write(_ chunk: UnsafeBufferPointer<UInt64>) -> Int64? {
        if fd < 0 && !fileUnusable { fd = Self.createUnlinkedFile() }
        guard fd >= 0 && !fileUnusable else {
            fileUnusable = true
            return nil
        }
        let bytes = UnsafeRawBufferPointer(chunk)
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(fileSize) + off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                fileUnusable = true
                return nil
            }
            done += n
        }
        defer { fileSize += Int64(bytes.count) }
        return fileSize
    }

    /// A new file in the temporary directory ($TMPDIR, else /tmp), already unlinked; -1 on failure.
    private static func createUnlinkedFile() -> Int32 {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/footprint-ids-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return -1 }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        return fd
    }

    /// Calls `body` with every fingerprint of partition `p`: the chunks on file, in memory, and the buffer.
    /// Reads with `pread`, so several threads may read different partitions at once.
    private func forEach(inPartition p: Int, _ body: (UInt64) -> Void) {
        if !chunkOffsets[p].isEmpty {
            let chunk = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: Self.chunkEntries)
            defer { chunk.deallocate() }
            for offset in chunkOffsets[p] {
                let raw = UnsafeMutableRawBufferPointer(chunk)
                var done = 0
                while done < raw.count {
                    let n = pread(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
                    if n < 0 && errno == EINTR { continue }
                    // The file was written by this process and is unlinked: a short read means the system failed.
                    precondition(n > 0, "cannot read back the temporary file of id fingerprints: \(String(cString: strerror(errno)))")
                    done += n
                }
                for value in chunk { body(value) }
            }
        }
        for value in memoryChunks[p] { body(value) }
        let buffer = buffers + p * Self.chunkEntries
        for i in 0..<fill[p] { body(buffer[i]) }
    }

    private func count(inPartition p: Int) -> Int {
        precondition(stagedCount == 0, "fingerprints read before distributeStaged()")
        return (chunkOffsets[p].count + memoryChunks[p].count / Self.chunkEntries) * Self.chunkEntries + fill[p]
    }

    /// The fingerprints seen more than once in partition `p` of all the given sets.
    static func repeated(in sets: [FingerprintPartitions], partition p: Int) -> [UInt64] {
        let total = sets.reduce(0) { $0 + $1.count(inPartition: p) }
        guard total > 1 else { return [] }
        var size = 16
        while size < total * 2 { size <<= 1 }
        let mask = size - 1
        var slots = [UInt64](repeating: 0, count: size)
        var repeated: [UInt64] = []
        slots.withUnsafeMutableBufferPointer { slots in
            for set in sets {
                set.forEach(inPartition: p) { value in
                    let v = value == 0 ? 1 : value
                    var slot = Int(truncatingIfNeeded: v) & mask
                    while true {
                        let current = slots[slot]
                        if current == 0 {
                            slots[slot] = v
                            break
                        }
                        if current == v {
                            repeated.append(value)
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return repeated
    }
}
