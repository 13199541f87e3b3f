import ArgumentParser
import FootprintStore

extension Footprint {
    /// `footprint pact link SUPPLIER URN PRODUCT`.
    struct PactLink: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Apply the supplier's PACT footprints with product id URN to ledger lines with product PRODUCT.",
            discussion:
                "Besides this, a footprint applies to ledger products equal to one of its productIds or to its last ':'-segment, case-insensitively (docs/pact.md)."
        )

        @Argument(help: "The supplier id, as in the ledger.") var supplier: String
        @Argument(help: "A productIds URN of the supplier's footprints.") var urn: String
        @Argument(help: "The ledger's product value.") var product: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            // Returns a value: a Void typed-throws closure crashes the 6.3 compiler (LifetimeDependenceDiagnostics).
            _ = try report { () throws(WorkspaceError) -> Bool in
                try ws.pact.linkPACTProduct(supplier: supplier, urn: urn, product: product)
                return true
            }
            print("Linked \(supplier) \(urn) -> product \(product)")
        }
    }

    /// `footprint pact unlink SUPPLIER URN PRODUCT`.
    struct PactUnlink: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unlink", abstract: "Remove a link made with 'pact link'.")

        @Argument(help: "The supplier id.") var supplier: String
        @Argument(help: "The product id URN.") var urn: String
        @Argument(help: "The ledger's product value.") var product: String
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            let removed = try report { () throws(WorkspaceError) -> Bool in
                try ws.pact.unlinkPACTProduct(supplier: supplier, urn: urn, product: product)
            }
            print(removed ? "Unlinked \(supplier) \(urn) -> product \(product)" : "No such link; nothing changed")
        }
    }

    /// `footprint pact links [--supplier ID]`.
    struct PactLinks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "links", abstract: "List the links made with 'pact link'.")

        @Option(name: .long, help: "Only this supplier's links.") var supplier: String?
        @OptionGroup var workspace: WorkspaceOption

        func run() throws {
            let ws = try workspace.open()
            let links = try report { () throws(WorkspaceError) -> [PACTProductLink] in try ws.pact.productLinks(supplier: supplier) }
            print("supplier,product_urn,product,created_at")
            for l in links { print("\(l.supplier),\(l.urn(l.productURN)),\(l.product),\(l.createdAt)") }
        }
    }
}

extension PACTProductLink {
    fileprivate func urn(_ text: String) -> String { text.contains(",") ? "\"\(text)\"" : text }
}
