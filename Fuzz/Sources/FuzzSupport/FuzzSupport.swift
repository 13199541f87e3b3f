import Foundation

/// Helpers shared by the fuzz targets.
public enum FuzzSupport {
    /// The repository's root (the folder above `Fuzz/`), for the examples the targets read once.
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Stops the fuzzer with a message: an invariant the input broke (libFuzzer reports the crash and saves the input).
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz invariant broken: \(message)\n".utf8))
        abort()
    }
}

/// One temporary file per process, rewritten with each input, for the readers that take a path
/// (in `$TMPDIR`, which scripts/fuzz.sh points to a folder it removes).
public final class TemporaryInput: @unchecked Sendable {
    public let path: String

    public init(name: String) {
        let folder = NSTemporaryDirectory() + "footprint-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/" + name
    }

    /// Writes the input's bytes to the file (replacing what it held).
    public func write(_ data: UnsafePointer<UInt8>, _ size: Int) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { FuzzSupport.fail("cannot create \(path)") }
        var written = 0
        while written < size {
            let n = Glibc.write(fd, data + written, size - written)
            guard n > 0 else { FuzzSupport.fail("cannot write \(path)") }
            written += n
        }
        close(fd)
    }
}

/// libFuzzer's driver, for a program with its own `main` (SwiftPM names each executable's entry point
/// and links it as `main`, so the runtime's own `main` is not used).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

extension FuzzSupport {
    /// Runs libFuzzer with the command line's options over `target` (the `LLVMFuzzerTestOneInput` of the program), then exits.
    public static func run(_ target: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> Never {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, target))
    }
}
