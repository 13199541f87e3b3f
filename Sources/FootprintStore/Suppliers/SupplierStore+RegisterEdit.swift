import FootprintCore
import Foundation
import GRDB

/// One version of a supplier in the register: where it came from (a suppliers.csv import or a
/// command-line edit), when, and what changed.
public struct RegisterVersion: Sendable {
    public var importID: Int64
    public var kind: ImportKind
    /// The file name, or `suppliers add ID` / `suppliers edit ID` for an edit.
    public var source: String
    public var at: String
    public var record: SupplierRecord
    /// For an edit: field, old value, new value (all fields for an added supplier).
    public var changes: [RegisterChange]
    /// The edit's reason, when one was given.
    public var reason: String?
}

/// A field's change in a register edit.
public struct RegisterChange: Sendable, Hashable, Codable {
    public var field: String
    public var from: String?
    public var to: String?
}

/// What an edit import keeps as its content: the change, readable without the database.
struct RegisterEditContent: Codable {
    var action: String
    var supplier: String
    var changes: [RegisterChange]
    var reason: String?
}

extension SupplierStore {
    /// Adds a supplier to the register from the command line. The record is checked (`problems()`);
    /// the id must not be in the register yet. Recorded as a `supplier-edit` import.
    public func addSupplier(_ record: SupplierRecord, reason: String? = nil) throws(WorkspaceError) -> RegisterVersion {
        try recordEdit(id: record.id, adding: true, reason: reason) { old in
            if old != nil {
                throw WorkspaceError.conflict(
                    "supplier '\(record.id)' is already in the register; change it with 'footprint suppliers edit \(record.id) --FIELD VALUE'"
                )
            }
            return record
        }
    }

    /// Changes a supplier of the register: `change` gets the current record and returns the new one.
    /// Nothing is recorded when nothing changes. Recorded as a `supplier-edit` import whose content
    /// lists each field's old and new value.
    public func editSupplier(
        id: String,
        reason: String? = nil,
        _ change: @escaping (SupplierRecord) -> SupplierRecord
    ) throws(WorkspaceError) -> RegisterVersion? {
        do {
            return try recordEdit(id: id, adding: false, reason: reason) { old in
                guard let old else {
                    throw WorkspaceError.conflict(
                        "there is no supplier '\(id)' in the register; add it with 'footprint suppliers add \(id) --name NAME'"
                    )
                }
                var new = change(old)
                new.id = old.id
                return new
            }
        } catch .conflict("nothing changed") {
            return nil
        }
    }

    private func recordEdit(
        id: String,
        adding: Bool,
        reason: String?,
        _ make: @escaping (SupplierRecord?) throws -> SupplierRecord
    ) throws(WorkspaceError) -> RegisterVersion {
        let importID: Int64 = try workspace.transaction { db in
            let old = try Self.register(db: db).first { $0.id == id }
            let new = try make(old)
            let problems = new.problems()
            if !problems.isEmpty {
                throw WorkspaceError.conflict("supplier '\(id)' was not \(adding ? "added" : "changed"): " + problems.joined(separator: "; "))
            }
            let changes: [RegisterChange] =
                old.map { new.changes(from: $0).map { RegisterChange(field: $0.field, from: $0.from, to: $0.to) } }
                ?? new.fields.compactMap { f in f.value.map { RegisterChange(field: f.name, from: nil, to: $0) } }
            if changes.isEmpty { throw WorkspaceError.conflict("nothing changed") }
            let content = try RegisterEditContent(action: adding ? "add" : "edit", supplier: id, changes: changes, reason: reason).storedJSON()
            let importID = try workspace.imports.insertImport(
                kind: .supplierEdit,
                fileName: "suppliers \(adding ? "add" : "edit") \(id)",
                digest: FileDigest(bytes: content),
                rows: 1,
                replaces: nil,
                mapping: nil,
                content: content,
                db: db
            )
            try Self.insertRegisterRow(new, importID: importID, line: 1, db: db)
            let parents = try Self.parentProblems(db: db)
            if !parents.isEmpty {
                throw WorkspaceError.conflict(
                    "supplier '\(id)' was not \(adding ? "added" : "changed"): " + parents.map(\.message).joined(separator: "; ")
                )
            }
            return importID
        }
        guard let version = try registerHistory(supplier: id).last(where: { $0.importID == importID }) else {
            throw .database("the register edit #\(importID) was not stored")
        }
        return version
    }

    /// Every version of a supplier in the register, oldest first: its row in each active suppliers
    /// import and each command-line edit. The register holds the newest.
    public func registerHistory(supplier: String) throws(WorkspaceError) -> [RegisterVersion] {
        try workspace.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.registerColumns), r.import_id, i.kind AS import_kind, i.file_name, i.imported_at, i.content AS edit
                    FROM supplier_register r JOIN import i ON i.id = r.import_id
                    WHERE i.status = 'active' AND r.supplier_id = ? ORDER BY r.import_id
                    """,
                arguments: [supplier]
            )
            var previous: SupplierRecord?
            return try rows.map { row in
                let record = Self.registerRecord(row)
                let kind = ImportKind(rawValue: row["import_kind"]) ?? .suppliers
                var changes: [RegisterChange]
                var reason: String?
                if kind == .supplierEdit, let data: Data = row["edit"] {
                    let content = try JSONDecoder().decode(RegisterEditContent.self, from: data)
                    changes = content.changes
                    reason = content.reason
                } else {
                    changes =
                        previous.map { record.changes(from: $0).map { RegisterChange(field: $0.field, from: $0.from, to: $0.to) } }
                        ?? record.fields.compactMap { f in f.value.map { RegisterChange(field: f.name, from: nil, to: $0) } }
                }
                previous = record
                return RegisterVersion(
                    importID: row["import_id"],
                    kind: kind,
                    source: row["file_name"],
                    at: row["imported_at"],
                    record: record,
                    changes: changes,
                    reason: reason
                )
            }
        }
    }

    /// `legacy`: without the columns added by migration v8 (for the v2 migration, which runs before them).
    static func insertRegisterRow(_ r: SupplierRecord, importID: Int64, line: Int, db: Database, legacy: Bool = false) throws {
        var columns = """
            import_id, line, supplier_id, name, country, org_number, vat, lei, duns, isin,
                pact_company_ids, contact_name, contact_email, categories, strategic, notes
            """
        var arguments: [(any DatabaseValueConvertible)?] = [
            importID, line, r.id, r.name, r.country, r.identifiers.orgNumber, r.identifiers.vat, r.identifiers.lei,
            r.identifiers.duns, r.identifiers.isin,
            r.identifiers.pactCompanyIDs.isEmpty ? nil : r.identifiers.pactCompanyIDs.joined(separator: ";"),
            r.contactName, r.contactEmail, r.categories.isEmpty ? nil : r.categories.joined(separator: ";"), r.strategic ? 1 : 0, r.notes,
        ]
        if !legacy {
            columns += ", parent_id, company_register"
            arguments += [r.parent, r.companyRegister]
        }
        try db.execute(
            sql: "INSERT INTO supplier_register (\(columns)) VALUES (\(arguments.map { _ in "?" }.joined(separator: ", ")))",
            arguments: StatementArguments(arguments)
        )
    }
}
