import FootprintCore
import FootprintImport
import Foundation
import GRDB
import GRDBSQLite

extension Workspace {
    /// Lines per pack: a supplier's lines from one import are cut into packs of at most this many.
    static let packLines = 65_536

    /// Imports a canonical purchases file (or one converted from an ERP export): every line as a row
    /// and in its supplier's packs, in one transaction. Any invalid line, or a purchase id that is
    /// already in the file or in another active import, imports nothing; every problem is reported.
    public func importPurchases(path: String, displayName: String, replacing: Int64?, mapping: String?) throws(WorkspaceError) -> ImportOutcome {
        try importPurchases(path: path, displayName: displayName, digest: try FileDigest(path: path), replacing: replacing, mapping: mapping)
    }

    /// Imports an ERP export through a mapping (docs/erp-mappings.md): the export is converted to
    /// the canonical layout (every problem reported against the export's own lines and headers),
    /// then imported as a purchases file. The import records the export's name, size and hash,
    /// and the mapping's; the outcome's notes list ERP values the mapping does not cover.
    public func importPurchases(path: String, mapping mappingPath: String, replacing: Int64?) throws(WorkspaceError) -> ImportOutcome {
        let name = (path as NSString).lastPathComponent
        let digest = try FileDigest(path: path)
        let mappingDigest = try FileDigest(path: mappingPath)
        let converted: ConvertedLedger
        do {
            let mapping = try ERPMapping.load(path: mappingPath)
            converted = try ERPExportConverter.convert(path: path, mapping: mapping)
        } catch {
            throw .input(error)
        }
        let temporary = NSTemporaryDirectory() + "footprint-erp-\(UUID().uuidString).csv"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(converted.csv)) else {
            throw .database("cannot write a temporary file in \(NSTemporaryDirectory())")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let mappingLabel = "\((mappingPath as NSString).lastPathComponent) sha256 \(mappingDigest.sha256)"
        var outcome = try importPurchases(path: temporary, displayName: name, digest: digest, replacing: replacing, mapping: mappingLabel)
        if !converted.unmapped.isEmpty { outcome.notes.append(converted.unmappedReport()) }
        return outcome
    }

    func importPurchases(path: String, displayName: String, digest: FileDigest, replacing: Int64?, mapping: String?) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        if let existing = try read({ db in try activeImport(kind: .purchases, sha256: digest.sha256, db: db) }), replacing == nil {
            return ImportOutcome(record: existing, alreadyImported: true, superseded: nil, seconds: Date().timeIntervalSince(started))
        }
        let importID: Int64 = try transaction { db in
            if let replacing { try checkReplaceable(replacing, kind: .purchases, db: db) }
            let id = try insertImport(kind: .purchases, fileName: displayName, digest: digest, rows: 0, replaces: replacing, mapping: mapping, content: nil, db: db)
            var writer = try PurchaseBulkWriter(db: db, importID: id)
            let rows = try writer.write(path: path, displayName: displayName, replacing: replacing)
            try db.execute(sql: "UPDATE import SET row_count = ? WHERE id = ?", arguments: [rows, id])
            return id
        }
        return ImportOutcome(record: try importRecord(id: importID), alreadyImported: false, superseded: replacing, seconds: Date().timeIntervalSince(started))
    }
}

/// Writes one purchases file into the open transaction with prepared statements, bound straight
/// from the file's bytes.
struct PurchaseBulkWriter {
    let db: Database
    let importID: Int64
    var terms: TermTable

    init(db: Database, importID: Int64) throws {
        self.db = db
        self.importID = importID
        terms = try TermTable(db: db)
    }

    /// Returns the number of lines written; throws (and the caller's transaction rolls back) on any problem.
    mutating func write(path: String, displayName: String, replacing: Int64?) throws -> Int {
        let insert = try db.makeStatement(sql: """
            INSERT INTO purchase (import_id, line, source_line, purchase_id, date, supplier, category, amount, currency,
                                  product, quantity, unit, customer, scope3, erp_category, id_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let packInsert = try db.makeStatement(sql: "INSERT INTO purchase_pack (import_id, supplier, line_count, data) VALUES (?, ?, ?, ?)")
        let statement = insert.sqliteStatement
        let connection = db.sqliteConnection
        var decoder = PurchaseFileDecoder(displayName: displayName)
        var local: [Int64] = []  // decoder term -> workspace term
        var packs: [PurchasePack?] = []  // by supplier term id
        var fingerprints: [UInt64] = []
        var fingerprintRows: [Int64] = []
        var failure: (any Error)?
        let importID = importID

        func flush(_ supplier: Int64, _ pack: PurchasePack) throws {
            let bytes = pack.encoded()
            try packInsert.execute(arguments: [importID, supplier, pack.count, Data(bytes)])
        }

        do {
            try decoder.decode(path: path) { record, interner in
                guard failure == nil else { return }
                while local.count < interner.count {
                    do { local.append(try terms.id(for: interner.string(at: local.count))) } catch { failure = error; return }
                }
                @inline(__always) func term(_ t: Int32) -> Int64 { t < 0 ? -1 : local[Int(t)] }
                @inline(__always) func bindTerm(_ index: Int32, _ t: Int32) {
                    if t < 0 { sqlite3_bind_null(statement, index) } else { sqlite3_bind_int64(statement, index, local[Int(t)]) }
                }
                sqlite3_bind_int64(statement, 1, importID)
                sqlite3_bind_int64(statement, 2, Int64(record.line))
                sqlite3_bind_int64(statement, 3, Int64(record.sourceLine))
                sqlite3_bind_text(statement, 4, record.id.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(record.id.count), nil)
                sqlite3_bind_int64(statement, 5, Int64(record.date))
                bindTerm(6, record.supplier)
                bindTerm(7, record.category)
                sqlite3_bind_text(statement, 8, record.amountText.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(record.amountText.count), nil)
                bindTerm(9, record.currency)
                bindTerm(10, record.product)
                if record.quantity != nil {
                    sqlite3_bind_text(statement, 11, record.quantityText.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(record.quantityText.count), nil)
                } else {
                    sqlite3_bind_null(statement, 11)
                }
                bindTerm(12, record.unit)
                bindTerm(13, record.customer)
                if record.scope3 > 0 { sqlite3_bind_int64(statement, 14, Int64(record.scope3)) } else { sqlite3_bind_null(statement, 14) }
                bindTerm(15, record.erpCategory)
                sqlite3_bind_int64(statement, 16, Int64(bitPattern: record.idHash))
                let code = sqlite3_step(statement)
                sqlite3_reset(statement)
                guard code == SQLITE_DONE else {
                    failure = WorkspaceError.database(String(cString: sqlite3_errmsg(connection)))
                    return
                }
                let row = sqlite3_last_insert_rowid(connection)
                fingerprints.append(record.idHash)
                fingerprintRows.append(row)
                let supplier = term(record.supplier)
                if Int(supplier) >= packs.count { packs += Array(repeating: nil, count: Int(supplier) + 64 - packs.count) }
                var pack = packs[Int(supplier)].take() ?? PurchasePack()
                pack.rows.append(row)
                pack.dates.append(record.date)
                pack.categories.append(Int32(truncatingIfNeeded: term(record.category)))
                pack.currencies.append(Int32(truncatingIfNeeded: term(record.currency)))
                pack.products.append(Int32(truncatingIfNeeded: term(record.product)))
                pack.units.append(Int32(truncatingIfNeeded: term(record.unit)))
                pack.customers.append(Int32(truncatingIfNeeded: term(record.customer)))
                pack.amountDigits.append(record.amount.digits)
                pack.amounts.append(record.amount.value)
                pack.quantities.append(record.quantity?.value ?? .nan)
                pack.amountScales.append(UInt8(record.amount.scale))
                pack.scope3.append(record.scope3)
                if pack.count == Workspace.packLines {
                    do { try flush(supplier, pack) } catch { failure = error }
                    pack.removeAll()
                }
                packs[Int(supplier)] = pack
            }
        } catch {
            throw InputErrorBox(error: error)
        }
        if let failure { throw failure }
        for (supplier, pack) in packs.enumerated() { if let pack, pack.count > 0 { try flush(Int64(supplier), pack) } }
        try DuplicatePurchaseCheck(db: db, importID: importID, replacing: replacing)
            .check(fingerprints: fingerprints, rows: fingerprintRows, file: displayName)
        return decoder.records
    }
}
