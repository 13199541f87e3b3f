import Foundation
import Testing

/// Runs the built `footprint` executable and other programs for end-to-end tests.
enum CLIHarness {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (the folder with Package.swift).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The `footprint` executable built beside the tests, or FOOTPRINT_BIN.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["FOOTPRINT_BIN"] { return URL(fileURLWithPath: path) }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("footprint"),
            packageRoot.appendingPathComponent(".build/debug/footprint"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so that a full pipe cannot block it.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }

    static func footprint(_ arguments: String...) throws -> Output {
        try run(executable, arguments)
    }

    /// Runs `footprint` with extra environment variables.
    static func footprint(environment: [String: String], _ arguments: String...) throws -> Output {
        try run(executable, arguments, environment: environment)
    }

    /// Makes a workspace at `db` with every canonical file of the example company imported.
    static func exampleWorkspace(_ db: String) throws {
        #expect(try footprint("init", "--db", db).status == 0)
        for (kind, name) in WorkspaceCommandTests.files {
            #expect(try footprint("import", kind, CalculateCommandTests.example + "/" + name, "--db", db).status == 0)
        }
    }

    static func python(_ arguments: [String]) throws -> Output {
        try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    /// A new empty temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The example's ledger and reference files alone (no categories.csv, company or activity files): the
    /// purchase ledger's inventory as it was before the corporate inventory, with every line in it.
    static let ledgerFiles = [
        "purchases.csv", "factors.csv", "suppliers.csv", "rates.csv", "price_index.csv", "supplier_emissions.csv", "product_footprints.csv",
        "manufacturers.csv", "supplier_allocations.csv",
    ]

    /// A temporary copy of the example's ledger files (`ledgerFiles`); remove it when done.
    static func exampleLedgerCopy() throws -> URL {
        let dir = try temporaryDirectory()
        let example = packageRoot.appendingPathComponent("examples/nordic-it")
        for name in ledgerFiles {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    static func json(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }
}
