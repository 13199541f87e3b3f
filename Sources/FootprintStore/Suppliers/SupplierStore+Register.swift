import FootprintCore
import FootprintImport
import Foundation
import GRDB
import Logging

extension SupplierStore {
    /// Writes the register rows of a suppliers.csv import (inside the import's transaction; its header
    /// was checked when it was read first, and a stored import's as it was accepted). `checkingParents`:
    /// a new import is refused when a parent is not in the register or the parents form a cycle; the v2
    /// migration writes earlier imports' rows as they were (`legacy`: without the columns of v8).
    static func insertRegister(data: Data, file: String, importID: Int64, db: Database, checkingParents: Bool = true, legacy: Bool = false) throws {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: data, file: file, diagnostics: &diagnostics, checkingHeader: false)
        let records = try SupplierRegisterReader.records(table, &diagnostics)
        let lines = Dictionary(
            table.rows.compactMap { row in table.columnIndex("id").map { (row.fields[$0].trimmingCharacters(in: .whitespaces), row.line) } },
            uniquingKeysWith: { a, _ in a }
        )
        for r in records { try insertRegisterRow(r, importID: importID, line: lines[r.id] ?? 0, db: db, legacy: legacy) }
        if checkingParents { try checkParents(file: file, lines: lines, db: db) }
    }

    /// Checks the register columns of a new suppliers file (files imported before they existed are
    /// not checked again, so that a workspace keeps calculating after an upgrade).
    static func checkRegister(data: Data, file: String) throws(InputError) {
        var diagnostics: [Diagnostic] = []
        let table = try CSVTable.parse(data: data, file: file, diagnostics: &diagnostics)
        _ = try SupplierRegisterReader.records(table, &diagnostics)
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
    }

    /// The supplier register: every supplier of the active suppliers imports, in import and file order.
    public func supplierRegister() throws(WorkspaceError) -> [SupplierRecord] {
        try workspace.read { db in try Self.register(db: db) }
    }

    /// The newest version of each supplier, in the order suppliers first appeared: rows of active
    /// suppliers imports and command-line edits by import order; an edit replaces the version before
    /// it, and so does a suppliers file imported after an edit (a second row of the same supplier in
    /// an older-style suppliers import is ignored, as the import's own checks report it).
    static func register(db: Database) throws -> [SupplierRecord] {
        var position: [String: Int] = [:]
        var fromEdit: Set<String> = []
        var result: [SupplierRecord] = []
        let edit = ImportKind.supplierEdit.rawValue
        try RawRows.each(
            db,
            sql: """
                SELECT \(registerColumns), i.kind = ? FROM supplier_register r JOIN import i ON i.id = r.import_id
                WHERE i.status = 'active' ORDER BY r.import_id, r.line
                """,
            arguments: [edit]
        ) { row in
            let record = registerRecord(row)
            let isEdit = row.int64(16) != 0
            if let at = position[record.id] {
                guard isEdit || fromEdit.contains(record.id) else { return }
                result[at] = record
            } else {
                position[record.id] = result.count
                result.append(record)
            }
            if isEdit { fromEdit.insert(record.id) } else { fromEdit.remove(record.id) }
        }
        return result
    }

    /// The register columns `registerRecord` reads, by position (reading by name cost more than the query).
    static let registerColumns = """
        r.supplier_id, r.name, r.country, r.org_number, r.vat, r.lei, r.duns, r.isin, r.pact_company_ids, r.contact_name, r.contact_email,
        r.categories, r.strategic, r.notes, r.parent_id, r.company_register
        """

    /// A register row (`registerColumns`, by position) as a record: from GRDB rows or raw columns.
    static func registerRecord(_ row: some RegisterColumns) -> SupplierRecord {
        let ids = SupplierIdentifiers(
            orgNumber: row.text(3),
            vat: row.text(4),
            lei: row.text(5),
            duns: row.text(6),
            isin: row.text(7),
            pactCompanyIDs: SupplierRegisterReader.list(row.text(8))
        )
        return SupplierRecord(
            id: row.text(0) ?? "",
            name: row.text(1) ?? "",
            country: row.text(2),
            identifiers: ids,
            contactName: row.text(9),
            contactEmail: row.text(10),
            categories: SupplierRegisterReader.list(row.text(11)),
            strategic: row.int64(12) != 0,
            notes: row.text(13),
            parent: row.text(14),
            companyRegister: row.text(15)
        )
    }

    /// Status facts, oldest first (by date checked, then as recorded), from imports that were not removed;
    /// for one supplier when `supplier` is given.
    public func statusFacts(supplier: String? = nil) throws(WorkspaceError) -> [SupplierStatusFact] {
        try workspace.read { db in try Self.statusFacts(supplier: supplier, db: db, logger: workspace.logger) }
    }

    /// `importedBy`: only facts of imports made up to that time (ISO 8601 UTC). `logger` receives the phase timing.
    static func statusFacts(
        supplier: String?,
        importedBy: String? = nil,
        db: Database,
        logger: Logger = Logger(label: Workspace.loggerLabel)
    ) throws -> [SupplierStatusFact] {
        // Each fact's JSON is read by a small parser for the flat objects `insertFact` writes; Foundation's
        // decoder (the fallback) cost most of an assessment of thousands of suppliers.
        let decoder = JSONDecoder()
        var facts: [(id: Int64, fact: SupplierStatusFact)] = []
        var fallbacks = 0
        // Sorted here rather than by SQLite, whose sort of the rows with their JSON cost four times the query.
        try RawRows.each(
            db,
            sql: """
                SELECT s.id, s.value FROM supplier_status s JOIN import i ON i.id = s.import_id
                WHERE i.status != 'removed' AND (?1 IS NULL OR s.supplier_id = ?1) AND (?2 IS NULL OR i.imported_at <= ?2)
                """,
            arguments: [supplier, importedBy]
        ) { row in
            let id = row.int64(0)
            try row.bytes(1) { bytes in
                if let fact = StatusFactJSON.decode(bytes) { return facts.append((id, fact)) }
                fallbacks += 1
                facts.append((id, try decoder.decode(SupplierStatusFact.self, from: Data(bytes))))
            }
        }
        // By date checked, then as recorded. Dates in their YYYY-MM-DD form sort as the numbers YYYYMMDD
        // (the same order as the texts, and cheaper to compare); any other form falls back to the texts.
        let days = facts.map { Self.dayNumber($0.fact.checkedOn) }
        var order = Array(facts.indices)
        if days.allSatisfy({ $0 != nil }) {
            let day = days.map { $0! }
            order.sort { a, b in day[a] != day[b] ? day[a] < day[b] : facts[a].id < facts[b].id }
        } else {
            order.sort { a, b in
                let x = facts[a].fact.checkedOn
                let y = facts[b].fact.checkedOn
                return x != y ? x < y : facts[a].id < facts[b].id
            }
        }
        logger.phase("status facts read, decoded and sorted: \(facts.count), \(fallbacks) by JSONDecoder")
        return order.map { facts[$0].fact }
    }

    /// YYYYMMDD for a text of the form YYYY-MM-DD (digits), else nil.
    static func dayNumber(_ text: String) -> Int? {
        var utf8 = text.utf8.makeIterator()
        var value = 0
        var count = 0
        while let b = utf8.next() {
            if count == 4 || count == 7 {
                guard b == 0x2D else { return nil }
            } else {
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            count += 1
            if count > 10 { return nil }
        }
        return count == 10 ? value : nil
    }

    static func insertFact(_ fact: SupplierStatusFact, importID: Int64, line: Int?, db: Database) throws {
        try db.execute(
            sql:
                "INSERT INTO supplier_status (import_id, line, supplier_id, kind, summary, value, source, checked_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                importID, line, fact.supplier, fact.kind.rawValue, fact.summary, try fact.storedJSONText(),
                fact.source, fact.checkedOn,
            ]
        )
    }

    /// Imports a supplier_status.csv: every fact, all or nothing; each row's supplier must be in the register.
    /// Facts are added to the history; none is changed.
    public func importSupplierStatus(path: String, displayName: String) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(InputError(file: displayName, message: "cannot read '\(path)': no such file or not readable"))
        }
        let digest = FileDigest(bytes: data)
        if let already = try workspace.imports.alreadyImported(kind: .supplierStatus, sha256: digest.sha256, replacing: nil, since: started) {
            return already
        }
        var diagnostics: [Diagnostic] = []
        let facts: [(fact: SupplierStatusFact, line: Int)]
        do {
            let table = try CSVTable.parse(data: data, file: displayName, diagnostics: &diagnostics)
            facts = try SupplierStatusReader.facts(table, &diagnostics)
        } catch { throw .input(error) }
        let id: Int64 = try workspace.transaction { db in
            let known = Set(try Self.register(db: db).map(\.id))
            for (fact, line) in facts where !known.contains(fact.supplier) {
                diagnostics.append(
                    Diagnostic(
                        file: displayName,
                        line: line,
                        column: "supplier",
                        message: "'\(fact.supplier)' is not a supplier of the workspace; expected an id from an imported suppliers.csv"
                    )
                )
            }
            if !diagnostics.isEmpty { throw InputErrorBox(error: InputError(diagnostics)) }
            let importID = try workspace.imports.insertImport(
                kind: .supplierStatus,
                fileName: displayName,
                digest: digest,
                rows: facts.count,
                replaces: nil,
                mapping: nil,
                content: data,
                db: db
            )
            for (fact, line) in facts { try Self.insertFact(fact, importID: importID, line: line, db: db) }
            return importID
        }
        return try workspace.imports.imported(id: id, replacing: nil, since: started)
    }
}
