import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// `footprint init`: a WAL-mode SQLite file with the built-in factor library, that opens again
/// and whose migrations apply once.
@Suite struct WorkspaceLifecycleTests {
    @Test func initCreatesAWALDatabaseWithTheBuiltInLibrary() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        #expect(FileManager.default.fileExists(atPath: t.path))
        let mode = try t.workspace.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode?.lowercased() == "wal")
        // The file header says WAL too (bytes 18 and 19 are 2 for WAL), independently of the connection.
        let header = try #require(FileManager.default.contents(atPath: t.path))
        #expect(header.count >= 100 && header[18] == 2 && header[19] == 2)

        let libraries = try t.workspace.imports.libraries()
        #expect(libraries.count == 1)
        let builtIn = try #require(libraries.first)
        #expect(builtIn.key == DefaultFactorLibrary.content.info.id)
        #expect(builtIn.version == DefaultFactorLibrary.content.info.version)
        #expect(builtIn.factorCount == DefaultFactorLibrary.content.factors.count)
        #expect(builtIn.active)
        // The built-in library is recorded as an import of its own; there is nothing else yet.
        let imports = try t.workspace.imports.list()
        #expect(imports.map(\.kind) == [.factorLibrary])
        #expect(try t.workspace.count("purchase") == 0)
        #expect(try t.workspace.runs.list().isEmpty)
    }

    @Test func reopeningKeepsEverythingAndMigrationsAreIdempotent() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        _ = try t.workspace.importFile(.rates, nordicIT + "/rates.csv")
        let before = try t.workspace.tableCounts()
        let migrations = try t.workspace.count("grdb_migrations")
        #expect(migrations == WorkspaceSchema.migrator.migrations.count)  // v1, v2 (supplier register and status facts), v3 (engagement), ...
        #expect(migrations >= 3)

        // Opening an existing file, by both entry points, several times.
        let (again, created) = try Workspace.create(path: t.path)
        #expect(!created)
        #expect(try again.tableCounts() == before)
        #expect(try again.imports.libraries().count == 1, "create on an existing workspace must not install the built-in library twice")
        for _ in 0..<3 {
            let reopened = try Workspace(path: t.path)
            #expect(try reopened.tableCounts() == before)
            #expect(try reopened.count("grdb_migrations") == migrations)
            #expect(try reopened.imports.list() == t.workspace.imports.list())
        }
        // Running the migrator again on the open database is a no-op.
        try WorkspaceSchema.migrator.migrate(t.workspace.pool)
        #expect(try t.workspace.count("grdb_migrations") == migrations)
        #expect(try t.workspace.tableCounts() == before)
    }

    @Test func openingAMissingWorkspaceSaysHowToCreateOne() throws {
        let path = NSTemporaryDirectory() + "footprint-missing-\(UUID().uuidString).sqlite"
        do {
            _ = try Workspace(path: path)
            Issue.record("opened a workspace that does not exist")
        } catch {
            guard case .notFound = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(error.description.contains("footprint init"))
        }
        #expect(!FileManager.default.fileExists(atPath: path), "opening must not create the file")
    }

    @Test func resolvePathPrefersTheOptionOverTheEnvironment() {
        #expect(Workspace.resolvePath("/x/given.sqlite") == "/x/given.sqlite")
        let expected = ProcessInfo.processInfo.environment["FOOTPRINT_DB"] ?? "footprint.sqlite"
        #expect(Workspace.resolvePath(nil) == expected)
    }
}
