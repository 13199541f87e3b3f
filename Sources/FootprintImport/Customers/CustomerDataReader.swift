public import FootprintCore
import Foundation

/// Reads the customer files (docs/customers.md): customers.csv, services.csv, service_pools.csv and
/// service_usage.csv. Each is optional; a file that names another's ids needs that file (pools need
/// services, usage needs customers and services). Every problem in every file is reported; nothing is
/// returned if there is one.
public enum CustomerDataReader {
    public static let customersFile = "customers.csv"
    public static let servicesFile = "services.csv"
    public static let poolsFile = "service_pools.csv"
    public static let usageFile = "service_usage.csv"

    /// The customer files of a data folder (absent files: none). sites.csv, when present, names the
    /// sites service_pools.csv's `site` may select.
    public static func read(directory: String) throws(InputError) -> CustomerData {
        var diagnostics: [Diagnostic] = []
        let table = CSVTable.folder(directory)
        var thrown: [Diagnostic] = []
        var tables: [String: CSVTable] = [:]
        for name in [customersFile, servicesFile, poolsFile, usageFile, "sites.csv"] {
            do { if let t = try table(name, &diagnostics) { tables[name] = t } } catch { thrown += error.diagnostics }
        }
        diagnostics += thrown
        let sites = tables["sites.csv"].map { siteIDs($0) }
        do throws(InputError) {
            let data = try read(
                customers: tables[customersFile],
                services: tables[servicesFile],
                pools: tables[poolsFile],
                usage: tables[usageFile],
                sites: sites,
                inWorkspace: false
            )
            guard diagnostics.isEmpty else { throw InputError(diagnostics) }
            return data
        } catch {
            throw InputError(diagnostics + error.diagnostics)
        }
    }

    /// The ids of a sites.csv table (its `site` column), for the pools' `site` check.
    public static func siteIDs(_ table: CSVTable) -> (file: String, ids: Set<String>) {
        guard let column = table.columnIndex("site") else { return (table.file, []) }
        return (table.file, Set(table.rows.map { $0.fields[column].trimmingWhitespace() }.filter { !$0.isEmpty }))
    }

    /// Reads the tables given (nil: the file is absent or not in force) and checks them together.
    /// `sites`: the ids of the sites in force, with their file, or nil when there are none to check against.
    /// `inWorkspace` words the message for a file that needs another one: import it first, or add it to the folder.
    /// `checkedUsage`: usage rows read and checked against the customers and services in force when
    /// they were imported (a workspace's snapshot, with their file's name), used instead of a usage
    /// table; they still need a customers and a services file in force.
    public static func read(
        customers customersTable: CSVTable?,
        services servicesTable: CSVTable?,
        pools poolsTable: CSVTable?,
        usage usageTable: CSVTable?,
        checkedUsage: (file: String, rows: [ServiceUsage])? = nil,
        sites: (file: String, ids: Set<String>)? = nil,
        inWorkspace: Bool
    ) throws(InputError) -> CustomerData {
        var diagnostics: [Diagnostic] = []
        var thrown: [Diagnostic] = []
        var customerList: [Customer] = []
        var serviceList: [Service] = []
        var poolList: [ServicePool] = []
        var usageList: [ServiceUsage] = []
        // The known ids of a file read without errors, nil when it could not be read (its own errors are
        // reported; rows naming its ids are not checked against a partial list).
        var knownCustomers: Known?
        var knownServices: Known?
        if let t = customersTable {
            var own: [Diagnostic] = []
            do {
                customerList = try customers(t, &own)
                if own.isEmpty { knownCustomers = Known(file: t.file, ids: Set(customerList.map(\.id))) }
            } catch { thrown += error.diagnostics }
            diagnostics += own
        }
        if let t = servicesTable {
            var own: [Diagnostic] = []
            do {
                serviceList = try services(t, &own)
                if own.isEmpty {
                    knownServices = Known(
                        file: t.file,
                        ids: Set(serviceList.map(\.id)),
                        units: Dictionary(serviceList.map { ($0.id, $0.unit) }) { a, _ in a }
                    )
                }
            } catch { thrown += error.diagnostics }
            diagnostics += own
        }
        /// A file whose ids another file names is absent (or not in force).
        func missing(_ file: String, _ absent: [(file: String, kind: String)]) -> Diagnostic {
            let files = absent.map(\.file).joined(separator: " / ")
            let what = absent.map { $0.kind }.joined(separator: " and ")
            let message =
                inWorkspace
                ? "\(file) names \(what), but no \(files) is in force; import \(files) first (\(absent.map { "footprint import \($0.kind) FILE" }.joined(separator: ", then ")))"
                : "\(file) names \(what), but the data folder has no \(files); add \(absent.count == 1 ? "it" : "them") beside \(file)"
            return Diagnostic(file: file, line: 1, message: message)
        }
        if let t = poolsTable {
            if servicesTable == nil {
                diagnostics.append(missing(t.file, [(servicesFile, "services")]))
            } else {
                do { poolList = try pools(t, services: knownServices, sites: sites, &diagnostics) } catch { thrown += error.diagnostics }
            }
        }
        // Usage names customers and services: both files must be there.
        let absent = [(customersFile, "customers", customersTable), (servicesFile, "services", servicesTable)].filter { $0.2 == nil }
        if let file = checkedUsage?.file ?? usageTable?.file, !absent.isEmpty {
            diagnostics.append(missing(file, absent.map { (file: $0.0, kind: $0.1) }))
        } else if let checked = checkedUsage {
            usageList = checked.rows
        } else if let t = usageTable {
            do { usageList = try usage(t, customers: knownCustomers, services: knownServices, &diagnostics) } catch { thrown += error.diagnostics }
        }
        diagnostics += thrown
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return CustomerData(customers: customerList, services: serviceList, pools: poolList, usage: usageList)
    }

    /// The ids of a file read without errors.
    public struct Known: Sendable {
        public var file: String
        public var ids: Set<String>
        /// services.csv: each service's unit.
        public var units: [String: String] = [:]

        public init(file: String, ids: Set<String>, units: [String: String] = [:]) {
            self.file = file
            self.ids = ids
            self.units = units
        }
    }

    // MARK: customers.csv

    /// customers.csv: `customer` and `name` required; `country` (ISO 3166 alpha-2), `language` (`nb` or
    /// `en`, default `en`), `pact_company_ids` (URNs separated by spaces or `;`), `org_number` optional.
    /// A customer id given twice is an error naming both lines.
    public static func customers(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [Customer] {
        var result: [Customer] = []
        var seen: [String: Int] = [:]
        try ReferenceDataReader.rows(
            table,
            required: ["customer", "name"],
            optional: ["country", "language", "pact_company_ids", "org_number"],
            &diagnostics
        ) { r in
            let id = r.required("customer")
            let name = r.required("name")
            let country = r.field("country", isNot: "a country code; expected ISO 3166 alpha-2 in capitals, such as NO") {
                $0.isTwoCapitals ? $0 : nil
            }
            let language =
                r.field("language", isNot: "a statement language; expected nb (Norwegian Bokmål) or en (English), or empty for en") {
                    StatementLanguage(rawValue: $0.lowercased())
                } ?? .en
            var ids: [String] = []
            for part in (r.optional("pact_company_ids") ?? "").split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "\t" }) {
                let text = String(part)
                if text.lowercased().hasPrefix("urn:") && text.count > 4 {
                    ids.append(text)
                } else {
                    r.fail(
                        "pact_company_ids",
                        "'\(text)' is not a URN; expected PACT company ids such as urn:pathfinder:company:customcode:buyer-assigned:acme, separated by spaces"
                    )
                }
            }
            if let id {
                if let first = seen[id] { return r.fail("customer", "duplicate customer '\(id)'; it is already on line \(first)") }
                seen[id] = r.row.line
            }
            guard let id, let name else { return }
            result.append(
                Customer(
                    id: id,
                    name: name,
                    country: country,
                    language: language,
                    pactCompanyIDs: ids,
                    orgNumber: r.optional("org_number"),
                    location: SourceLocation(file: table.file, line: r.row.line)
                )
            )
        }
        return result
    }

    // MARK: services.csv

    /// services.csv: `service`, `name`, `unit` and `pact_unit` (a PACT v3 declared unit) required;
    /// `units_per_pact_unit` (a positive decimal or a fraction such as `1/2592000`, default 1) and
    /// `description` optional. A service id given twice is an error naming both lines.
    public static func services(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [Service] {
        var result: [Service] = []
        var seen: [String: Int] = [:]
        try ReferenceDataReader.rows(
            table,
            required: ["service", "name", "unit", "pact_unit"],
            optional: ["units_per_pact_unit", "description"],
            &diagnostics
        ) { r in
            let id = r.required("service")
            let name = r.required("name")
            let unit = r.required("unit")
            let pactUnit = r.field(
                "pact_unit",
                required: true,
                isNot: "a PACT v3 declared unit; expected one of \(Service.pactDeclaredUnits.map { "'\($0)'" }.joined(separator: ", "))"
            ) { text in Service.pactDeclaredUnits.first { $0.caseInsensitiveCompare(text) == .orderedSame } }
            var ratioValid = true
            let given = r.field(
                "units_per_pact_unit",
                valid: &ratioValid,
                isNot: "a positive number; expected how many of the service's unit make one PACT declared unit, such as 1, 0.001 or 1/2592000"
            ) { text in positiveRatio(text).map { ($0, text) } }
            let ratio: (Double, String)? = ratioValid ? given ?? (1, "1") : nil
            if let id {
                if let first = seen[id] { return r.fail("service", "duplicate service '\(id)'; it is already on line \(first)") }
                seen[id] = r.row.line
            }
            guard let id, let name, let unit, let pactUnit, let ratio else { return }
            result.append(
                Service(
                    id: id,
                    name: name,
                    unit: unit,
                    pactUnit: pactUnit,
                    unitsPerPACTUnit: ratio.0,
                    unitsPerPACTUnitText: ratio.1,
                    description: r.optional("description"),
                    location: SourceLocation(file: table.file, line: r.row.line)
                )
            )
        }
        return result
    }

    /// The text's decimal value with the text, when `accept` takes the value.
    static func valued(_ text: String, _ accept: (Double) -> Bool) -> (Double, String)? {
        FieldParser.decimal(text).flatMap { accept($0.value) ? ($0.value, text) : nil }
    }

    /// A positive decimal, or `N/D` of two positive decimals (a ratio that no decimal writes exactly).
    static func positiveRatio(_ text: String) -> Double? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        var value = 1.0
        for (k, part) in parts.enumerated() {
            guard let d = FieldParser.decimal(part.trimmingWhitespace()), d.value > 0, d.value.isFinite else { return nil }
            value = k == 0 ? d.value : value / d.value
        }
        return value > 0 && value.isFinite ? value : nil
    }

    // MARK: service_pools.csv

    /// service_pools.csv: `pool` and `service` (a service of services.csv) required; `key` (`usage`, the
    /// default, or `revenue`), `capacity` (per month, in the service's unit) and the selectors `scope`,
    /// `scope3_category`, `supplier`, `category`, `site` optional. The rows of one pool are alternatives;
    /// they name one service, key and capacity. A row without a selector, or with the selector of
    /// another row, is an error.
    public static func pools(
        _ table: CSVTable,
        services: Known?,
        sites: (file: String, ids: Set<String>)?,
        _ diagnostics: inout [Diagnostic]
    ) throws(InputError) -> [ServicePool] {
        var result: [ServicePool] = []
        var index: [String: Int] = [:]
        var firstLine: [String: Int] = [:]
        var selectorRows: [PoolSelector: (pool: String, line: Int)] = [:]
        try ReferenceDataReader.rows(
            table,
            required: ["pool", "service"],
            optional: ["key", "capacity", "scope", "scope3_category", "supplier", "category", "site", "service_life_years"],
            &diagnostics
        ) { r in
            let id = r.required("pool")
            let service = r.known("service", in: services?.ids, expected: "a service of \(services?.file ?? "")")
            var keyValid = true
            let key =
                r.field("key", valid: &keyValid, isNot: "an allocation key; expected usage (the default) or revenue") {
                    AllocationKey(rawValue: $0.lowercased())
                } ?? .usage
            var capacityValid = true
            let capacity = r.field(
                "capacity",
                valid: &capacityValid,
                isNot: "a positive number; expected the platform's capacity per month in the service's unit, such as 120000"
            ) { valued($0) { $0 > 0 } }
            // Any selector column that fails leaves the row out before the pool's checks.
            var selectorValid = true
            let scope = r.field("scope", valid: &selectorValid, isNot: "a scope; expected 1, 2 or 3") {
                Int($0).flatMap { (1...3).contains($0) ? $0 : nil }
            }
            let category3 = r.field("scope3_category", valid: &selectorValid, isNot: "a Scope 3 category; expected 1 to 15") {
                Scope3Category(parsing: $0)
            }
            if let c = category3, let scope, scope != 3 {
                selectorValid = false
                r.fail(
                    "scope3_category",
                    "Scope 3 category \(c.rawValue) with scope \(scope); expected scope 3 or an empty scope with a Scope 3 category"
                )
            }
            let site = r.known("site", required: false, valid: &selectorValid, in: sites?.ids, expected: "a site of \(sites?.file ?? "")")
            let life = r.field(
                "service_life_years",
                valid: &selectorValid,
                isNot:
                    "a service life; expected a whole number of years from 1 to 50 (the hardware's life over which service footprints spread its purchase), or an empty field"
            ) { Int($0).flatMap { (1...50).contains($0) ? $0 : nil } }
            let location = SourceLocation(file: table.file, line: r.row.line)
            let selector = PoolSelector(
                scope: scope,
                scope3Category: category3?.rawValue,
                supplier: r.optional("supplier"),
                category: r.optional("category"),
                site: site,
                serviceLifeYears: life,
                location: location
            )
            guard selectorValid else { return }
            if selector.isEmpty {
                return r.fail(
                    "pool",
                    "pool '\(id ?? "")' has no selector, so it would take every line; expected at least one of scope, scope3_category, supplier, category, site"
                )
            }
            guard let id, let service, keyValid, capacityValid else { return }
            if let (other, line) = selectorRows[selector.key] {
                if other == id {
                    return r.fail("pool", "pool '\(id)' selects \(selector.text) twice: already on line \(line); expected each selector once")
                }
                return r.fail(
                    "pool",
                    "pool mapped twice: \(selector.text) is selected by pool '\(id)' on this line and by pool '\(other)' on line \(line); expected each selector in one pool"
                )
            }
            selectorRows[selector.key] = (id, r.row.line)
            if let k = index[id] {
                let pool = result[k]
                let first = firstLine[id] ?? 0
                if pool.service != service {
                    return r.fail(
                        "service",
                        "pool '\(id)' feeds service '\(pool.service)' on line \(first); expected the rows of one pool to name one service"
                    )
                }
                if pool.key != key {
                    return r.fail(
                        "key",
                        "pool '\(id)' has key '\(pool.key.rawValue)' on line \(first); expected the rows of one pool to give one key"
                    )
                }
                if pool.capacityPerMonth != capacity?.0 {
                    let was = pool.capacityPerMonthText.map { "capacity \($0)" } ?? "no capacity"
                    return r.fail("capacity", "pool '\(id)' has \(was) on line \(first); expected the rows of one pool to give one capacity")
                }
                result[k].selectors.append(selector)
            } else {
                index[id] = result.count
                firstLine[id] = r.row.line
                result.append(
                    ServicePool(
                        id: id,
                        service: service,
                        key: key,
                        capacityPerMonth: capacity?.0,
                        capacityPerMonthText: capacity?.1,
                        selectors: [selector]
                    )
                )
            }
        }
        return result
    }

    // MARK: service_usage.csv

    /// service_usage.csv: `customer` (customers.csv), `service` (services.csv), `month` (YYYY-MM),
    /// `quantity` (at least 0, in the service's unit) and `unit` (the service's) required; `revenue`
    /// (at least 0) with its `currency` optional. One row per customer, service and month.
    public static func usage(
        _ table: CSVTable,
        customers: Known?,
        services: Known?,
        _ diagnostics: inout [Diagnostic]
    ) throws(InputError) -> [ServiceUsage] {
        /// One row per customer, service and month: a key without building a string per row.
        struct Key: Hashable {
            var customer: String
            var service: String
            var year: Int
            var month: Int
        }
        var result: [ServiceUsage] = []
        var seen: [Key: Int] = [:]
        result.reserveCapacity(table.rows.count)
        seen.reserveCapacity(table.rows.count)
        let location = SourceLocation(file: table.file, line: 0)
        try ReferenceDataReader.rows(
            table,
            required: ["customer", "service", "month", "quantity", "unit"],
            optional: ["revenue", "currency"],
            &diagnostics
        ) { r in
            let customer = r.known("customer", in: customers?.ids, expected: "a customer of \(customers?.file ?? "")")
            let service = r.known("service", in: services?.ids, expected: "a service of \(services?.file ?? "")")
            let month = r.field("month", required: true, isNot: "a month; expected YYYY-MM, such as 2024-03", yearMonth)
            let quantity = r.field(
                "quantity",
                required: true,
                isNot: "a quantity; expected a number of at least 0 in the service's unit, such as 1250.5"
            ) { valued($0) { $0 >= 0 } }
            var unitValid = true
            if let unit = r.required("unit") {
                if let service, let expected = services?.units[service], unit != expected {
                    unitValid = false
                    r.fail(
                        "unit",
                        "'\(unit)' is not the unit of service '\(service)', which \(services?.file ?? servicesFile) bills in '\(expected)'; expected the quantity in \(expected)"
                    )
                }
            } else {
                unitValid = false
            }
            var revenueValid = true
            let revenue = r.field("revenue", valid: &revenueValid, isNot: "a revenue; expected a number of at least 0, such as 12500.00") {
                valued($0) { $0 >= 0 }
            }
            let currency = r.field(
                "currency",
                valid: &revenueValid,
                isNot: "a currency code; expected three upper-case letters (ISO 4217), such as NOK"
            ) { CurrencyCode($0)?.description }
            if r.optional("currency") == nil, revenue != nil {
                revenueValid = false
                r.fail("currency", "the field is empty, but the row has a revenue; expected the revenue's currency (ISO 4217), such as NOK")
            }
            guard let customer, let service, let month, let quantity, unitValid, revenueValid else { return }
            let key = Key(customer: customer, service: service, year: month.0, month: month.1)
            if let first = seen.updateValue(r.row.line, forKey: key) {
                seen[key] = first
                let monthText = "\(month.0)-\(month.1 < 10 ? "0" : "")\(month.1)"
                return r.fail(
                    "month",
                    "duplicate usage of service '\(service)' by customer '\(customer)' in \(monthText); it is already on line \(first) (one row per customer, service and month)"
                )
            }
            var at = location
            at.line = r.row.line
            result.append(
                ServiceUsage(
                    customer: customer,
                    service: service,
                    year: month.0,
                    month: month.1,
                    quantity: quantity.0,
                    quantityText: quantity.1,
                    revenue: revenue?.0,
                    revenueText: revenue?.1,
                    currency: currency,
                    location: at
                )
            )
        }
        return result
    }

    /// `2024-03` as (2024, 3).
    static func yearMonth(_ text: String) -> (Int, Int)? {
        let u = Array(text.utf8)
        guard u.count == 7, u[4] == UInt8(ascii: "-") else { return nil }
        guard u[0..<4].allSatisfy({ (48...57).contains($0) }), u[5...].allSatisfy({ (48...57).contains($0) }) else { return nil }
        guard let year = Int(String(decoding: u[0..<4], as: UTF8.self)), let month = Int(String(decoding: u[5...], as: UTF8.self)),
            (1...12).contains(month), year >= 1000
        else { return nil }
        return (year, month)
    }
}
