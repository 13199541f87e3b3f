import Foundation
import Testing

/// `footprint users add|list|disable` (docs/web.md): the password from a file (never an argument),
/// the role rules, and what `list` shows (never a password).
@Suite struct UsersCommandTests {
    @Test func addListDisable() throws {
        let folder = NSTemporaryDirectory() + "footprint-users-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/footprint.sqlite"
        #expect(try CLIHarness.footprint("init", "--db", db).status == 0)
        let passwordFile = folder + "/password.txt"
        try Data("a long enough password\n".utf8).write(to: URL(fileURLWithPath: passwordFile))
        let added = try CLIHarness.footprint("users", "add", "ada", "--role", "administrator", "--password-file", passwordFile, "--db", db)
        #expect(added.status == 0 && added.stdout.contains("User 'ada' added as administrator."))
        // No password on the command line: there is no such option.
        let inline = try CLIHarness.footprint("users", "add", "bob", "--role", "viewer", "--password", "a long enough password", "--db", db)
        #expect(inline.status != 0)
        // A customer user needs a customer of the register; other roles must not name one.
        #expect(try CLIHarness.footprint("users", "add", "c", "--role", "customer", "--password-file", passwordFile, "--db", db).status == 1)
        let notCustomer = try CLIHarness.footprint(
            "users",
            "add",
            "d",
            "--role",
            "viewer",
            "--customer",
            "CUST-001",
            "--password-file",
            passwordFile,
            "--db",
            db
        )
        #expect(notCustomer.status == 1 && notCustomer.stderr.contains("only a customer user"))
        #expect(try CLIHarness.footprint("users", "add", "e", "--role", "boss", "--password-file", passwordFile, "--db", db).status != 0)
        let list = try CLIHarness.footprint("users", "list", "--json", "--db", db)
        #expect(list.status == 0 && list.stdout.contains("\"name\": \"ada\"") && !list.stdout.contains("long enough"))
        #expect(!list.stdout.contains("scrypt"))
        #expect(try CLIHarness.footprint("users", "disable", "ada", "--db", db).status == 0)
        #expect(try CLIHarness.footprint("users", "list", "--db", db).stdout.contains("disabled"))
        #expect(try CLIHarness.footprint("users", "disable", "ada", "--db", db).status == 1)
    }
}
