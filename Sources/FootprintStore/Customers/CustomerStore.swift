import FootprintCore
import FootprintImport
import Foundation
import GRDB

/// The customers of a workspace: customers.csv, services.csv, service_pools.csv and
/// service_usage.csv (docs/customers.md), one import of each kind in force, checked together.
public struct CustomerStore: CustomerStoring {
    public let workspace: Workspace
}

/// What a workspace's customers offer: importing the four customer files and the data in force.
/// `CustomerStore` implements it on the SQLite file; a PostgreSQL store can implement the same
/// operations (plain values, `WorkspaceError`, each change one transaction).
public protocol CustomerStoring: Sendable {
    /// Imports a customer file (`kind` is one of customers, services, service-pools, service-usage):
    /// read whole and checked with the other customer files in force (a usage row's customer and
    /// service must be in force), then stored whole, or nothing is stored. One file of each kind is in
    /// force; a second replaces the first only with `replacing`.
    func importFile(kind: ImportKind, path: String, displayName: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome
    /// The customers, services, pools and usage in force (the newest active import of each kind).
    func customerData() throws(WorkspaceError) -> CustomerData
}

extension Workspace {
    /// The customers, the services sold to them, the pools that feed the services and their usage.
    public var customers: CustomerStore { CustomerStore(workspace: self) }
}

extension CustomerStore {
    public func importFile(kind: ImportKind, path: String, displayName: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        guard kind.isCustomerData else { throw .conflict("\(kind.rawValue) is not a customer file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(InputError(file: displayName, message: "cannot read '\(path)': no such file or not readable"))
        }
        let digest = FileDigest(bytes: data)
        let imports = workspace.imports
        if let already = try imports.alreadyImported(kind: kind, sha256: digest.sha256, replacing: replacing, since: started) { return already }
        // The new file's own header checks (CR-only line ends, a column named twice), as for other imports.
        do throws(InputError) {
            var diagnostics: [Diagnostic] = []
            _ = try CSVTable.parse(data: data, file: displayName, diagnostics: &diagnostics, checkingHeader: true)
            if !diagnostics.isEmpty { throw InputError(diagnostics) }
        } catch { throw .input(error) }
        let id: Int64 = try workspace.transaction { db in
            let inForce = try Self.imports(db: db)
            if let current = inForce[kind], current.id != replacing {
                throw WorkspaceError.conflict(
                    "\(current.fileName) is in force as import #\(current.id) (\(kind.rawValue)); to replace it, import with --replace \(current.id)"
                )
            }
            if let replacing { try imports.checkReplaceable(replacing, kind: kind, db: db) }
            var files = inForce.mapValues { ($0.fileName, $0.content) }
            files[kind] = (displayName, data)
            let sites = try Self.sites(db: db)
            let parsed: CustomerData
            do throws(InputError) { parsed = try Self.customerData(files, sites: sites) } catch { throw InputErrorBox(error: error) }
            let rows =
                switch kind {
                case .customers: parsed.customers.count
                case .services: parsed.services.count
                case .servicePools: parsed.pools.reduce(0) { $0 + $1.selectors.count }
                default: parsed.usage.count
                }
            let id = try imports.insertImport(
                kind: kind,
                fileName: displayName,
                digest: digest,
                rows: rows,
                replaces: replacing,
                mapping: nil,
                content: data,
                db: db
            )
            // The usage rows as read and checked, so that an allocation need not parse the file again.
            if kind == .serviceUsage {
                try db.execute(
                    sql: "INSERT INTO import_snapshot (import_id, format, data) VALUES (?, ?, ?)",
                    arguments: [id, ServiceUsageSnapshot.format, Data(ServiceUsageSnapshot.encode(parsed.usage, file: displayName))]
                )
            }
            return id
        }
        return try imports.imported(id: id, replacing: replacing, since: started)
    }

    /// The files in force, read and checked together; the usage rows from the snapshot stored with
    /// their import when it has one (`ServiceUsageSnapshot`), else parsed from the file.
    public func customerData() throws(WorkspaceError) -> CustomerData {
        let (files, usage, sites) = try workspace.read { db in
            var inForce = try Self.imports(db: db, content: false)
            var usage: (file: String, rows: [ServiceUsage])?
            if let current = inForce[.serviceUsage], let rows = try Self.usageSnapshot(importID: current.id, db: db) {
                usage = (current.fileName, rows)
                inForce[.serviceUsage] = nil
            }
            for (kind, current) in inForce {
                inForce[kind]?.content = try Data.fetchOne(db, sql: "SELECT content FROM import WHERE id = ?", arguments: [current.id]) ?? Data()
            }
            return (inForce.mapValues { ($0.fileName, $0.content) }, usage, try Self.sites(db: db))
        }
        do { return try Self.customerData(files, checkedUsage: usage, sites: sites) } catch { throw .input(error) }
    }

    /// The usage rows of import `importID` as its snapshot holds them; nil when it has none in this format.
    static func usageSnapshot(importID: Int64, db: Database) throws -> [ServiceUsage]? {
        let select = try db.makeStatement(sql: "SELECT data FROM import_snapshot WHERE import_id = ? AND format = ?")
        return try RunStore.blob(select, importID, Int64(ServiceUsageSnapshot.format)) { ServiceUsageSnapshot.decode($0) } ?? nil
    }

    struct CustomerImport {
        var id: Int64
        var fileName: String
        var content: Data
    }

    /// The customer imports in force, by kind (the newest active one of each); without their content
    /// (empty) unless `content`.
    static func imports(db: Database, content: Bool = true) throws -> [ImportKind: CustomerImport] {
        var result: [ImportKind: CustomerImport] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT id, kind, file_name\(content ? ", content" : "") FROM import WHERE status = 'active' AND kind IN (?, ?, ?, ?) ORDER BY id",
            arguments: [
                ImportKind.customers.rawValue, ImportKind.services.rawValue, ImportKind.servicePools.rawValue, ImportKind.serviceUsage.rawValue,
            ]
        ) {
            guard let kind = ImportKind(rawValue: row["kind"]) else { continue }
            result[kind] = CustomerImport(id: row["id"], fileName: row["file_name"], content: content ? row["content"] ?? Data() : Data())
        }
        return result
    }

    /// The ids of the sites in force (the sites.csv import), nil when there is none.
    static func sites(db: Database) throws -> (file: String, ids: Set<String>)? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT file_name, content FROM import WHERE status = 'active' AND kind = ? ORDER BY id DESC LIMIT 1",
                arguments: [ImportKind.sites.rawValue]
            )
        else { return nil }
        var diagnostics: [Diagnostic] = []
        guard
            let table = try? CSVTable.parse(data: row["content"] ?? Data(), file: row["file_name"], diagnostics: &diagnostics, checkingHeader: false)
        else { return nil }
        return CustomerDataReader.siteIDs(table)
    }

    /// Reads `files` as a data folder would be read; the file names in messages are the imported ones.
    static func customerData(
        _ files: [ImportKind: (String, Data)],
        checkedUsage: (file: String, rows: [ServiceUsage])? = nil,
        sites: (file: String, ids: Set<String>)?
    ) throws(InputError) -> CustomerData {
        var diagnostics: [Diagnostic] = []
        var thrown: [Diagnostic] = []
        var tables: [ImportKind: CSVTable] = [:]
        for (kind, (name, content)) in files {
            do { tables[kind] = try CSVTable.parse(data: content, file: name, diagnostics: &diagnostics, checkingHeader: false) } catch {
                thrown += error.diagnostics
            }
        }
        guard diagnostics.isEmpty && thrown.isEmpty else { throw InputError(diagnostics + thrown) }
        return try CustomerDataReader.read(
            customers: tables[.customers],
            services: tables[.services],
            pools: tables[.servicePools],
            usage: tables[.serviceUsage],
            checkedUsage: checkedUsage,
            sites: sites,
            inWorkspace: true
        )
    }
}
