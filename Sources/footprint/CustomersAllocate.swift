import ArgumentParser
import FootprintCore
import FootprintImport
import FootprintServer
import FootprintStore
import Foundation

extension Scope2Basis: ExpressibleByArgument {}
extension StatementLanguage: ExpressibleByArgument {}

/// The run an allocation reads and the Scope 2 figure it passes on.
struct AllocationOptions: ParsableArguments {
    @Option(name: .customLong("run"), help: "The calculation run to allocate (default: the period's run, else the latest).")
    var runID: Int64?
    @Option(
        name: .long,
        help: "A reporting period (2024 or FY2024): its published run when it is closed, else its latest run."
    )
    var period: String?
    @Option(name: .long, help: "The Scope 2 figure passed on: market (the default) or location.")
    var scope2: Scope2Basis = .market
    @Flag(
        name: .customLong("verify-lines"),
        help: "Evaluate every purchase line of the run again and check it against the run's result while reading it (slower)."
    )
    var verifyLines = false

    func allocate(_ ws: Workspace) throws -> CustomerAllocation {
        if runID != nil && period != nil { throw ValidationError("--run and --period name the run two ways; give one") }
        var id = runID
        ws.logger.phase("allocation: workspace opened")
        if let period {
            let p = try Footprint.Periods.period(period, ws)
            if let closing = try report({ () throws(WorkspaceError) in try ws.runs.closing(of: p) }) {
                id = closing.runID
            } else if let latest = try report({ () throws(WorkspaceError) in try ws.runs.latestRun(of: p) }) {
                id = latest.id
            } else {
                throw failure("\(p.name) has no calculation run yet: run 'footprint calculate --period \(p.name)' first")
            }
        }
        let wanted = id
        let basis = scope2
        let verifying = verifyLines
        return try report { () throws(WorkspaceError) in try ws.customers.allocate(runID: wanted, scope2Basis: basis, verifyingLines: verifying) }
    }
}

extension Footprint.Customers {
    /// `footprint customers allocate`: the period's emissions shared among the customers.
    struct Allocate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allocate",
            abstract: "Allocate a run's emissions to the customers: by pool and service, with what the company keeps.",
            discussion: """
                Purchases made for a customer (the ledger's customer column) pass through to it; each pool of \
                service_pools.csv is shared by the period's usage (service_usage.csv), with the platform's unsold \
                capacity kept by the company; revenue only when a service has no usage; a pool nobody used stays \
                with the company. The customers' shares and what the company keeps add up to the run's inventory \
                exactly (docs/customers.md).
                """
        )
        @OptionGroup var options: AllocationOptions
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false
        @Option(name: .long, help: "Customers listed in the text output (default: 20, largest first).") var limit = 20

        func run() throws {
            let ws = try workspace.open()
            let result = try options.allocate(ws)
            if json { return print(AllocationOutput.json(result).rendered()) }
            print(AllocationOutput.text(result, limit: limit), terminator: "")
        }
    }

    /// `footprint customers statement`: one customer's statement, or every customer's into a folder.
    struct Statement: ParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, csv, cdp, html

            var fileExtension: String {
                switch self {
                case .text: "txt"
                case .json: "json"
                case .csv: "csv"
                case .cdp: "cdp.csv"
                case .html: "html"
                }
            }
        }

        static let configuration = CommandConfiguration(
            commandName: "statement",
            abstract: "A customer's emissions statement for a period: by service and scope, with the CDP supply chain allocation rows.",
            discussion: """
                Formats: text, json (exact kg by component), csv (one row per service and component), cdp (CDP's \
                allocation table) and html (a printable page in the customer's language, nb or en). With --all, \
                every customer with a share is written to --out-dir, one file each (CUSTOMER.html, ...).
                """
        )
        @Argument(help: "The customer's id (customers.csv).") var customer: String?
        @Flag(name: .long, help: "Every customer with a share, into --out-dir.") var all = false
        @Option(name: .long, help: "text, json, csv, cdp or html (default: text).") var format: Format = .text
        @Option(name: .long, help: "The statement's language, nb or en (default: the customer's, customers.csv).")
        var language: StatementLanguage?
        @Option(name: .long, help: "Write to this file (whole or not at all) instead of standard output.") var out: String?
        @Option(name: .customLong("out-dir"), help: "With --all: the folder to write one statement per customer to.") var outDir: String?
        @Flag(name: .long, help: "State that a third party verified the period's inventory.") var verified = false
        @OptionGroup var options: AllocationOptions
        @OptionGroup var workspace: WorkspaceOption

        func validate() throws {
            if all && customer != nil { throw ValidationError("give a customer id or --all, not both") }
            if !all && customer == nil { throw ValidationError("give a customer id (see 'footprint customers list') or --all --out-dir DIR") }
            if all && outDir == nil { throw ValidationError("--all writes one file per customer: give --out-dir DIR") }
            if all && out != nil { throw ValidationError("--out names one file; with --all use --out-dir") }
        }

        func run() throws {
            let ws = try workspace.open()
            let result = try options.allocate(ws)
            var context = result.context(verified: verified)
            // The language chosen applies to the whole statement, rows' names included.
            if let language { context.customers = context.customers.mapValues { ($0.name, language) } }
            if let customer {
                guard result.data.customer(id: customer) != nil else {
                    throw failure("unknown customer '\(customer)': it is not in the customers.csv in force (see 'footprint customers list')")
                }
                let statement = result.allocation.statement(for: customer, context: context)
                if statement.rows.isEmpty {
                    printError(
                        "note: \(customer) has no share of run #\(result.run.id): no usage or revenue of \(result.period.name) in service_usage.csv and no purchase made for it"
                    )
                }
                let text = render(statement)
                guard let out else { return print(text, terminator: text.hasSuffix("\n") ? "" : "\n") }
                try write(text, to: out)
                return
            }
            guard let outDir else { return }
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
            // Statements rendered and written on two threads, then all of them flushed to disk at once and
            // renamed: they appear together, or none does.
            // Every customer with a share, and those whose only line is the electricity of our equipment at their sites.
            let withShare = result.allocation.customerIDs
            let energyOnly = context.leasedEnergy.keys.filter { !withShare.contains($0) }.sorted()
            let ids = (withShare + energyOnly).filter { result.data.customer(id: $0) != nil }
            let files = AtomicOutputFiles()
            let (allocation, format, shared) = (result.allocation, format, context)
            let threads = 2
            DispatchQueue.concurrentPerform(iterations: threads) { part in
                for k in stride(from: part, to: ids.count, by: threads) {
                    let statement = allocation.statement(for: ids[k], context: shared)
                    let name = ids[k].map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? String($0) : "_" }.joined()
                    let path = (outDir as NSString).appendingPathComponent("\(name).\(format.fileExtension)")
                    guard files.write(Array(Self.render(statement, format).utf8), to: path) else { return }
                }
            }
            ws.logger.phase("statements: \(ids.count) rendered and written")
            do throws(InputError) {
                try files.commit()
                ws.logger.phase("statements: flushed to disk and renamed")
            } catch {
                throw failure(error.report())
            }
            let written = ids.count
            print("Wrote \(written) statements of \(result.period.name) (run #\(result.run.id)) to \(outDir).")
            // Those with the electricity of our equipment alone got a statement of it; the others none.
            let unwritten = result.customersWithoutShare.filter { context.leasedEnergy[$0] == nil }
            if !unwritten.isEmpty {
                print("\(unwritten.count) customers have no share (no usage, revenue or purchase for them): none written.")
            }
        }

        func render(_ statement: CustomerStatement) -> String { Self.render(statement, format) }

        static func render(_ statement: CustomerStatement, _ format: Format) -> String {
            switch format {
            case .text: AllocationOutput.text(statement)
            case .json: statement.json.rendered() + "\n"
            case .csv: statement.csv
            case .cdp: statement.cdpCSV
            case .html: statement.html()
            }
        }

        func write(_ text: String, to path: String) throws {
            do {
                let file = try AtomicOutputFile(path: path)
                let bytes = Array(text.utf8)
                bytes.withUnsafeBytes { file.write($0) }
                try file.commit()
            } catch {
                throw failure(error.report())
            }
        }
    }
}

extension Footprint.Customers {
    /// `footprint customers publish`: the customers' service footprints over PACT.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish each customer's service footprints of a period over PACT, to that customer's API client only.",
            discussion: """
                Per customer and service with usage: the customer's share of the service's pools per PACT declared \
                unit (services.csv pact_unit), validated as PACT v3, shared with the API client named by the \
                customer's id ('footprint pact clients add CUST-001'), superseding the customer's previous footprint \
                of the service through precedingPfIds. Publishing the same figures again changes nothing. \
                company.json must give pact_company_ids (docs/customers.md).
                """
        )
        @OptionGroup var options: AllocationOptions
        @OptionGroup var workspace: WorkspaceOption
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let ws = try workspace.open()
            let result = try options.allocate(ws)
            let view = try report { () throws(WorkspaceError) in try ws.customers.serviceLifeView(result) }
            let outcome = try reportAny { try ServiceFootprintPublisher.publish(result, serviceLife: view, store: ws.pact) }
            if json {
                let doc = JSONValue.object([
                    ("run", .integer(Int(result.run.id))),
                    ("period", .string(result.period.name)),
                    ("published", .integer(outcome.published)),
                    ("unchanged", .integer(outcome.unchanged)),
                    ("superseded", .integer(outcome.superseded)),
                    ("customers_without_client", .array(outcome.customersWithoutClient.map { .string($0) })),
                    (
                        "without_usage",
                        .array(outcome.withoutUsage.map { .object([("customer", .string($0.customer)), ("service", .string($0.service))]) })
                    ),
                    ("service_life", view.map { AllocationOutput.serviceLifeJSON($0, result) } ?? .null),
                ])
                return print(doc.rendered())
            }
            if let view { print(AllocationOutput.serviceLifeText(view, result)) }
            print(
                "Published \(outcome.published) service footprints of \(result.period.name) (run #\(result.run.id)); \(outcome.unchanged) unchanged, \(outcome.superseded) earlier ones superseded."
            )
            if !outcome.customersWithoutClient.isEmpty {
                let names = outcome.customersWithoutClient
                print(
                    "\(names.count) customers have no API client named by their id, so nothing was published for them: \(names.prefix(5).joined(separator: ", "))\(names.count > 5 ? ", ..." : "") ('footprint pact clients add CUSTOMER-ID' adds one)."
                )
            }
            if !outcome.withoutUsage.isEmpty {
                print(
                    "\(outcome.withoutUsage.count) customer services have a share but no usage in the service's unit (revenue only): no footprint per unit."
                )
            }
        }
    }
}
