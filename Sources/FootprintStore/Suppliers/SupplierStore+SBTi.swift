import FootprintCore
import FootprintImport
import Foundation
import GRDB

/// What reading an SBTi companies workbook against the register found; applying it stores the
/// facts of the unambiguous matches.
public struct SBTiImportPlan: Sendable {
    public var file: String
    public var sha256: String
    public var byteCount: Int
    public var sheet: String
    public var companyCount: Int
    /// Optional columns the workbook does not have.
    public var missingColumns: [String]
    /// Workbook rows that could not be read.
    public var skipped: [String]
    /// One per supplier of the register.
    public var matches: [SBTiMatcher.Match]

    /// The source every fact names: the workbook's file name and SHA-256.
    public var source: String { "SBTi companies workbook \(file) sha256 \(sha256)" }

    public var matched: [(SupplierRecord, SBTiCompany, SBTiMatcher.Key)] {
        matches.compactMap { m in if case .matched(let c, let key) = m.outcome { (m.supplier, c, key) } else { nil } }
    }
}

extension SupplierStore {
    /// Reads an SBTi companies workbook and matches the register's suppliers to it. Nothing is stored.
    public func planSBTiImport(path: String, displayName: String) throws(WorkspaceError) -> SBTiImportPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input(InputError(file: displayName, message: "cannot read '\(path)': no such file or not readable"))
        }
        let result: SBTiWorkbookReader.Result
        do { result = try SBTiWorkbookReader.read(data: data, file: displayName) } catch {
            throw .input(InputError(file: displayName, message: error.message))
        }
        let register = try supplierRegister()
        let digest = FileDigest(bytes: data)
        return SBTiImportPlan(
            file: displayName,
            sha256: digest.sha256,
            byteCount: digest.byteCount,
            sheet: result.sheet,
            companyCount: result.companies.count,
            missingColumns: result.missingColumns,
            skipped: result.skipped,
            matches: SBTiMatcher.match(suppliers: register, companies: result.companies)
        )
    }

    /// Stores the SBTi facts of the plan's unambiguous matches, checked on `checkedOn` (YYYY-MM-DD),
    /// as one import (the workbook's name, size and SHA-256; never its content), all or nothing.
    public func applySBTiImport(_ plan: SBTiImportPlan, checkedOn: String) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        if let already = try workspace.imports.alreadyImported(kind: .sbtiWorkbook, sha256: plan.sha256, replacing: nil, since: started) {
            return already
        }
        let facts = plan.matched.map { s, c, _ in (c.fact(supplier: s.id, source: plan.source, checkedOn: checkedOn), c.row) }
        let id: Int64 = try workspace.transaction { db in
            let importID = try workspace.imports.insertImport(
                kind: .sbtiWorkbook,
                fileName: plan.file,
                digest: FileDigest(byteCount: plan.byteCount, sha256: plan.sha256),
                rows: facts.count,
                replaces: nil,
                mapping: nil,
                content: nil,
                db: db
            )
            for (fact, row) in facts { try Self.insertFact(fact, importID: importID, line: row, db: db) }
            return importID
        }
        return try workspace.imports.imported(id: id, replacing: nil, since: started)
    }
}
