import Foundation
import GRDB
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// An import killed with SIGKILL at any moment leaves the workspace as it was before.
@Suite(.serialized) struct KilledImportTests {
    static let lines = 1_500_000

    /// A purchases file of `lines` valid lines, written as bytes from a fixed-width template.
    static func writeBigLedger(to path: String) throws {
        let header = Array("id,date,supplier,category,amount,currency,product,quantity,unit,customer\n".utf8)
        let template = Array("K0000000,2024-05-15,SUP-000,C00,1234.56,NOK,,,,\n".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(header.count + template.count * lines)
        bytes += header
        let zero = UInt8(ascii: "0")
        for i in 0..<lines {
            var line = template
            var n = i
            for p in stride(from: 7, through: 1, by: -1) {
                line[p] = zero + UInt8(n % 10)
                n /= 10
            }
            line[18] = zero + UInt8(i % 9 + 1)  // day 11...19
            line[26] = zero + UInt8(i % 10)  // supplier SUP-00d
            line[30] = zero + UInt8(i % 7)  // category C0d
            line[34] = zero + UInt8(i % 10)
            bytes += line
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func purchaseCount(_ db: String) throws -> Int {
        let queue = try DatabaseQueue(path: db)
        return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM purchase") ?? -1 }
    }

    static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// When to kill: after `seconds`, or as soon as the write-ahead log holds more than `walBytes`.
    enum Moment: CustomStringConvertible {
        case after(seconds: Double)
        case walAbove(bytes: Int)
        var description: String {
            switch self {
            case .after(let s): "after \(s) s"
            case .walAbove(let b): "once the WAL exceeds \(b) bytes"
            }
        }
    }

    @Test func killedImportsLeaveTheWorkspaceAsBefore() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        let big = dir.appendingPathComponent("BIG.csv").path
        try #require(try CLIHarness.footprint("init", "--db", db).status == 0)
        // Something already imported, so that "as before" is not "empty".
        let first = try CLIHarness.footprint("import", "purchases", CalculateCommandTests.example + "/purchases.csv", "--db", db)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try Self.purchaseCount(db)
        #expect(before == 3759)
        let importsBefore = try CLIHarness.footprint("imports", "--db", db, "--json").stdout
        try Self.writeBigLedger(to: big)

        var killedWhileRunning = 0
        for moment in [Moment.after(seconds: 0.3), .walAbove(bytes: 1 << 20), .walAbove(bytes: 24 << 20)] {
            let process = Process()
            process.executableURL = CLIHarness.executable
            process.arguments = ["import", "purchases", big, "--db", db]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let started = Date()
            let wal = db + "-wal"
            let deadline = Date().addingTimeInterval(120)
            switch moment {
            case .after(let seconds):
                Thread.sleep(forTimeInterval: seconds)
            case .walAbove(let bytes):
                while process.isRunning && Self.fileSize(wal) <= bytes && Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
            }
            let wasRunning = process.isRunning
            print(
                "kill \(moment): import running \(wasRunning), WAL \(Self.fileSize(wal)) bytes, \(String(format: "%.2f", Date().timeIntervalSince(started))) s"
            )
            if wasRunning {
                kill(process.processIdentifier, SIGKILL)
                killedWhileRunning += 1
            }
            process.waitUntilExit()
            if wasRunning {
                #expect(process.terminationReason == .uncaughtSignal, "\(moment)")
                #expect(process.terminationStatus == SIGKILL, "\(moment)")
            } else {
                // The import finished before the kill: nothing to check at this moment; the final import below then says "already imported".
                Issue.record("the import of \(Self.lines) lines finished before the kill \(moment); make the file larger")
                return
            }
            // The workspace opens, the import is not listed, and the purchase table is as before.
            let imports = try CLIHarness.footprint("imports", "--db", db)
            #expect(imports.status == 0, "\(moment): \(imports.stderr)")
            #expect(!imports.stdout.contains("BIG.csv"), "\(moment): \(imports.stdout)")
            #expect(try CLIHarness.footprint("imports", "--db", db, "--json").stdout == importsBefore, "\(moment)")
            #expect(try Self.purchaseCount(db) == before, "\(moment)")
        }
        #expect(killedWhileRunning == 3)

        // The same import, left alone, succeeds whole.
        let complete = try CLIHarness.footprint("import", "purchases", big, "--db", db)
        #expect(complete.status == 0, "\(complete.stderr)")
        #expect(complete.stdout.contains("Imported BIG.csv as #"), "\(complete.stdout)")
        #expect(try Self.purchaseCount(db) == before + Self.lines)
        let imports = try CLIHarness.footprint("imports", "--db", db)
        #expect(imports.stdout.contains("BIG.csv"))
    }
}
