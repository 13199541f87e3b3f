import FootprintImport
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file that appears whole or not at all: written to a temporary file beside the
/// target, and renamed over it only on `commit`.
final class AtomicOutputFile {
    let path: String
    let temporaryPath: String
    private let handle: UnsafeMutablePointer<FILE>

    init(path: String) throws(InputError) {
        self.path = path
        temporaryPath = path + ".tmp-\(getpid())"
        guard let handle = fopen(temporaryPath, "w") else {
            throw InputError(file: path, message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        self.handle = handle
        setvbuf(handle, nil, _IOFBF, 1 << 20)
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        fwrite(base, 1, bytes.count, handle)
    }

    func commit() throws(InputError) {
        let failed = fflush(handle) != 0 || ferror(handle) != 0 || fsync(fileno(handle)) != 0
        fclose(handle)
        guard !failed, rename(temporaryPath, path) == 0 else {
            unlink(temporaryPath)
            throw InputError(file: path, message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
    }

    func discard() {
        fclose(handle)
        unlink(temporaryPath)
    }
}

/// Output files that appear together, whole, or not at all: each written to a temporary file beside
/// its target and closed; on `commit`, all of them are flushed to disk at once (one `syncfs` of their
/// file system where the system has it, else one `fsync` each), then renamed over their targets. For
/// thousands of small files (`customers statement --all`), one sync instead of one per file: a few
/// milliseconds of disk latency each would otherwise add up to seconds. Threads may write at once.
final class AtomicOutputFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var written: [(temporary: String, path: String)] = []
    /// The first write that failed: `commit` then reports it and writes nothing.
    private var failure: InputError?

    /// Writes `bytes` to a temporary file for `path`; nothing appears at `path` before `commit`. False
    /// when this or an earlier write failed (`commit` says why).
    @discardableResult
    func write(_ bytes: [UInt8], to path: String) -> Bool {
        guard lock.withLock({ failure == nil }) else { return false }
        let temporary = path + ".tmp-\(getpid())"
        guard let handle = fopen(temporary, "w") else { return fail(path) }
        let count = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        let failed = count != bytes.count || fflush(handle) != 0 || ferror(handle) != 0
        if fclose(handle) != 0 || failed {
            unlink(temporary)
            return fail(path)
        }
        lock.withLock { written.append((temporary, path)) }
        return true
    }

    private func fail(_ path: String) -> Bool {
        let error = InputError(file: path, message: "cannot write '\(path)': \(String(cString: strerror(errno)))")
        lock.withLock { if failure == nil { failure = error } }
        return false
    }

    /// Flushes every file written to disk, then renames each over its target; after a failed write,
    /// removes them all and throws its error.
    func commit() throws(InputError) {
        let (files, failure) = lock.withLock { (written, self.failure) }
        if let failure {
            discard()
            throw failure
        }
        guard let first = files.first else { return }
        if !Self.syncFileSystem(of: first.temporary) {
            for file in files {
                let fd = open(file.temporary, O_RDONLY)
                guard fd >= 0, fsync(fd) == 0 else {
                    let reason = String(cString: strerror(errno))
                    if fd >= 0 { close(fd) }
                    discard()
                    throw InputError(file: file.path, message: "cannot write '\(file.path)': \(reason)")
                }
                close(fd)
            }
        }
        for (i, file) in files.enumerated() where rename(file.temporary, file.path) != 0 {
            let reason = String(cString: strerror(errno))
            lock.withLock { written.removeFirst(i) }
            discard()
            throw InputError(file: file.path, message: "cannot write '\(file.path)': \(reason)")
        }
        lock.withLock { written = [] }
    }

    /// Removes the temporary files written so far.
    func discard() {
        let files = lock.withLock {
            defer { written = [] }
            return written
        }
        for file in files { unlink(file.temporary) }
    }

    /// `syncfs` on the file system of `path`, where the C library has it (Linux; looked up at run
    /// time, as Glibc's module does not declare it): false when it is not there or failed.
    private static func syncFileSystem(of path: String) -> Bool {
        #if os(Linux)
        guard let library = dlopen(nil, RTLD_NOW) else { return false }
        defer { dlclose(library) }
        guard let symbol = dlsym(library, "syncfs") else { return false }
        let syncfs = unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return syncfs(fd) == 0
        #else
        return false
        #endif
    }
}
