import FootprintCore
import FootprintImport
import Foundation
import GRDB

extension ImportStore {
    /// Imports a reference file (suppliers, factors, rates, price index, supplier emissions, product
    /// footprints). The file is validated whole, then checked against the other active imports of
    /// its kind: a key given twice (a rate for the same currency and year, a footprint for the same
    /// supplier, product and unit, ...) is an error naming both places.
    public func importReference(kind: ImportKind, path: String, displayName: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(InputError(file: displayName, message: "cannot read '\(path)': no such file or not readable"))
        }
        let digest = FileDigest(bytes: data)
        if kind == .factors {
            let content: FactorLibraryContent
            do { content = try Self.userFactors(data: data, file: displayName, sha256: digest.sha256) } catch { throw .input(error) }
            return try installLibrary(
                content,
                kind: .factors,
                tier: Self.userTier,
                fileName: displayName,
                digest: digest.sha256,
                byteCount: data.count,
                replacing: replacing
            )
        }
        if let already = try alreadyImported(kind: kind, sha256: digest.sha256, replacing: replacing, since: started) { return already }
        let rows: Int
        do {
            rows = try ImportStore.parseReference(kind: kind, data: data, file: displayName, checkingHeader: true).rows
            if kind == .suppliers { try SupplierStore.checkRegister(data: data, file: displayName) }
        } catch { throw .input(error) }
        let id: Int64 = try workspace.transaction { db in
            if let replacing { try checkReplaceable(replacing, kind: kind, db: db) }
            var parts: [(ImportRecord, Data)] = []
            for row in try Row.fetchAll(
                db,
                sql: "SELECT * FROM import WHERE kind = ? AND status = 'active' AND id IS NOT ? ORDER BY id",
                arguments: [kind.rawValue, replacing]
            ) {
                parts.append((ImportRecord(row: row), row["content"]))
            }
            let importID = try insertImport(
                kind: kind,
                fileName: displayName,
                digest: digest,
                rows: rows,
                replaces: replacing,
                mapping: nil,
                content: data,
                db: db
            )
            var combined = ReferenceData()
            var keys: [String: String] = [:]
            var conflicts: [Diagnostic] = []
            for (record, content) in parts + [
                (
                    ImportRecord(
                        id: importID,
                        kind: kind,
                        fileName: displayName,
                        byteCount: data.count,
                        sha256: digest.sha256,
                        importedAt: "",
                        rowCount: rows,
                        status: .active
                    ), data
                )
            ] {
                let parsed = try ImportStore.parseReference(kind: kind, data: content, file: record.fileName)
                for (key, location) in parsed.keys {
                    if let first = keys[key] {
                        if record.id == importID {
                            conflicts.append(
                                Diagnostic(
                                    file: location.file,
                                    line: location.line,
                                    message: "\(key) is already given by \(first); remove or replace that import first (--replace ID)"
                                )
                            )
                        }
                    } else {
                        keys[key] =
                            record.id == importID ? "line \(location.line)" : "import #\(record.id) (\(record.fileName)) line \(location.line)"
                    }
                }
                combined.merge(parsed.data)
            }
            if !conflicts.isEmpty { throw InputErrorBox(error: InputError(conflicts)) }
            if kind == .suppliers { try SupplierStore.insertRegister(data: data, file: displayName, importID: importID, db: db) }
            return importID
        }
        return try imported(id: id, replacing: replacing, since: started)
    }

    /// A user's factors file: the canonical factors.csv columns, and optionally `scope3_category`.
    static func userFactors(data: Data, file: String, sha256: String) throws(InputError) -> FactorLibraryContent {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: data, file: file, diagnostics: &diagnostics)
        let stem = (file as NSString).deletingPathExtension
        let info = FactorLibraryInfo(
            id: stem,
            title: "Factors from \(file)",
            version: String(sha256.prefix(12)),
            publisher: "workspace user",
            licence: "as given by the user",
            sourceURL: file,
            sha256: sha256
        )
        if table.columnIndex("scope3_category") != nil {
            return try DefaultFactorLibrary.read(csv: String(decoding: data, as: UTF8.self), file: file, info: info)
        }
        let factors = try ReferenceDataReader.factors(table, &diagnostics)
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return FactorLibraryContent(info: info, factors: factors)
    }

    /// Reads one reference file; `keys` names what each row defines, for conflicts between imports.
    /// A new file is read `checkingHeader` (CR-only line ends, a column named twice: see `CSVTable`);
    /// the stored content of an earlier import is read as it was accepted.
    static func parseReference(
        kind: ImportKind,
        data: Data,
        file: String,
        checkingHeader: Bool = false
    ) throws(InputError) -> (data: ReferenceData, rows: Int, keys: [(String, SourceLocation)]) {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: data, file: file, diagnostics: &diagnostics, checkingHeader: checkingHeader)
        var result = ReferenceData()
        var keys: [(String, SourceLocation)] = []
        switch kind {
        case .suppliers:
            result.suppliers = try ReferenceDataReader.suppliers(table, &diagnostics)
            for (row, s) in zip(table.rows, result.suppliers) { keys.append(("supplier '\(s.id)'", SourceLocation(file: file, line: row.line))) }
        case .rates:
            result.exchangeRates = try ReferenceDataReader.rates(table, &diagnostics)
            for row in table.rows {
                let c = table.columnIndex("currency").map { row.fields[$0] } ?? ""
                let y = table.columnIndex("year").map { row.fields[$0] } ?? ""
                keys.append(
                    (
                        "the rate of \(c.trimmingCharacters(in: .whitespaces)) in \(y.trimmingCharacters(in: .whitespaces))",
                        SourceLocation(file: file, line: row.line)
                    )
                )
            }
        case .priceIndex:
            (result.priceIndex, result.priceIndexByCurrency) = try ReferenceDataReader.priceIndices(table, &diagnostics)
            for row in table.rows {
                let y = table.columnIndex("year").map { row.fields[$0] } ?? ""
                let c = (table.columnIndex("currency").map { row.fields[$0] } ?? "").trimmingCharacters(in: .whitespaces)
                keys.append(
                    (
                        "the price index of \(c.isEmpty ? "" : c + " in ")\(y.trimmingCharacters(in: .whitespaces))",
                        SourceLocation(file: file, line: row.line)
                    )
                )
            }
        case .supplierEmissions, .supplierAllocations:
            result.disclosures =
                kind == .supplierEmissions
                ? try ReferenceDataReader.disclosures(table, &diagnostics) : try ReferenceDataReader.allocations(table, &diagnostics)
            for d in result.disclosures {
                let what = d.allocation == nil ? "disclosure" : "allocation"
                keys.append(("the \(what) of supplier '\(d.supplier)' for \(d.year)", d.location ?? SourceLocation(file: file, line: 0)))
            }
        case .productFootprints:
            result.footprints = try ReferenceDataReader.footprints(table, &diagnostics)
            for f in result.footprints {
                keys.append(
                    (
                        "the footprint of supplier '\(f.supplier)' product '\(f.product)' per \(f.unit.symbol)",
                        f.location ?? SourceLocation(file: file, line: 0)
                    )
                )
            }
        case .manufacturers:
            result.manufacturers = try ReferenceDataReader.manufacturers(table, &diagnostics)
            for m in result.manufacturers {
                let whose = m.supplier.map { "bought from supplier '\($0)'" } ?? "bought from any supplier"
                keys.append(("the manufacturer of product '\(m.product)' \(whose)", m.location ?? SourceLocation(file: file, line: 0)))
            }
        case .categories:
            for rule in try CategoryRulesReader.rules(table, &diagnostics) {
                let line = Int(rule.source.split(separator: ":").last ?? "") ?? 0
                keys.append(("the rule of category '\(rule.category)'", SourceLocation(file: file, line: line)))
            }
        case .purchases, .factors, .factorLibrary, .supplierStatus, .sbtiWorkbook, .pact, .supplierEdit, .company, .sites, .fuel, .refrigerants,
            .energy, .energyInstruments, .gridFactors,
            .travel, .commutingSurvey, .workforce, .sales, .productUse, .endOfLife, .returns, .leasedEquipment, .avoidedEmissions, .customers,
            .services, .servicePools, .serviceUsage:
            break
        }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return (result, table.rows.count, keys)
    }

    /// The rules of a categories import's content (as accepted when it was imported).
    static func categoryRules(data: Data, file: String) throws(InputError) -> [CategoryRule] {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: data, file: file, diagnostics: &diagnostics)
        let rules = try CategoryRulesReader.rules(table, &diagnostics)
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return rules
    }

    /// The rules a calculation applies: `CategoryRules.builtIn` with the rules of `imports` (content and
    /// file name, in import order) taking the place of a rule for the same category.
    static func categoryRules(imports: [(Data, String)]) throws(InputError) -> CategoryRules {
        var rules = CategoryRules.builtIn
        for (data, file) in imports { rules = rules.merging(try categoryRules(data: data, file: file)) }
        return rules
    }
}

extension ReferenceData {
    /// Adds another file's rows (suppliers, rates, price index, disclosures, footprints).
    mutating func merge(_ other: ReferenceData) {
        suppliers += other.suppliers
        factors += other.factors
        for (currency, years) in other.exchangeRates { exchangeRates[currency, default: [:]].merge(years) { a, _ in a } }
        priceIndex.merge(other.priceIndex) { a, _ in a }
        for (currency, byYear) in other.priceIndexByCurrency { priceIndexByCurrency[currency, default: [:]].merge(byYear) { a, _ in a } }
        disclosures += other.disclosures
        footprints += other.footprints
        manufacturers += other.manufacturers
    }
}

extension ImportStore {
    /// Supplier names by id, from the active suppliers imports.
    public func supplierNames() throws(WorkspaceError) -> [String: String] {
        try workspace.read { db in
            var names: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT file_name, content FROM import WHERE kind = 'suppliers' AND status = 'active' ORDER BY id") {
                let parsed = try ImportStore.parseReference(kind: .suppliers, data: row["content"], file: row["file_name"])
                for s in parsed.data.suppliers where names[s.id] == nil { names[s.id] = s.name }
            }
            return names
        }
    }
}
