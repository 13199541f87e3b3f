import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UserRole: ExpressibleByArgument {}

extension Footprint {
    /// `footprint users`: the web app's local users (docs/web.md).
    struct Users: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "users",
            abstract: "Users of the web app that 'footprint serve' serves: add, list, disable.",
            discussion: """
                Roles: administrator, analyst (imports, calculations, supplier work), viewer, auditor (read-only, every run's \
                lines), customer (bound to one customer id: only its own statement). Passwords are kept as scrypt hashes.
                """,
            subcommands: [Add.self, List.self, Disable.self],
            defaultSubcommand: List.self
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add a user; the password comes from --password-file, else it is asked for (or read from standard input)."
            )
            @Argument(help: "The user's name (what it signs in with).") var name: String
            @Option(name: .long, help: "administrator, analyst, viewer, auditor or customer.") var role: UserRole
            @Option(name: .long, help: "For the role customer: the customer's id (customers.csv).") var customer: String?
            @Option(name: .long, help: "The language of the user's pages: en or nb (default en).") var language: StatementLanguage = .en
            @Option(name: .long, help: "A file whose first line is the password (never give it on the command line).") var passwordFile: String?
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                let password = try readPassword()
                let user = try report { () throws(WorkspaceError) in
                    try ws.users.addUser(name: name, role: role, customer: customer, language: language, password: password)
                }
                print("User '\(user.name)' added as \(user.role.rawValue)\(user.customerID.map { " of customer \($0)" } ?? "").")
                print("They sign in at https://HOST:PORT/app/login of 'footprint serve' (docs/web.md).")
            }

            /// The password: the first line of --password-file; else typed at a terminal (twice, not
            /// echoed); else the first line of standard input.
            func readPassword() throws -> String {
                if let passwordFile {
                    guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else {
                        throw failure("error: cannot read the password file '\(passwordFile)'")
                    }
                    return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
                        .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                }
                if isatty(STDIN_FILENO) != 0 {
                    guard let first = getpass("Password for \(name): ").map({ String(cString: $0) }),
                        let second = getpass("Again: ").map({ String(cString: $0) })
                    else { throw ExitCode(1) }
                    guard first == second else {
                        throw failure("error: the two passwords differ; nothing was added")
                    }
                    return first
                }
                guard let line = Swift.readLine(strippingNewline: true) else {
                    throw failure("error: no password: give --password-file FILE, or the password on standard input")
                }
                return line
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users (never their passwords).")
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            func run() throws {
                let ws = try workspace.open()
                let users = try report { () throws(WorkspaceError) in try ws.users.list() }
                if json {
                    return printJSONArray(users) { u in
                        .object([
                            ("name", .string(u.name)), ("role", .string(u.role.rawValue)),
                            ("customer", u.customerID.map { .string($0) } ?? .null), ("language", .string(u.language.rawValue)),
                            ("createdAt", .string(u.createdAt)), ("disabledAt", u.disabledAt.map { .string($0) } ?? .null),
                        ])
                    }
                }
                guard !users.isEmpty else { return print("No users yet: 'footprint users add NAME --role administrator' adds one.") }
                print(
                    InventorySummary.table(
                        ["name", "role", "customer", "language", "created (UTC)", "status"],
                        users.map { u in
                            [
                                u.name, u.role.rawValue, u.customerID ?? "", u.language.rawValue, String(u.createdAt.prefix(19)),
                                u.disabledAt.map { "disabled \($0.prefix(10))" } ?? "active",
                            ]
                        }
                    )
                )
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable a user: its sessions end at once.")
            @Argument(help: "The user's name.") var name: String
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                let user = try report { () throws(WorkspaceError) in try ws.users.disable(name: name) }
                print("User '\(user.name)' disabled; its sessions have ended.")
            }
        }
    }
}
