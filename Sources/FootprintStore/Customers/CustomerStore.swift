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
        if replacing == nil, let existing = try workspace.read({ db in try imports.activeImport(kind: kind, sha256: digest.sha256, db: db) }) {
            return ImportOutcome(record: existing, alreadyImported: true, superseded: nil, seconds: Date().timeIntervalSince(started))
        }
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
            let rows: Int
            do throws(InputError) {
                let parsed = try Self.customerData(files, sites: sites)
                rows =
                    switch kind {
                    case .customers: parsed.customers.count
                    case .services: parsed.services.count
                    case .servicePools: parsed.pools.reduce(0) { $0 + $1.selectors.count }
                    default: parsed.usage.count
                    }
            } catch { throw InputErrorBox(error: error) }
            return try imports.insertImport(
                kind: kind,
                fileName: displayName,
                digest: digest,
                rows: rows,
                replaces: replacing,
                mapping: nil,
                content: data,
                db: db
            )
        }
        return ImportOutcome(
            record: try imports.importRecord(id: id),
            alreadyImported: false,
            superseded: replacing,
            seconds: Date().timeIntervalSince(started)
        )
    }

    public func customerData() throws(WorkspaceError) -> CustomerData {
        let (files, sites) = try workspace.read { db in (try Self.imports(db: db).mapValues { ($0.fileName, $0.content) }, try Self.sites(db: db)) }
        do { return try Self.customerData(files, sites: sites) } catch { throw .input(error) }
    }

    struct CustomerImport {
        var id: Int64
        var fileName: String
        var content: Data
    }

    /// The customer imports in force, by kind (the newest active one of each).
    static func imports(db: Database) throws -> [ImportKind: CustomerImport] {
        var result: [ImportKind: CustomerImport] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT id, kind, file_name, content FROM import WHERE status = 'active' AND kind IN (?, ?, ?, ?) ORDER BY id",
            arguments: [
                ImportKind.customers.rawValue, ImportKind.services.rawValue, ImportKind.servicePools.rawValue, ImportKind.serviceUsage.rawValue,
            ]
        ) {
            guard let kind = ImportKind(rawValue: row["kind"]) else { continue }
            result[kind] = CustomerImport(id: row["id"], fileName: row["file_name"], content: row["content"] ?? Data())
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
    static func customerData(_ files: [ImportKind: (String, Data)], sites: (file: String, ids: Set<String>)?) throws(InputError) -> CustomerData {
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
            sites: sites,
            inWorkspace: true
        )
    }
}
