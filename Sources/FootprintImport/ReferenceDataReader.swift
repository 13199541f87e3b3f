public import FootprintCore
import Foundation

/// Reads the canonical reference files of a data folder (FORMATS.md) into `ReferenceData`.
///
/// `factors.csv` is required; `suppliers.csv`, `rates.csv`, `price_index.csv`,
/// `supplier_emissions.csv`, `supplier_allocations.csv`, `product_footprints.csv`, `manufacturers.csv` and `categories.csv` are optional (absent means
/// none), and so are the customer files (`CustomerDataReader`). Every problem in every file is reported; nothing is returned if there is one.
public enum ReferenceDataReader {
    /// The reference data of the folder (`readFolder(directory:)` without the category rules and defaults).
    public static func read(directory: String) throws(InputError) -> ReferenceData {
        try readFolder(directory: directory).reference
    }

    /// Every reference file of the folder: the reference data, factors.csv's Scope 3 defaults and categories.csv's rules.
    public static func readFolder(directory: String) throws(InputError) -> DataFolder {
        var diagnostics: [Diagnostic] = []
        var data = ReferenceData()
        var scope3Defaults: [String: Scope3Category] = [:]
        var categoryRules: [CategoryRule] = []
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        func table(_ name: String, required: Bool) throws(InputError) -> CSVTable? {
            guard FileManager.default.fileExists(atPath: path(name)) else {
                if required { throw InputError(file: name, message: "missing: '\(path(name))' does not exist; every data folder needs \(name)") }
                return nil
            }
            return try CSVTable.read(path: path(name), displayName: name, diagnostics: &diagnostics)
        }
        var thrown: [Diagnostic] = []
        func attempt(_ body: () throws(InputError) -> Void) {
            do { try body() } catch { thrown += error.diagnostics }
        }
        attempt { () throws(InputError) in if let t = try table("suppliers.csv", required: false) { data.suppliers = try suppliers(t, &diagnostics) }
        }
        attempt { () throws(InputError) in
            if let t = try table("factors.csv", required: true) {
                data.factors = try factors(t, &diagnostics)
                scope3Defaults = try self.scope3Defaults(t, &diagnostics)
            }
        }
        attempt { () throws(InputError) in
            if let t = try table(CategoryRulesReader.fileName, required: false) { categoryRules = try CategoryRulesReader.rules(t, &diagnostics) }
        }
        attempt { () throws(InputError) in if let t = try table("rates.csv", required: false) { data.exchangeRates = try rates(t, &diagnostics) } }
        attempt { () throws(InputError) in
            if let t = try table("price_index.csv", required: false) {
                (data.priceIndex, data.priceIndexByCurrency) = try priceIndices(t, &diagnostics)
            }
        }
        attempt { () throws(InputError) in
            if let t = try table("supplier_emissions.csv", required: false) { data.disclosures = try disclosures(t, &diagnostics) }
        }
        attempt { () throws(InputError) in
            if let t = try table("product_footprints.csv", required: false) { data.footprints = try footprints(t, &diagnostics) }
        }
        attempt { () throws(InputError) in
            if let t = try table("manufacturers.csv", required: false) { data.manufacturers = try manufacturers(t, &diagnostics) }
        }
        attempt { () throws(InputError) in
            if let t = try table("supplier_allocations.csv", required: false) { data.disclosures += try allocations(t, &diagnostics) }
        }
        var customers = CustomerData()
        attempt { () throws(InputError) in customers = try CustomerDataReader.read(directory: directory) }
        diagnostics += thrown
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        data.activityFirstCategories = CategoryRules.builtIn.merging(categoryRules).activityFirstFactorCategories
        return DataFolder(reference: data, scope3Defaults: scope3Defaults, categoryRules: categoryRules, customers: customers)
    }

    static func rows(
        _ table: CSVTable,
        required: [String],
        optional: [String] = [],
        _ diagnostics: inout [Diagnostic],
        _ body: (inout RowReader) -> Void
    ) throws(InputError) {
        let columns = try table.columns(required: required, optional: optional)
        for row in table.rows {
            var reader = RowReader(table: table, columns: columns, row: row)
            body(&reader)
            diagnostics += reader.diagnostics
        }
    }

    public static func suppliers(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [Supplier] {
        var result: [Supplier] = []
        var seen: [String: Int] = [:]
        try rows(table, required: ["id"], optional: ["name", "country"], &diagnostics) { r in
            guard let id = r.required("id") else { return }
            if let first = seen[id] {
                r.fail("id", "duplicate supplier id '\(id)'; it is already on line \(first)")
                return
            }
            seen[id] = r.row.line
            result.append(Supplier(id: id, name: r.optional("name") ?? id, country: r.optional("country")))
        }
        return result
    }

    public static func factors(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [EmissionFactor] {
        var result: [EmissionFactor] = []
        var seen: [String: Int] = [:]
        try rows(table, required: ["category", "kgco2e_per_unit", "unit"], optional: ["name", "price_year", "source"], &diagnostics) { r in
            let category = r.required("category")
            let value = r.decimal("kgco2e_per_unit")
            let unitText = r.required("unit")
            let priceYear = r.year("price_year", required: false)
            guard let category, let value, let unitText else { return }
            let basis: EmissionFactor.Basis
            let key: String
            if let currency = CurrencyCode(unitText) {
                basis = .spend(currency: currency, priceYear: priceYear)
                key = "spend-based factor for category '\(category)'"
            } else {
                let unit = MeasureUnit(parsing: unitText)
                basis = .activity(unit: unit)
                key = "average-data factor for category '\(category)' in '\(unit.symbol)'"
            }
            if let first = seen[key] {
                r.fail("category", "duplicate \(key); it is already on line \(first) (at most one per category, and one per category and unit)")
                return
            }
            seen[key] = r.row.line
            result.append(
                EmissionFactor(
                    category: category,
                    name: r.optional("name") ?? category,
                    kgPerUnit: value.value,
                    kgPerUnitText: r.optional("kgco2e_per_unit"),
                    basis: basis,
                    source: r.optional("source") ?? "",
                    location: SourceLocation(file: table.file, line: r.row.line)
                )
            )
        }
        return result
    }

    public static func rates(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [CurrencyCode: [Int: Double]] {
        var result: [CurrencyCode: [Int: Double]] = [:]
        var seen: [String: Int] = [:]
        try rows(table, required: ["currency", "year", "per_usd"], &diagnostics) { r in
            let currency = r.currency("currency")
            let year = r.year("year")
            let rate = r.decimal("per_usd")
            guard let currency, let year, let rate else { return }
            guard rate.value > 0 else {
                return r.fail("per_usd", "'\(r.optional("per_usd")!)' is not a rate; expected a positive number of units per USD")
            }
            let key = "\(currency) \(year)"
            if let first = seen[key] { return r.fail("year", "duplicate rate for \(key); it is already on line \(first)") }
            seen[key] = r.row.line
            result[currency, default: [:]][year] = rate.value
        }
        return result
    }

    /// price_index.csv: the index by year that adjusts spend-based factors to their price year (rows
    /// without `currency`), and, in rows with a `currency`, that currency's own index, which deflates
    /// hybrid lines to their disclosure's year.
    public static func priceIndices(
        _ table: CSVTable,
        _ diagnostics: inout [Diagnostic]
    ) throws(InputError) -> (general: [Int: Double], byCurrency: [CurrencyCode: [Int: Double]]) {
        var general: [Int: Double] = [:]
        var byCurrency: [CurrencyCode: [Int: Double]] = [:]
        var seen: [String: Int] = [:]
        try rows(table, required: ["year", "index"], optional: ["currency"], &diagnostics) { r in
            let year = r.year("year")
            let index = r.decimal("index")
            var currency: CurrencyCode?
            if let text = r.optional("currency") {
                guard let code = CurrencyCode(text) else {
                    return r.fail(
                        "currency",
                        "'\(text)' is not a currency code; expected three upper-case letters (ISO 4217), or empty for the index of the factors' prices"
                    )
                }
                currency = code
            }
            guard let year, let index else { return }
            guard index.value > 0 else { return r.fail("index", "'\(r.optional("index")!)' is not an index; expected a positive number") }
            let key = "\(currency.map { "\($0) " } ?? "")\(year)"
            if let first = seen[key] { return r.fail("year", "duplicate price index for \(key); it is already on line \(first)") }
            seen[key] = r.row.line
            if let currency { byCurrency[currency, default: [:]][year] = index.value } else { general[year] = index.value }
        }
        return (general, byCurrency)
    }

    public static func disclosures(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [SupplierDisclosure] {
        var result: [SupplierDisclosure] = []
        var seen: [String: Int] = [:]
        try rows(
            table,
            required: ["supplier", "year", "scope1", "scope2", "scope3_upstream", "revenue", "currency"],
            optional: ["scope3_categories", "scope2_basis", "assurance", "source_document"],
            &diagnostics
        ) { r in
            let supplier = r.required("supplier")
            let year = r.year("year")
            let s1 = r.decimal("scope1")
            let s2 = r.decimal("scope2")
            let s3 = r.decimal("scope3_upstream")
            let revenue = r.decimal("revenue")
            let currency = r.currency("currency")
            guard let supplier, let year, let s1, let s2, let s3, let revenue, let currency else { return }
            for (column, value) in [("scope1", s1), ("scope2", s2), ("scope3_upstream", s3)] where value.value < 0 {
                r.fail(column, "'\(r.optional(column)!)' is negative; expected tonnes CO2e of zero or more")
            }
            guard revenue.value > 0 else { return r.fail("revenue", "'\(r.optional("revenue")!)' is not a revenue; expected a positive amount") }
            let key = "\(supplier) \(year)"
            if let first = seen[key] {
                return r.fail("year", "duplicate disclosure for supplier '\(supplier)' in \(year); it is already on line \(first)")
            }
            seen[key] = r.row.line
            var disclosure = SupplierDisclosure(
                supplier: supplier,
                year: year,
                scope1Tonnes: s1.value,
                scope2Tonnes: s2.value,
                scope3UpstreamTonnes: s3.value,
                revenue: revenue.value,
                currency: currency,
                location: SourceLocation(file: table.file, line: r.row.line)
            )
            guard readEvidence(&r, into: &disclosure) else { return }
            result.append(disclosure)
        }
        return result
    }

    public static func footprints(_ table: CSVTable, _ diagnostics: inout [Diagnostic]) throws(InputError) -> [ProductFootprint] {
        var result: [ProductFootprint] = []
        var seen: [String: Int] = [:]
        try rows(
            table,
            required: ["supplier", "product", "kgco2e_per_unit", "unit"],
            optional: ["boundary", "use_phase_share", "refurbished"] + footprintScopeColumns,
            &diagnostics
        ) { r in
            let supplier = r.required("supplier")
            let product = r.required("product")
            let value = r.decimal("kgco2e_per_unit")
            let unitText = r.required("unit")
            guard let supplier, let product, let value, let unitText else { return }
            let unit = MeasureUnit(parsing: unitText)
            let key = "\(supplier)\u{1F}\(product)\u{1F}\(unit.symbol)"
            if let first = seen[key] {
                return r.fail(
                    "product",
                    "duplicate footprint for supplier '\(supplier)', product '\(product)' in '\(unit.symbol)'; it is already on line \(first)"
                )
            }
            seen[key] = r.row.line
            // The boundary: cradle-to-gate (default) counts as given; a whole-life figure counts without its use phase.
            var usePhaseShare: Double?
            switch r.optional("boundary")?.lowercased() {
            case nil, "cradle-to-gate":
                if r.optional("use_phase_share") != nil {
                    return r.fail(
                        "use_phase_share",
                        "a cradle-to-gate footprint has no use phase; give boundary cradle-to-grave, or leave use_phase_share empty"
                    )
                }
            case "cradle-to-grave", "whole-life":
                guard let text = r.optional("use_phase_share") else {
                    return r.fail(
                        "use_phase_share",
                        "a cradle-to-grave footprint needs the share of its use phase (0 to 1), so that only its cradle-to-gate part counts in Categories 1 and 2"
                    )
                }
                guard let share = FieldParser.decimal(text)?.value, share >= 0, share < 1 else {
                    return r.fail("use_phase_share", "'\(text)' is not a share; expected a number from 0 up to (not including) 1, such as 0.8")
                }
                usePhaseShare = share
            case let other?:
                return r.fail("boundary", "'\(other)' is not a boundary; expected cradle-to-gate or cradle-to-grave")
            }
            var footprint = ProductFootprint(
                supplier: supplier,
                product: product,
                kgPerUnit: value.value,
                kgPerUnitText: r.optional("kgco2e_per_unit"),
                unit: unit,
                source: table.file,
                location: SourceLocation(file: table.file, line: r.row.line)
            )
            guard readScope(&r, into: &footprint) else { return }
            // A refurbished unit's own (lower) footprint: its product id is the refurbished article's.
            footprint.refurbished = r.flag("refurbished")
            guard r.diagnostics.isEmpty else { return }
            if let usePhaseShare {
                footprint.wholeLifeKgPerUnit = value.value
                footprint.usePhaseShare = usePhaseShare
                footprint.kgPerUnit = value.value * (1 - usePhaseShare)
                footprint.kgPerUnitText = String(footprint.kgPerUnit)
            }
            result.append(footprint)
        }
        return result
    }
}
