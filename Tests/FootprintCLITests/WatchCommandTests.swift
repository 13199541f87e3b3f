import Foundation
import Testing

/// `calculate --watch`: a process that keeps the workspace open and calculates again whenever another
/// process commits to it, one line per new run.
@Suite struct WatchCommandTests {
    /// Lines a running process writes to a pipe, read on another thread as they come.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var buffer = Data()

        init(_ handle: FileHandle) {
            handle.readabilityHandler = { [weak self] h in
                let data = h.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock()
                self.buffer.append(data)
                self.lock.unlock()
            }
        }

        /// The complete lines so far: a line still being written (no newline yet) is not one.
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            guard let end = buffer.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
            return String(decoding: buffer[..<end], as: UTF8.self).split(separator: "\n").map(String.init)
        }

        /// Waits up to `seconds` for `count` lines.
        func wait(for count: Int, seconds: Double = 60) -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            while all.count < count && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return all
        }
    }

    @Test func anImportByAnotherProcessGivesANewIncrementalRun() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        try CLIHarness.exampleWorkspace(db)
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = ["calculate", "--db", db, "--watch", "--interval", "0.1", "--json"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        let lines = Lines(out.fileHandleForReading)
        let first = lines.wait(for: 1)
        try #require(first.count == 1, "the first run: \(first)")
        let run1 = try #require(try CLIHarness.json(first[0])["run"] as? [String: Any])
        #expect(run1["kind"] as? String == "full" && run1["id"] as? Int == 1)

        // Another process imports a disclosure: the watcher makes run #2, incremental, on its own.
        let disclosure = dir.appendingPathComponent("e.csv")
        try "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nSUP-0008,2024,49.8,17.5,7810,1302000000,NOK\n"
            .write(to: disclosure, atomically: true, encoding: .utf8)
        #expect(try CLIHarness.footprint("import", "supplier-emissions", disclosure.path, "--db", db).status == 0)
        let second = lines.wait(for: 2)
        try #require(second.count == 2, "a second run: \(second)")
        let document = try CLIHarness.json(second[1])
        let run2 = try #require(document["run"] as? [String: Any])
        #expect(run2["kind"] as? String == "incremental" && run2["parent"] as? Int == 1 && run2["id"] as? Int == 2)
        // The same inventory a one-off calculation of the workspace reports, as stored.
        let shown = try CLIHarness.json(try CLIHarness.footprint("report", "--db", db, "--format", "json").stdout)
        #expect(shown["total_kgco2e"] as? Double == document["total_kgco2e"] as? Double)

        // A commit that changes no input (a report reads only) makes no run; nothing more is printed.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(lines.all.count == 2)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }
}
