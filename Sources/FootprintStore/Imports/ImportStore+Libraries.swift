import FootprintCore
import FootprintImport
import Foundation
import GRDB

extension ImportStore {
    static let userTier = 0, publishedTier = 1, builtInTier = 2

    /// Installs a factor library read from a published file (`factors install`) or a user's factors file.
    public func installLibrary(
        _ content: FactorLibraryContent,
        fileName: String,
        digest: String?,
        byteCount: Int,
        replacing: Int64?
    ) throws(WorkspaceError) -> ImportOutcome {
        try installLibrary(
            content,
            kind: .factorLibrary,
            tier: Self.publishedTier,
            fileName: fileName,
            digest: digest,
            byteCount: byteCount,
            replacing: replacing
        )
    }

    func installLibrary(
        _ content: FactorLibraryContent,
        kind: ImportKind,
        tier: Int,
        fileName: String,
        digest: String?,
        byteCount: Int,
        replacing: Int64?
    ) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        let sha = digest ?? "built-in:\(content.info.id)@\(content.info.version)"
        if let already = try alreadyImported(kind: kind, sha256: sha, replacing: replacing, since: started) { return already }
        let id: Int64 = try workspace.transaction { db in
            if let replacing { try checkReplaceable(replacing, kind: kind, db: db) }
            let importID = try insertImport(
                kind: kind,
                fileName: fileName,
                digest: FileDigest(byteCount: byteCount, sha256: sha),
                rows: content.factors.count,
                replaces: replacing,
                mapping: nil,
                content: nil,
                db: db
            )
            let info = content.info
            try db.execute(
                sql: """
                    INSERT INTO factor_library (key, version, title, publisher, licence, source, sha256, installed_at, import_id, tier)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    info.id, info.version, info.title, info.publisher, info.licence, info.sourceURL ?? info.doi ?? fileName,
                    digest, Workspace.timestamp(), importID, tier,
                ]
            )
            let libraryID = db.lastInsertedRowID
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO factor (library_id, line, category, name, value, unit, price_year, source, scope3)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            )
            for (index, f) in content.factors.enumerated() {
                var priceYear: Int?
                if case .spend(_, let year) = f.basis { priceYear = year }
                try insert.execute(arguments: [
                    libraryID, f.location?.line ?? index + 2, f.category, f.name, f.kgPerUnitText, f.unitText, priceYear, f.source,
                    content.scope3Defaults[f.category]?.rawValue,
                ])
            }
            return importID
        }
        return try imported(id: id, replacing: replacing, since: started)
    }

    /// The built-in library, installed when a workspace is created.
    func installDefaultLibraryIfMissing() throws(WorkspaceError) {
        let content = DefaultFactorLibrary.content
        let table = FileDigest(bytes: Data(DefaultFactorTable.csv.utf8))
        _ = try installLibrary(
            content,
            kind: .factorLibrary,
            tier: Self.builtInTier,
            fileName: "(built in) \(DefaultFactorTable.fileName)",
            digest: table.sha256,
            byteCount: table.byteCount,
            replacing: nil
        )
    }

    public func libraries() throws(WorkspaceError) -> [FactorLibraryRecord] {
        try workspace.read { db in try Self.libraries(db: db, activeOnly: false) }
    }

    static func libraries(db: Database, activeOnly: Bool) throws -> [FactorLibraryRecord] {
        let sql = """
            SELECT l.*, (SELECT count(*) FROM factor f WHERE f.library_id = l.id) AS factor_count
            FROM factor_library l \(activeOnly ? "WHERE l.active = 1" : "") ORDER BY l.tier, l.id DESC
            """
        return try FactorLibraryRecord.fetchAll(db, sql: sql)
    }

    /// The factors of the given libraries, in precedence order, with the first library winning each key,
    /// and the Scope 3 default of each category (from the first library that gives one).
    static func factors(db: Database, libraries: [FactorLibraryRecord]) throws -> (factors: [EmissionFactor], scope3: [String: Scope3Category]) {
        var factors: [EmissionFactor] = []
        var scope3: [String: Scope3Category] = [:]
        var seenSpend = Set<String>()
        var seenActivity = Set<String>()
        for library in libraries {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM factor WHERE library_id = ? ORDER BY rowid", arguments: [library.id]) {
                let category: String = row["category"]
                let text: String = row["value"]
                let unitText: String = row["unit"]
                let priceYear: Int? = row["price_year"]
                let basis: EmissionFactor.Basis
                let key: String
                if let currency = CurrencyCode(unitText) {
                    basis = .spend(currency: currency, priceYear: priceYear)
                    key = category
                    guard seenSpend.insert(key).inserted else { continue }
                } else {
                    let unit = MeasureUnit(parsing: unitText)
                    basis = .activity(unit: unit)
                    key = category + "\u{1F}" + unit.symbol
                    guard seenActivity.insert(key).inserted else { continue }
                }
                let value = FieldParser.decimal(text)?.value ?? Double(text) ?? .nan
                factors.append(
                    EmissionFactor(
                        category: category,
                        name: row["name"],
                        kgPerUnit: value,
                        kgPerUnitText: text,
                        basis: basis,
                        source: row["source"],
                        location: SourceLocation(file: library.label, line: row["line"])
                    )
                )
                if scope3[category] == nil, let raw: Int = row["scope3"], let s = Scope3Category(rawValue: raw) { scope3[category] = s }
            }
        }
        return (factors, scope3)
    }
}

extension FactorLibraryRecord: FetchableRecord {
    /// A row of `factor_library` with its `factor_count`.
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.camelCaseAcronyms
}
