import ArgumentParser
import FootprintCore
import FootprintServer
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint pact`: our footprints, API clients, partners, pulling and requesting (docs/pact.md).
    struct Pact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pact",
            abstract: "PACT exchange: publish our footprints, manage API clients and partners, pull and request footprints (docs/pact.md).",
            subcommands: [
                Publish.self, List.self, Show.self, Deprecate.self, Clients.self, Partners.self, Pull.self, Request.self, Events.self,
                PactLink.self, PactUnlink.self, PactLinks.self,
            ]
        )
    }
}

/// Runs `body`, printing any error to stderr and exiting with status 1.
func reportAny<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as ExitCode { throw error } catch {
        throw failure("error: \(error)")
    }
}

extension Footprint.Pact {
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish footprints we author (a v3 footprint, a list, or {\"data\": …}), validated, all or none.",
            discussion: "Footprints named in a new one's precedingPfIds are deprecated in the same step."
        )
        @Argument(help: "The JSON file.") var file: String
        @Option(name: .long, help: "Share with this API client only (repeatable; default: every client).") var shareWith: [String] = []
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            guard let data = FileManager.default.contents(atPath: file) else {
                throw failure("error: cannot read '\(file)': no such file or not readable")
            }
            let outcome = try reportAny {
                try OwnFootprintPublisher.publish(data, file: (file as NSString).lastPathComponent, sharedWith: shareWith, store: ws.pact)
            }
            for warning in outcome.warnings { printError("warning: \(warning)") }
            let audience = shareWith.isEmpty ? "every client" : shareWith.joined(separator: ", ")
            print("Published \(outcome.published.count) footprint\(outcome.published.count == 1 ? "" : "s"), shared with \(audience)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List our published footprints.")
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let rows = try report { () throws(WorkspaceError) in try ws.pact.ownFootprints() }
            if json {
                return printJSONArray(rows) { r in
                    .object([
                        ("id", .string(r.id)), ("status", .string(r.status)), ("sharedWith", .array(r.sharedWith.map { .string($0) })),
                        ("storedAt", .string(r.storedAt)), ("deprecatedAt", r.deprecatedAt.map { .string($0) } ?? .null),
                        ("supersededBy", r.supersededBy.map { .string($0) } ?? .null),
                    ])
                }
            }
            guard !rows.isEmpty else { return print("No footprints published yet: 'footprint pact publish FILE' adds them.") }
            let table = rows.map { r -> [String] in
                let json = (try? JSONValue.parse(r.json)) ?? .null
                return [
                    r.id, r.status, json["productNameCompany"]?.stringValue ?? "", json["pcf"]?["pcfExcludingBiogenicUptake"]?.stringValue ?? "",
                    json["pcf"]?["declaredUnitOfMeasurement"]?.stringValue ?? "", r.sharedWith.joined(separator: ","),
                ]
            }
            printTable(["id", "status", "product", "kgCO2e", "per", "shared with"], table)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one of our footprints as served.")
        @Argument(help: "The footprint id.") var id: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            guard let row = try report({ () throws(WorkspaceError) in try ws.pact.ownFootprint(id: id) }) else {
                throw failure("error: there is no footprint \(id) of ours; 'footprint pact list' shows them")
            }
            print(((try? JSONValue.parse(row.json)) ?? .null).rendered())
        }
    }

    struct Deprecate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deprecate",
            abstract: "Mark one of our footprints Deprecated (it stays readable)."
        )
        @Argument(help: "The footprint id.") var id: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            let row = try reportAny { try OwnFootprintPublisher.deprecate(id: id, store: ws.pact) }
            print("Footprint \(row.id) is now Deprecated")
        }
    }
}
