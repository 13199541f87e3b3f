import Foundation
import Testing

/// The progress of `footprint import` and `footprint calculate` on standard error when it is not a
/// terminal (a pipe, as here): plain lines, one per phase and per 10 %, ending at 100 %; none with
/// `--no-progress`; standard output the same either way. Work that ends within a second shows
/// nothing (the example's files are small): `FOOTPRINT_PROGRESS_AFTER=0` shows it all.
@Suite("CLI progress lines")
struct ProgressCommandTests {
    static let now = ["FOOTPRINT_PROGRESS_AFTER": "0"]

    /// The progress lines of `task` in `stderr`, checked: each `TASK: N% phase ...`, N never decreasing.
    static func lines(_ stderr: String, task: String) -> [(percent: Int, text: String)] {
        #expect(!stderr.contains("\r") && !stderr.contains("\u{1B}"), "a terminal's bar on a pipe: \(stderr)")
        let prefix = task + ": "
        var found: [(Int, String)] = []
        for line in stderr.split(separator: "\n").map(String.init) where line.hasPrefix(prefix) {
            let rest = line.dropFirst(prefix.count)
            guard let sign = rest.firstIndex(of: "%"), let percent = Int(rest[..<sign]) else {
                Issue.record("not a progress line: \(line)")
                continue
            }
            found.append((percent, line))
        }
        let percents = found.map(\.0)
        #expect(percents == percents.sorted(), "\(found.map(\.1))")
        return found
    }

    @Test("import and calculate print plain progress lines on a pipe, ending at 100%; --no-progress none; stdout unchanged")
    func plainLines() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        let example = CalculateCommandTests.example
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        for (kind, name) in WorkspaceCommandTests.files where kind != "purchases" {
            let out = try CLIHarness.footprint("import", kind, example + "/" + name, "--db", db, "--no-progress")
            #expect(out.status == 0 && out.stderr.isEmpty, "\(name): \(out.stderr)")
            #expect(out.stdout.hasPrefix("Imported \(name) as #"))
        }
        // A bad purchases file: its progress, then the problems, and nothing imported.
        var rows = try String(contentsOfFile: example + "/purchases.csv", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let good = rows
        rows[5] = Substring(rows[5].replacingOccurrences(of: ",NOK,", with: ",NOKK,"))
        let bad = dir.appendingPathComponent("purchases.csv").path
        try rows.joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let rejected = try CLIHarness.footprint(environment: Self.now, "import", "purchases", bad, "--db", db)
        #expect(rejected.status == 1 && rejected.stdout.isEmpty)
        let stopped = Self.lines(rejected.stderr, task: "import purchases.csv")
        #expect(stopped.first?.text.hasPrefix("import purchases.csv: 0% reading (") == true, "\(stopped)")
        #expect(!stopped.contains { $0.percent == 100 }, "\(rejected.stderr)")
        #expect(rejected.stderr.contains("purchases.csv:6:"), "\(rejected.stderr)")

        try good.joined(separator: "\n").write(toFile: bad, atomically: true, encoding: .utf8)
        let imported = try CLIHarness.footprint(environment: Self.now, "import", "purchases", bad, "--db", db)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("Imported purchases.csv as #") && !imported.stdout.contains("%"), "\(imported.stdout)")
        let importLines = Self.lines(imported.stderr, task: "import purchases.csv")
        #expect(importLines.map(\.text).contains { $0.hasPrefix("import purchases.csv: 0% reading (0.0 of ") && $0.hasSuffix(" kB)") })
        #expect(importLines.map(\.text).contains { $0.hasPrefix("import purchases.csv: 90% checking purchase ids") })
        #expect(importLines.last?.text == "import purchases.csv: 100% imported", "\(importLines)")
        #expect(importLines.count <= 15, "too many lines for a pipe: \(importLines)")

        let calculated = try CLIHarness.footprint(environment: Self.now, "calculate", "--db", db, "--json", "--full")
        #expect(calculated.status == 0, "\(calculated.stderr)")
        let json = try CLIHarness.json(calculated.stdout)
        #expect(json["run"] != nil)
        let calculateLines = Self.lines(calculated.stderr, task: "calculate")
        #expect(calculateLines.first?.text == "calculate: 0% reading the reference data", "\(calculateLines)")
        #expect(calculateLines.map(\.text).contains { $0.hasPrefix("calculate: 5% evaluating lines (0 of ") && $0.hasSuffix(" lines)") })
        #expect(calculateLines.map(\.text).contains("calculate: 95% storing the run"))
        #expect(calculateLines.last?.text == "calculate: 100% stored", "\(calculateLines)")
        let again = try CLIHarness.footprint(environment: Self.now, "calculate", "--db", db)
        #expect(Self.lines(again.stderr, task: "calculate").last?.text == "calculate: 100% up to date")
        let quiet = try CLIHarness.footprint("calculate", "--db", db, "--no-progress")
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        // What a script reads is the same with or without progress (the run is up to date: the same run).
        #expect(quiet.stdout == again.stdout)
        // Work that ends within the delay (by default a second; here a minute, whatever the machine's load) shows nothing.
        let quick = try CLIHarness.footprint(environment: ["FOOTPRINT_PROGRESS_AFTER": "60"], "calculate", "--db", db, "--full")
        #expect(quick.status == 0 && quick.stderr.isEmpty, "\(quick.stderr)")
    }
}
