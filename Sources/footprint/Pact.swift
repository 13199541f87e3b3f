import ArgumentParser

extension Footprint {
    /// `footprint pact ...`: PACT product footprints.
    struct Pact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "PACT product footprints: links from suppliers' product ids to ledger products.",
            subcommands: [PactLink.self, PactUnlink.self, PactLinks.self])
    }
}
