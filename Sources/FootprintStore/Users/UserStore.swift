public import FootprintCore
import Foundation
import GRDB

/// What a web app user may do (docs/web.md): an administrator everything; an analyst imports,
/// calculations and supplier work; a viewer reads; an auditor reads everything, every run's lines,
/// inputs and hashes included; a customer only its own statements and service footprints.
public enum UserRole: String, Sendable, CaseIterable, Codable {
    case administrator, analyst, viewer, auditor, customer

    /// Whether the role sees the company's own pages (everything but a customer).
    public var isInternal: Bool { self != .customer }
}

/// A local user of the web app (`footprint users`).
public struct WebUser: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var role: UserRole
    /// The customer id of the register a customer user is bound to; nil for every other role.
    public var customerID: String?
    public var language: StatementLanguage
    public var createdAt: String
    public var disabledAt: String?

    public var isActive: Bool { disabledAt == nil }
}

/// A signed-in user's server-side session: the user as it is now, the CSRF token its forms carry,
/// and when it ends.
public struct WebSession: Sendable, Equatable {
    public var user: WebUser
    public var csrfToken: String
    public var expiresAt: String
}

/// The login attempts counted against a user name and a client address in the lock-out window.
public struct LoginFailures: Sendable, Equatable {
    /// Failures for the user name since the window began (and since its last successful login).
    public var user: Int
    /// Failures from the address since the window began, whatever the name.
    public var address: Int
}

/// The web app's users, sessions and login attempts, in the workspace (`web_user`, `web_session`,
/// `web_login_attempt`).
public struct UserStore: Sendable {
    public let workspace: Workspace
}

extension Workspace {
    /// The web app's local users, their sessions and the login attempts.
    public var users: UserStore { UserStore(workspace: self) }
}

extension UserStore {
    /// Adds a user. A customer user needs `customer`, an id of the customer register in force; the
    /// other roles must not have one. The password is hashed here (scrypt) and never kept.
    public func addUser(
        name: String,
        role: UserRole,
        customer: String? = nil,
        language: StatementLanguage = .en,
        password: String,
        parameters: PasswordHash.Parameters = .standard
    ) throws(WorkspaceError) -> WebUser {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 200, !trimmed.contains(where: { $0.isNewline || $0.isWhitespace && $0 != " " }) else {
            throw .conflict("a user needs a name: up to 200 characters, no line breaks or tabs")
        }
        guard password.count >= 10 else { throw .conflict("the password is too short: give at least 10 characters") }
        switch (role, customer) {
        case (.customer, nil): throw .conflict("a customer user is bound to one customer: give --customer ID (see 'footprint customers list')")
        case (.customer, let id?):
            let data = try CustomerStore(workspace: workspace).customerData()
            guard data.customer(id: id) != nil else {
                throw .conflict("unknown customer '\(id)': it is not in the customers.csv in force (see 'footprint customers list')")
            }
        case (_, .some): throw .conflict("only a customer user is bound to a customer; leave out --customer for the role \(role.rawValue)")
        default: break
        }
        let hash: PasswordHash
        do { hash = try PasswordHash.make(password: password, parameters: parameters) } catch { throw .database("scrypt failed: \(error)") }
        return try workspace.transaction { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM web_user WHERE name = ?", arguments: [trimmed]) == true {
                throw WorkspaceError.conflict("there is already a user named '\(trimmed)'; choose another name")
            }
            try db.execute(
                sql: "INSERT INTO web_user (name, role, customer_id, language, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [trimmed, role.rawValue, customer, language.rawValue, hash.encoded, Workspace.timestamp()]
            )
            return try Self.user(db, sql: "SELECT * FROM web_user WHERE id = ?", [db.lastInsertedRowID])!
        }
    }

    /// Every user, disabled ones included, by name.
    public func list() throws(WorkspaceError) -> [WebUser] {
        try workspace.read { db in try Row.fetchAll(db, sql: "SELECT * FROM web_user ORDER BY name").map { Self.user($0) } }
    }

    /// Disables a user: its sessions end at once and it can no longer sign in.
    public func disable(name: String) throws(WorkspaceError) -> WebUser {
        try workspace.transaction { db in
            guard let user = try Self.user(db, sql: "SELECT * FROM web_user WHERE name = ?", [name]), user.isActive else {
                throw WorkspaceError.conflict("there is no active user named '\(name)'; 'footprint users list' shows them")
            }
            try db.execute(sql: "UPDATE web_user SET disabled_at = ? WHERE id = ?", arguments: [Workspace.timestamp(), user.id])
            try db.execute(sql: "DELETE FROM web_session WHERE user_id = ?", arguments: [user.id])
            return try Self.user(db, sql: "SELECT * FROM web_user WHERE id = ?", [user.id])!
        }
    }

    /// The user's language for the web pages.
    public func setLanguage(userID: Int64, _ language: StatementLanguage) throws(WorkspaceError) {
        try workspace.transaction { db in
            try db.execute(sql: "UPDATE web_user SET language = ? WHERE id = ?", arguments: [language.rawValue, userID])
        }
    }

    /// The active user of that name and its password hash; nil when there is none.
    public func credentials(name: String) throws(WorkspaceError) -> (WebUser, PasswordHash)? {
        try workspace.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM web_user WHERE name = ? AND disabled_at IS NULL", arguments: [name]),
                let hash = PasswordHash(encoded: row["password_hash"])
            else { return nil }
            return (Self.user(row), hash)
        }
    }

    // MARK: sessions

    /// Starts a session for the user: a random 256-bit id (returned, only its SHA-256 is kept) and a
    /// random 256-bit CSRF token, ending `lifetime` seconds from now.
    public func startSession(userID: Int64, lifetime: TimeInterval, address: String) throws(WorkspaceError) -> (id: String, session: WebSession) {
        let id = Self.randomToken()
        let csrf = Self.randomToken()
        let expires = Workspace.timestamp(Date().addingTimeInterval(lifetime))
        return try workspace.transaction { db in
            // Sessions that have ended are removed as new ones start.
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at <= ?", arguments: [Workspace.timestamp()])
            try db.execute(
                sql: "INSERT INTO web_session (id_sha256, user_id, csrf_token, created_at, expires_at, address) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [Self.sha256Hex(id), userID, csrf, Workspace.timestamp(), expires, address]
            )
            let user = try Self.user(db, sql: "SELECT * FROM web_user WHERE id = ?", [userID])!
            return (id, WebSession(user: user, csrfToken: csrf, expiresAt: expires))
        }
    }

    /// The session a cookie names, when it has not ended and its user is active.
    public func session(id: String) throws(WorkspaceError) -> WebSession? {
        guard id.utf8.count == 43 else { return nil }
        return try workspace.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT u.*, s.csrf_token, s.expires_at FROM web_session s JOIN web_user u ON u.id = s.user_id
                        WHERE s.id_sha256 = ? AND s.expires_at > ? AND u.disabled_at IS NULL
                        """,
                    arguments: [Self.sha256Hex(id), Workspace.timestamp()]
                )
            else { return nil }
            return WebSession(user: Self.user(row), csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
        }
    }

    /// Ends a session (signing out).
    public func endSession(id: String) throws(WorkspaceError) {
        try workspace.transaction { db in try db.execute(sql: "DELETE FROM web_session WHERE id_sha256 = ?", arguments: [Self.sha256Hex(id)]) }
    }

    // MARK: login attempts

    /// Records a login attempt (for rate limiting and the audit of sign-ins).
    public func recordLoginAttempt(name: String, address: String, succeeded: Bool) throws(WorkspaceError) {
        try workspace.transaction { db in
            try db.execute(
                sql: "INSERT INTO web_login_attempt (user_name, address, succeeded, at) VALUES (?, ?, ?, ?)",
                arguments: [String(name.prefix(200)), address, succeeded ? 1 : 0, Workspace.timestamp()]
            )
        }
    }

    /// The failed attempts in the window of `window` seconds before now: for the name (after its last
    /// successful login), and from the address.
    public func loginFailures(name: String, address: String, window: TimeInterval) throws(WorkspaceError) -> LoginFailures {
        let since = Workspace.timestamp(Date().addingTimeInterval(-window))
        return try workspace.read { db in
            let lastSuccess =
                try String.fetchOne(
                    db,
                    sql: "SELECT max(at) FROM web_login_attempt WHERE user_name = ? AND succeeded = 1 AND at > ?",
                    arguments: [String(name.prefix(200)), since]
                ) ?? since
            let user =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM web_login_attempt WHERE user_name = ? AND succeeded = 0 AND at > ?",
                    arguments: [String(name.prefix(200)), lastSuccess]
                ) ?? 0
            let fromAddress =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM web_login_attempt WHERE address = ? AND succeeded = 0 AND at > ?",
                    arguments: [address, since]
                ) ?? 0
            return LoginFailures(user: user, address: fromAddress)
        }
    }

    // MARK: helpers

    static func user(_ db: Database, sql: String, _ arguments: StatementArguments) throws -> WebUser? {
        try Row.fetchOne(db, sql: sql, arguments: arguments).map(Self.user)
    }

    static func user(_ row: Row) -> WebUser {
        WebUser(
            id: row["id"],
            name: row["name"],
            role: UserRole(rawValue: row["role"]) ?? .viewer,
            customerID: row["customer_id"],
            language: StatementLanguage(rawValue: row["language"]) ?? .en,
            createdAt: row["created_at"],
            disabledAt: row["disabled_at"]
        )
    }

    /// 256 random bits, base64url without padding (43 characters).
    public static func randomToken() -> String { PACTStore.randomToken(bytes: 32) }

    static func sha256Hex(_ text: String) -> String { PACTStore.sha256Hex(text) }
}
