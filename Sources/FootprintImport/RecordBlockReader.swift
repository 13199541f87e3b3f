#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV file as a sequence of memory-mapped windows that start and end on record
/// boundaries: no copy into a buffer, and memory bounded by the window whatever the file's size
/// (a window is unmapped before the next is mapped). A record that does not fit doubles the window.
final class RecordBlockReader {
    /// A window of whole records: `base[0..<end]`. `quoteFree` when it holds no double quote. Its
    /// memory stays valid until the reader maps the window after next (`keepPrevious`), so a block
    /// may be handed to another thread.
    struct Block: @unchecked Sendable {
        var base: UnsafePointer<UInt8>
        var end: Int
        var splits: [Int]
        var quoteFree: Bool
    }

    let path: String
    let file: String
    private let fd: Int32
    let fileSize: Int
    private var window: Int
    private var offset = 0
    private var mapping: (pointer: UnsafeMutableRawPointer, length: Int)?
    /// The window before `mapping`, kept while a caller still reads it (`next(keepPrevious: true)`).
    private var previous: (pointer: UnsafeMutableRawPointer, length: Int)?
    /// Records longer than this are an error (an unterminated quote, most likely).
    let maxRecordBytes = 256 << 20
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    #if canImport(Darwin)
    /// Darwin has no MAP_POPULATE; the madvise after mapping asks for the pages ahead.
    private static let mapFlags = MAP_PRIVATE
    #else
    /// Pages read in at once, rather than faulted in one by one.
    private static let mapFlags = MAP_PRIVATE | MAP_POPULATE
    #endif

    init(path: String, displayName: String, blockBytes: Int) throws(InputError) {
        self.path = path
        self.file = displayName
        fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(file: displayName, message: "cannot open '\(path)': \(String(cString: strerror(errno)))")
        }
        var info = stat()
        fileSize = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        window = max(blockBytes, 1 << 16)
    }

    deinit {
        unmap()
        close(fd)
    }

    private func unmap() {
        if let mapping { munmap(mapping.pointer, mapping.length) }
        if let previous { munmap(previous.pointer, previous.length) }
        mapping = nil
        previous = nil
    }

    /// The next window of whole records, split into `parts` at record boundaries; `nil` at the end.
    /// The window returned before stays mapped when `keepPrevious` is set (so that a thread can
    /// prepare the next window while others still read the current one); older ones are unmapped.
    func next(splitInto parts: Int, keepPrevious: Bool = false) throws(InputError) -> Block? {
        if keepPrevious {
            if let previous { munmap(previous.pointer, previous.length) }
            previous = mapping
            mapping = nil
        } else {
            unmap()
        }
        guard offset < fileSize else { return nil }
        while true {
            let aligned = offset & ~(Self.pageSize - 1)
            let delta = offset - aligned
            let length = min(window + delta, fileSize - aligned)
            guard let pointer = mmap(nil, length, PROT_READ, Self.mapFlags, fd, off_t(aligned)), pointer != MAP_FAILED else {
                throw InputError(file: file, message: "cannot read '\(path)': \(String(cString: strerror(errno)))")
            }
            // One advice per call: the values are not flags (SEQUENTIAL | WILLNEED is WILLNEED on Linux).
            madvise(pointer, length, MADV_SEQUENTIAL)
            madvise(pointer, length, MADV_WILLNEED)
            mapping = (pointer, length)
            let base = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self)) + delta
            let count = length - delta
            // A file whose lines end with CR alone has no record boundary: refuse it by its header
            // line, before the window grows to find one (the first window only).
            if offset == 0 { try CSVHeader.checkLineEnds(base, count: count, file: file) }
            let atEnd = aligned + length == fileSize
            let targets = (1..<max(1, parts)).map { count * $0 / parts }
            let found = RecordBoundaries.find(base, count: count, targets: targets)
            let end: Int
            if atEnd {
                end = count
            } else if let last = found.last {
                end = last
            } else {
                if let mapping { munmap(mapping.pointer, mapping.length) }
                mapping = nil
                guard window < maxRecordBytes else {
                    throw InputError(
                        file: file,
                        message: "a record longer than \(maxRecordBytes >> 20) MB; expected records on lines (is a closing quote missing?)"
                    )
                }
                window *= 2
                continue
            }
            offset += end
            return Block(base: base, end: end, splits: found.splits.map { min($0, end) } + [end], quoteFree: found.quoteFree)
        }
    }
}

extension RecordBlockReader {
    /// Calls `body` with every record of the file after the header that has `fieldCount` fields (the
    /// header's), reading it in 8 MB windows on one thread.
    static func visitRecords(path: String, displayName: String, fieldCount: Int, _ body: (CSVRecordScanner) -> Void) throws(InputError) {
        let reader = try RecordBlockReader(path: path, displayName: displayName, blockBytes: 8 << 20)
        var line = 1
        var isHeader = true
        while let block = try reader.next(splitInto: 1) {
            var scanner = CSVRecordScanner(base: block.base, count: block.end, position: 0, firstLine: line)
            loop: while true {
                switch scanner.next() {
                case .end: break loop
                case .failure: continue
                case .record(let count):
                    if isHeader {
                        isHeader = false
                        continue
                    }
                    if count == fieldCount { body(scanner) }
                }
            }
            line = scanner.line
        }
    }
}
