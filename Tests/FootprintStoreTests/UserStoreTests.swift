import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// The web app's users (`footprint users`, docs/web.md): scrypt password hashes, the role rules of
/// the register, sessions and the login attempts rate limiting counts.
@Suite struct UserStoreTests {
    /// Cheap scrypt parameters for tests (the stored parameters are what verification uses).
    static let fast = PasswordHash.Parameters(logN: 10, r: 8, p: 1)

    @Test("scrypt: RFC 7914's test vector, the standard parameters, salted hashes, constant-time verification")
    func passwordHash() throws {
        // RFC 7914 §12: scrypt("password", "NaCl", N = 1024, r = 8, p = 16), the first 32 bytes.
        let vector = try #require(PasswordHash(encoded: "scrypt$10$8$16$TmFDbA==$/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWI="))
        #expect(vector.verify("password"))
        #expect(!vector.verify("Password"))
        #expect(PasswordHash.Parameters.standard == PasswordHash.Parameters(logN: 15, r: 8, p: 1))
        #expect(PasswordHash.Parameters.standard.memoryBytes == 32 << 20)
        let a = try PasswordHash.make(password: "a long passphrase", parameters: Self.fast)
        let b = try PasswordHash.make(password: "a long passphrase", parameters: Self.fast)
        #expect(a.salt != b.salt && a.key != b.key)  // salted: the same password hashes differently
        #expect(a.verify("a long passphrase") && !a.verify("a long passphrasE") && !a.verify(""))
        let read = try #require(PasswordHash(encoded: a.encoded))
        #expect(read == a && read.verify("a long passphrase"))
        #expect(a.encoded.hasPrefix("scrypt$10$8$1$") && !a.encoded.contains("passphrase"))
        // Not ours, or parameters out of bounds: never read (no hash with N = 2 or a truncated key).
        for bad in [
            "", "bcrypt$10$8$1$AA==$AA==", "scrypt$1$8$1$TmFDbA==$/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWI=", "scrypt$10$8$1$TmFDbA==$AAAA",
        ] {
            #expect(PasswordHash(encoded: bad) == nil)
        }
    }

    @Test("users: roles, a customer user bound to a customer of the register, names unique, disabling ends sessions")
    func users() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let users = t.workspace.users
        // A customer user needs a customer of the register in force.
        #expect(throws: WorkspaceError.self) {
            try users.addUser(name: "c", role: .customer, customer: "CUST-001", password: "long enough password", parameters: Self.fast)
        }
        _ = try t.workspace.imports.importActivity(kind: .sites, path: nordicIT + "/sites.csv", displayName: "sites.csv", replacing: nil)
        for (kind, file) in CustomerImportTests.kinds {
            _ = try t.workspace.customers.importFile(kind: kind, path: nordicIT + "/" + file, displayName: file, replacing: nil)
        }
        let customer = try users.addUser(
            name: "c",
            role: .customer,
            customer: "CUST-001",
            language: .nb,
            password: "long enough password",
            parameters: Self.fast
        )
        #expect(customer.customerID == "CUST-001" && customer.language == .nb && customer.isActive)
        #expect(throws: WorkspaceError.self) {
            try users.addUser(name: "d", role: .customer, password: "long enough password", parameters: Self.fast)
        }
        #expect(throws: WorkspaceError.self) {
            try users.addUser(name: "d", role: .customer, customer: "NOPE", password: "long enough password", parameters: Self.fast)
        }
        #expect(throws: WorkspaceError.self) {
            try users.addUser(name: "d", role: .viewer, customer: "CUST-001", password: "long enough password", parameters: Self.fast)
        }
        #expect(throws: WorkspaceError.self) { try users.addUser(name: "d", role: .viewer, password: "short", parameters: Self.fast) }
        let admin = try users.addUser(name: "Ada", role: .administrator, password: "long enough password", parameters: Self.fast)
        #expect(throws: WorkspaceError.self) {
            try users.addUser(name: "ada", role: .viewer, password: "long enough password", parameters: Self.fast)
        }
        #expect(try users.list().map(\.name) == ["Ada", "c"])
        // The table keeps the hash only.
        let stored = try t.workspace.read { db in try String.fetchOne(db, sql: "SELECT password_hash FROM web_user WHERE name = 'Ada'") }
        #expect(stored?.hasPrefix("scrypt$") == true && stored?.contains("long enough") == false)
        let (found, hash) = try #require(try users.credentials(name: "ada"))
        #expect(found == admin && hash.verify("long enough password"))
        // Sessions: the id is 256 random bits, kept only as its SHA-256; it ends when it expires or the user is disabled.
        let (id, session) = try users.startSession(userID: admin.id, lifetime: 3600, address: "127.0.0.1")
        #expect(id.count == 43 && session.csrfToken.count == 43 && id != session.csrfToken)
        #expect(try users.session(id: id) == session)
        #expect(try t.workspace.count("web_session", where: "id_sha256 = '\(id)'") == 0)
        #expect(try users.session(id: String(id.dropLast()) + (id.last == "A" ? "B" : "A")) == nil)
        let (expired, _) = try users.startSession(userID: admin.id, lifetime: -1, address: "127.0.0.1")
        #expect(try users.session(id: expired) == nil)
        try users.setLanguage(userID: admin.id, .nb)
        #expect(try users.session(id: id)?.user.language == .nb)
        _ = try users.disable(name: "Ada")
        #expect(try users.session(id: id) == nil)
        #expect(try users.credentials(name: "Ada") == nil)
        #expect(throws: WorkspaceError.self) { try users.disable(name: "Ada") }
    }

    @Test("login attempts: failures counted per name since its last success and per address, in the window")
    func loginAttempts() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let users = t.workspace.users
        for _ in 0..<3 { try users.recordLoginAttempt(name: "ada", address: "10.0.0.1", succeeded: false) }
        try users.recordLoginAttempt(name: "bob", address: "10.0.0.1", succeeded: false)
        #expect(try users.loginFailures(name: "ada", address: "10.0.0.1", window: 900) == LoginFailures(user: 3, address: 4))
        #expect(try users.loginFailures(name: "ADA", address: "10.0.0.2", window: 900) == LoginFailures(user: 3, address: 0))
        Thread.sleep(forTimeInterval: 0.01)
        try users.recordLoginAttempt(name: "ada", address: "10.0.0.1", succeeded: true)
        #expect(try users.loginFailures(name: "ada", address: "10.0.0.1", window: 900) == LoginFailures(user: 0, address: 4))
        // Outside the window nothing counts.
        Thread.sleep(forTimeInterval: 0.02)
        #expect(try users.loginFailures(name: "bob", address: "10.0.0.1", window: 0.01) == LoginFailures(user: 0, address: 0))
    }
}
