import ArgumentParser
import FootprintCore
import FootprintStore
import Foundation

extension Footprint {
    /// `footprint customers list`: the customers in force (customers.csv, docs/customers.md).
    struct Customers: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "customers",
            abstract: "The customers: list them, allocate a period's emissions to them, write their statements.",
            subcommands: [List.self, Allocate.self, Statement.self, Publish.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the customers: id, name, country, statement language, PACT company ids, usage rows."
            )
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            struct Entry: Encodable {
                var customer: String
                var name: String
                var country: String?
                var language: String
                var pactCompanyIds: [String]
                var orgNumber: String?
                var services: [String]
                var usageRows: Int
            }

            func run() throws {
                let ws = try workspace.open()
                let data = try report { () throws(WorkspaceError) in try ws.customers.customerData() }
                var services: [String: Set<String>] = [:]
                var rows: [String: Int] = [:]
                for u in data.usage {
                    services[u.customer, default: []].insert(u.service)
                    rows[u.customer, default: 0] += 1
                }
                let entries = data.customers.map { c in
                    Entry(
                        customer: c.id,
                        name: c.name,
                        country: c.country,
                        language: c.language.rawValue,
                        pactCompanyIds: c.pactCompanyIDs,
                        orgNumber: c.orgNumber,
                        services: (services[c.id] ?? []).sorted(),
                        usageRows: rows[c.id] ?? 0
                    )
                }
                if json { return try printJSON(entries) }
                guard !entries.isEmpty else { return print("No customers in force: 'footprint import customers FILE' adds them.") }
                let table = entries.map { e in
                    [
                        e.customer, e.name, e.country ?? "", e.language, e.orgNumber ?? "", e.pactCompanyIds.joined(separator: " "),
                        e.services.joined(separator: " "), String(e.usageRows),
                    ]
                }
                printTable(["customer", "name", "country", "language", "org number", "PACT company ids", "services", "usage rows"], table)
            }
        }
    }

    /// `footprint services list`: the services in force with their pools and usage (docs/customers.md).
    struct Services: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "services",
            abstract: "List the services in force, their pools and their usage (import them with 'footprint import services FILE').",
            subcommands: [List.self],
            defaultSubcommand: List.self
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "list",
                abstract: "List the services: unit, PACT declared unit, pools, customers, and the usage of each month."
            )
            @OptionGroup var workspace: WorkspaceOption
            @Flag(name: .long, help: "Print JSON.") var json = false

            struct Pool: Encodable {
                var pool: String
                var key: String
                var capacityPerMonth: String?
                var selectors: [String]
            }

            struct Month: Encodable {
                var month: String
                var quantity: Double
                var customers: Int
            }

            struct Entry: Encodable {
                var service: String
                var name: String
                var unit: String
                var pactUnit: String
                var unitsPerPactUnit: String
                var description: String?
                var pools: [Pool]
                var customers: Int
                var totalQuantity: Double
                var months: [Month]
            }

            func run() throws {
                let ws = try workspace.open()
                let data = try report { () throws(WorkspaceError) in try ws.customers.customerData() }
                let entries = data.services.map { s in
                    let usage = data.usage(service: s.id)
                    var byMonth: [String: (Double, Set<String>)] = [:]
                    for u in usage {
                        byMonth[u.monthText, default: (0, [])].0 += u.quantity
                        byMonth[u.monthText, default: (0, [])].1.insert(u.customer)
                    }
                    return Entry(
                        service: s.id,
                        name: s.name,
                        unit: s.unit,
                        pactUnit: s.pactUnit,
                        unitsPerPactUnit: s.unitsPerPACTUnitText,
                        description: s.description,
                        pools: data.pools(service: s.id).map { p in
                            Pool(pool: p.id, key: p.key.rawValue, capacityPerMonth: p.capacityPerMonthText, selectors: p.selectors.map(\.text))
                        },
                        customers: Set(usage.map(\.customer)).count,
                        totalQuantity: Self.rounded(usage.reduce(0) { $0 + $1.quantity }),
                        months: byMonth.keys.sorted().map {
                            Month(month: $0, quantity: Self.rounded(byMonth[$0]!.0), customers: byMonth[$0]!.1.count)
                        }
                    )
                }
                if json { return try printJSON(entries) }
                guard !entries.isEmpty else { return print("No services in force: 'footprint import services FILE' adds them.") }
                let table = entries.map { e in
                    [
                        e.service, e.name, e.unit, e.pactUnit, e.unitsPerPactUnit,
                        e.pools.map { $0.pool + ($0.capacityPerMonth.map { " (capacity \($0)/month)" } ?? "") }.joined(separator: ", "),
                        String(e.customers), String(e.months.count), Self.quantity(e.totalQuantity),
                    ]
                }
                printTable(["service", "name", "unit", "PACT unit", "units per PACT unit", "pools", "customers", "months", "total quantity"], table)
            }

            /// A sum of quantities without the binary noise of its additions (quantities have at most 9 decimals here).
            static func rounded(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }

            /// A quantity with at most three decimals.
            static func quantity(_ value: Double) -> String {
                var text = String(format: "%.3f", value)
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
                return text
            }
        }
    }
}
