import FootprintCore
import FootprintImport
import Foundation
import GRDB

extension ImportStore {
    /// Imports a company or activity file (`company.json`, `sites.csv`, `fuel.csv`, ...): read whole and
    /// checked with the other activity files in force (an energy row's site must be in the sites in
    /// force), then stored whole, or nothing is stored. One file of each kind is in force: a second
    /// one replaces the first only with `--replace ID`, so that nothing is replaced by mistake.
    public func importActivity(kind: ImportKind, path: String, displayName: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        guard kind.isActivity else { throw .conflict("\(kind.rawValue) is not a company or activity file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(InputError(file: displayName, message: "cannot read '\(path)': no such file or not readable"))
        }
        let digest = FileDigest(bytes: data)
        if let already = try alreadyImported(kind: kind, sha256: digest.sha256, replacing: replacing, since: started) { return already }
        let id: Int64 = try workspace.transaction { db in
            let inForce = try Self.activityImports(db: db)
            if let current = inForce[kind], current.id != replacing {
                throw WorkspaceError.conflict(
                    "\(current.fileName) is in force as import #\(current.id) (\(kind.rawValue)); to replace it, import with --replace \(current.id)"
                )
            }
            if let replacing { try checkReplaceable(replacing, kind: kind, db: db) }
            var files = inForce.mapValues { ($0.fileName, $0.content) }
            files[kind] = (displayName, data)
            let rows: Int
            do throws(InputError) { rows = try Self.check(files, new: kind) } catch { throw InputErrorBox(error: error) }
            return try insertImport(
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
        return try imported(id: id, replacing: replacing, since: started)
    }

    /// The company and activity data of the given imports (a run's inputs), or of those in force.
    public func corporateData(importIDs: [Int64]? = nil) throws(WorkspaceError) -> CorporateData {
        let files: [ImportKind: (String, Data)] = try workspace.read { db in
            var files: [ImportKind: (String, Data)] = [:]
            if let importIDs {
                for id in importIDs {
                    guard let row = try Row.fetchOne(db, sql: "SELECT kind, file_name, content FROM import WHERE id = ?", arguments: [id]),
                        let kind = ImportKind(rawValue: row["kind"]), kind.isActivity
                    else { continue }
                    files[kind] = (row["file_name"], row["content"])
                }
            } else {
                files = try Self.activityImports(db: db).mapValues { ($0.fileName, $0.content) }
            }
            return files
        }
        do { return try Self.corporateData(files) } catch { throw .input(error) }
    }

    struct ActivityImport {
        var id: Int64
        var fileName: String
        var content: Data
    }

    /// The activity imports in force, by kind.
    static func activityImports(db: Database) throws -> [ImportKind: ActivityImport] {
        var result: [ImportKind: ActivityImport] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, kind, file_name, content FROM import WHERE status = 'active' ORDER BY id") {
            guard let kind = ImportKind(rawValue: row["kind"]), kind.isActivity else { continue }
            result[kind] = ActivityImport(id: row["id"], fileName: row["file_name"], content: row["content"] ?? Data())
        }
        return result
    }

    /// Reads `files` as a data folder would be read; the file names in messages are the imported ones.
    static func corporateData(_ files: [ImportKind: (String, Data)]) throws(InputError) -> CorporateData {
        var data = CorporateData()
        var diagnostics: [Diagnostic] = []
        if let (name, content) = files[.company] {
            do {
                data.boundary = try CompanyProfileReader.parse(content, file: name)
                data.hasProfile = true
            } catch { diagnostics += error.diagnostics }
        }
        let byCanonicalName = Dictionary(uniqueKeysWithValues: files.compactMap { kind, file in kind.activityFileName.map { ($0, file) } })
        func table(_ name: String, _ diagnostics: inout [Diagnostic]) throws(InputError) -> CSVTable? {
            guard let (fileName, content) = byCanonicalName[name] else { return nil }
            return try CSVTable.parse(data: content, file: fileName, diagnostics: &diagnostics)
        }
        do { data.activity = try ActivityDataReader.read(tables: table) } catch { diagnostics += error.diagnostics }
        do { data.travel = try TravelDataReader.read(requiringWorkforce: false, tables: table) } catch { diagnostics += error.diagnostics }
        do { data.downstream = try DownstreamDataReader.read(tables: table) } catch { diagnostics += error.diagnostics }
        guard diagnostics.isEmpty else { throw InputError(diagnostics) }
        return data
    }

    /// Checks a new activity file with the others in force; the number of rows (entries) it brings.
    static func check(_ files: [ImportKind: (String, Data)], new kind: ImportKind) throws(InputError) -> Int {
        let data = try corporateData(files)
        switch kind {
        case .company: return data.boundary.entities.count
        case .sites: return data.activity.sites.count
        case .fuel: return data.activity.fuel.count
        case .refrigerants: return data.activity.refrigerants.count
        case .energy: return data.activity.energy.count
        case .energyInstruments: return data.activity.instruments.count
        case .gridFactors: return data.activity.gridFactors.count
        case .travel: return data.travel.trips?.count ?? 0
        case .commutingSurvey: return data.travel.survey?.count ?? 0
        case .workforce: return data.travel.workforce.count
        case .sales: return data.downstream.sales?.count ?? 0
        case .productUse: return data.downstream.useProfiles.count
        case .endOfLife: return data.downstream.endOfLife.count
        case .returns: return data.downstream.returns?.count ?? 0
        case .leasedEquipment: return data.downstream.leasedEquipment?.count ?? 0
        case .avoidedEmissions: return data.downstream.avoided?.count ?? 0
        default: return 0
        }
    }
}
