import ArgumentParser

/// The `footprint` command: Scope 3 supply-chain carbon accounting.
@main
struct Footprint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footprint",
        abstract: "Scope 3 supply-chain carbon accounting: compute an inventory line by line with the best method each line's data allows.",
        version: "0.1.0",
        subcommands: [
            Init.self, Settings.self, Import.self, Imports.self, Factors.self, Calculate.self, Runs.self, Report.self, Periods.self, Suppliers.self,
            Customers.self, Services.self, Engagement.self, Pact.self, Users.self,
            Serve.self,
        ]
    )

    /// Sets up logging (`CommandLogging`), then parses and runs the command as ArgumentParser does.
    static func main() async {
        CommandLogging.bootstrap()
        await main(nil)
    }
}
