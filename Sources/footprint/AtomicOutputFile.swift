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
