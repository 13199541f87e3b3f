import ArgumentParser
import FootprintCore
import FootprintImport
import FootprintServer
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint factors install|list`.
    struct Factors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "factors",
            abstract: "Install and list factor libraries.",
            subcommands: [Install.self, List.self],
            defaultSubcommand: List.self
        )

        struct Install: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "install",
                abstract: "Install a published factor library: \(FactorLibraryCatalog.entries.map(\.id).joined(separator: ", ")).",
                discussion: """
                    Downloads the official file from its published address and checks its SHA-256, or installs a local copy \
                    with --file (same check; --allow-unverified accepts a file whose hash differs, such as a newer edition). \
                    Installed libraries come after the user's own factor files and before the built-in default.
                    """
            )
            @Argument(help: "The library's id.") var library: String
            @Option(name: .long, help: "A local copy of the official file.") var file: String?
            @Flag(name: .customLong("allow-unverified"), help: "Accept a file whose SHA-256 differs from the published one.")
            var allowUnverified = false
            @OptionGroup var workspace: WorkspaceOption

            func run() async throws {
                let ws = try workspace.open()
                let installer = FactorLibraryInstaller(allowUnverified: allowUnverified, downloader: HTTPFileDownloader())
                let installed: InstalledFactorLibrary
                do {
                    if let file { installed = try installer.install(library, file: file) } else { installed = try await installer.install(library) }
                } catch {
                    throw failure("error: \(error)")
                }
                let name = file.map { ($0 as NSString).lastPathComponent } ?? FactorLibraryCatalog.entry(id: library)?.fileName ?? library
                let size = file.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int } ?? 0
                let outcome = try report { () throws(WorkspaceError) in
                    try ws.imports.installLibrary(installed.content, fileName: name, digest: installed.sha256, byteCount: size, replacing: nil)
                }
                let info = installed.content.info
                if outcome.alreadyImported {
                    print("\(info.id)@\(info.version) is already installed as import #\(outcome.record.id); nothing changed")
                } else {
                    print(
                        "Installed \(info.id)@\(info.version): \(installed.content.factors.count) factors, sha256 \(installed.sha256.prefix(12))"
                            + (installed.verified ? " (verified)" : " (NOT verified against the published hash)")
                    )
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List factor libraries in the order they are consulted.")
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            func run() throws {
                let ws = try workspace.open()
                let libraries = try report { () throws(WorkspaceError) in try ws.imports.libraries() }
                if json { return try printJSON(libraries) }
                let tiers = ["user file", "published", "built in"]
                let rows = libraries.map { l in
                    [
                        l.label, tiers[min(l.tier, 2)], String(l.factorCount), l.active ? "active" : "inactive",
                        l.sha256.map { String($0.prefix(12)) } ?? "-", l.title,
                    ]
                }
                printTable(["library", "kind", "factors", "status", "sha256", "title"], rows)
            }
        }
    }
}
