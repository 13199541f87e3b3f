import ArgumentParser
import FootprintCore
import FootprintServer
import FootprintStore
import Foundation

extension Footprint.Pact {
    /// `footprint pact clients`: the customers that may call our PACT host.
    struct Clients: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clients",
            abstract: "API clients of our PACT host (customers): add, list, revoke.",
            subcommands: [Add.self, List.self, Revoke.self, Link.self],
            defaultSubcommand: List.self
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add a client; prints its id and secret once (only a hash of the secret is kept)."
            )
            @Argument(help: "The client's name (the customer).") var name: String
            @Option(name: .long, help: "The partner (our credentials at the client's own host) that receives answers to its requests.") var partner:
                String?
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                let added = try reportAny { try ws.pact.addPACTClient(name: name, partner: partner) }
                print("Client '\(added.client.name)' added. Give the customer these credentials; the secret is not shown again:")
                print("client_id:     \(added.client.clientID)")
                print("client_secret: \(added.secret)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List the clients (never their secrets).")
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            func run() throws {
                let ws = try workspace.open()
                let clients = try report { () throws(WorkspaceError) in try ws.pact.pactClients() }
                if json {
                    return printJSONArray(clients) { c in
                        .object([
                            ("name", .string(c.name)), ("clientId", .string(c.clientID)), ("partner", c.partner.map { .string($0) } ?? .null),
                            ("createdAt", .string(c.createdAt)), ("revokedAt", c.revokedAt.map { .string($0) } ?? .null),
                        ])
                    }
                }
                guard !clients.isEmpty else { return print("No clients yet: 'footprint pact clients add NAME' adds one.") }
                printTable(
                    ["name", "client id", "partner", "created (UTC)", "status"],
                    clients.map {
                        [$0.name, $0.clientID, $0.partner ?? "", String($0.createdAt.prefix(19)), $0.revokedAt == nil ? "active" : "revoked"]
                    }
                )
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "revoke",
                abstract: "Revoke a client: its tokens stop working within a second."
            )
            @Argument(help: "The client's name.") var name: String
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                _ = try report { () throws(WorkspaceError) in try ws.pact.revokePACTClient(name: name) }
                print("Client '\(name)' revoked")
            }
        }
    }

    /// `footprint pact partners`: other companies' PACT hosts and our credentials there.
    struct Partners: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "partners",
            abstract: "Partners' PACT hosts (suppliers we pull from, customers we answer): add, list.",
            subcommands: [Add.self, List.self],
            defaultSubcommand: List.self
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add or update a partner's host and our credentials at it.",
                discussion:
                    "The secret is read from the environment variable named by --secret-env (default FOOTPRINT_PARTNER_SECRET) or from --secret-file, never from the command line, and is never printed."
            )
            @Argument(help: "A name for the partner.") var name: String
            @Option(name: .long, help: "The base URL of its API (https://…; we call <url>/3/footprints).") var url: String
            @Option(name: .long, help: "Where its /auth/token or OpenID configuration lives, if not under --url.") var authUrl: String?
            @Option(name: .long, help: "Our client id at the partner.") var clientId: String
            @Option(name: .long, help: "Environment variable holding our client secret.") var secretEnv = "FOOTPRINT_PARTNER_SECRET"
            @Option(name: .long, help: "File holding our client secret.") var secretFile: String?
            @Option(name: .long, help: "The supplier (register id) whose host this is.") var supplier: String?
            @OptionGroup var workspace: WorkspaceOption

            func run() throws {
                let ws = try workspace.open()
                var secret: String?
                if let secretFile {
                    secret = (try? String(contentsOfFile: secretFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
                } else {
                    secret = ProcessInfo.processInfo.environment[secretEnv]
                }
                guard let secret, !secret.isEmpty else {
                    throw failure("error: no client secret: set \(secretEnv) or give --secret-file")
                }
                let partner = try report { () throws(WorkspaceError) in
                    try ws.pact.setPACTPartner(
                        name: name,
                        baseURL: url,
                        authBaseURL: authUrl,
                        clientID: clientId,
                        clientSecret: secret,
                        supplierID: supplier
                    )
                }
                print("Partner '\(partner.name)' at \(partner.baseURL) saved (client id \(partner.clientID); secret kept, not shown)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List partners (never their secrets).")
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            func run() throws {
                let ws = try workspace.open()
                let partners = try report { () throws(WorkspaceError) in try ws.pact.pactPartners() }
                if json {
                    return printJSONArray(partners) { p in
                        .object([
                            ("name", .string(p.name)), ("baseUrl", .string(p.baseURL)),
                            ("authBaseUrl", p.authBaseURL.map { .string($0) } ?? .null),
                            ("clientId", .string(p.clientID)), ("supplier", p.supplierID.map { .string($0) } ?? .null),
                            ("updatedAt", .string(p.updatedAt)),
                        ])
                    }
                }
                guard !partners.isEmpty else { return print("No partners yet: 'footprint pact partners add NAME --url … --client-id …' adds one.") }
                printTable(
                    ["name", "base url", "client id", "supplier", "updated (UTC)"],
                    partners.map { [$0.name, $0.baseURL, $0.clientID, $0.supplierID ?? "", String($0.updatedAt.prefix(19))] }
                )
            }
        }
    }
}

extension Footprint.Pact.Clients {
    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Set the partner that receives the answers to a client's requests (our credentials at the client's host)."
        )
        @Argument(help: "The client's name.") var name: String
        @Option(name: .long, help: "The partner's name (see 'footprint pact partners').") var partner: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            try reportAny { try ws.pact.linkPACTClient(name: name, partner: partner) }
            print("Answers to requests from '\(name)' go to partner '\(partner)'")
        }
    }
}
