import Glibc

/// Reads a CSV file in large blocks that start and end on record boundaries, keeping memory
/// bounded whatever the file's size. The partial record at the end of a block is carried into
/// the next one.
final class RecordBlockReader {
    let path: String
    let file: String
    private let fd: Int32
    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private var filled = 0
    private var consumed = 0
    private var eof = false
    /// Records longer than this are an error (an unterminated quote, most likely).
    let maxRecordBytes = 64 << 20

    init(path: String, displayName: String, blockBytes: Int) throws(InputError) {
        self.path = path
        self.file = displayName
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(file: displayName, message: "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        capacity = max(blockBytes, 1 << 16)
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    var fileSize: Int {
        var info = stat()
        return fstat(fd, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The next block: `buffer[0..<end]` holds whole records. `nil` at the end of the file.
    /// `targets` are split points; each is moved to the next record boundary.
    func next(splitInto parts: Int) throws(InputError) -> (end: Int, splits: [Int])? {
        // Keep the unconsumed tail.
        if consumed > 0 {
            let tail = filled - consumed
            if tail > 0 { memmove(buffer, buffer + consumed, tail) }
            filled = tail
            consumed = 0
        }
        while true {
            while !eof && filled < capacity {
                let n = read(fd, buffer + filled, capacity - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw InputError(file: file, message: "cannot read '\(path)': \(String(cString: strerror(errno)))")
                }
                if n == 0 { eof = true } else { filled += n }
            }
            if filled == 0 { return nil }
            let targets = (1..<max(1, parts)).map { filled * $0 / parts }
            let found = RecordBoundaries.find(buffer, count: filled, targets: targets)
            let end: Int
            if eof {
                end = filled
            } else if let last = found.last {
                end = last
            } else {
                guard capacity < maxRecordBytes else {
                    throw InputError(
                        file: file,
                        message: "a record longer than \(maxRecordBytes >> 20) MB; expected records on lines (is a closing quote missing?)")
                }
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buffer, count: filled)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
                continue
            }
            consumed = end
            return (end, found.splits.map { min($0, end) } + [end])
        }
    }
}
