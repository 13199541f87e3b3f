import FootprintCore
import FootprintImport
import Foundation
import GRDB
import GRDBSQLite

extension ImportStore {
    /// Lines per pack: a supplier's lines from one import are cut into packs of at most this many.
    static let packLines = 65_536

    /// Imports a canonical purchases file (or one converted from an ERP export): every line as a row
    /// and in its supplier's packs, in one transaction. Any invalid line, or a purchase id that is
    /// already in the file or in another active import, imports nothing; every problem is reported.
    /// `progress` hears the bytes and records read of the file, then the check of purchase ids and the commit.
    public func importPurchases(
        path: String,
        displayName: String,
        replacing: Int64?,
        mapping: String?,
        progress: ProgressReporter? = nil
    ) throws(WorkspaceError) -> ImportOutcome {
        try importPurchases(
            source: .file(path: path),
            displayName: displayName,
            digest: nil,
            replacing: replacing,
            mapping: mapping,
            progress: progress
        )
    }

    /// Imports an ERP export through a mapping (docs/erp-mappings.md): the export is converted to
    /// the canonical layout (every problem reported against the export's own lines and headers),
    /// then imported as a purchases file. The import records the export's name, size and hash,
    /// and the mapping's; the outcome's notes list ERP values the mapping does not cover.
    public func importPurchases(
        path: String,
        mapping mappingPath: String,
        replacing: Int64?,
        progress: ProgressReporter? = nil
    ) throws(WorkspaceError) -> ImportOutcome {
        progress?.begin("converting the export", upTo: 0.1)
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
        let mappingLabel = "\((mappingPath as NSString).lastPathComponent) sha256 \(mappingDigest.sha256)"
        var outcome = try importPurchases(
            source: .converted(converted),
            displayName: name,
            digest: digest,
            replacing: replacing,
            mapping: mappingLabel,
            progress: progress
        )
        if !converted.unmapped.isEmpty { outcome.notes.append(converted.unmappedReport()) }
        return outcome
    }

    func importPurchases(
        source: PurchaseSource,
        displayName: String,
        digest: FileDigest?,
        replacing: Int64?,
        mapping: String?,
        progress: ProgressReporter? = nil
    ) throws(WorkspaceError) -> ImportOutcome {
        let started = Date()
        // The file is hashed while it is read. Only when an active import has the same size can it be
        // the same file: then hash it first, so that a repeated import costs one read and no writes.
        var digest = digest
        if digest == nil, replacing == nil, case .file(let path) = source {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
            let sameSize = try workspace.read { db in
                try Bool.fetchOne(
                    db,
                    sql: "SELECT EXISTS (SELECT 1 FROM import WHERE kind = 'purchases' AND status = 'active' AND byte_count = ?)",
                    arguments: [size]
                ) ?? false
            }
            if sameSize { digest = try FileDigest(path: path) }
        }
        if let digest, let already = try alreadyImported(kind: .purchases, sha256: digest.sha256, replacing: replacing, since: started) {
            return already
        }
        let importID: Int64
        do {
            importID = try workspace.transaction { db in
                if let replacing { try checkReplaceable(replacing, kind: .purchases, db: db) }
                let id = try insertImport(
                    kind: .purchases,
                    fileName: displayName,
                    digest: digest ?? FileDigest(byteCount: 0, sha256: "pending"),
                    rows: 0,
                    replaces: replacing,
                    mapping: mapping,
                    content: nil,
                    db: db
                )
                let read = try PurchaseBulkWriter(db: db, importID: id, progress: progress)
                    .write(source: source, displayName: displayName, replacing: replacing)
                progress?.begin("committing", upTo: 1)
                let sha = digest?.sha256 ?? read.sha256
                if replacing == nil, let existing = try activeImport(kind: .purchases, sha256: sha, db: db), existing.id != id {
                    throw AlreadyImported(record: existing)
                }
                try db.execute(
                    sql: "UPDATE import SET row_count = ?, sha256 = ?, byte_count = ?, first_date = ?, last_date = ? WHERE id = ?",
                    arguments: [
                        read.records, sha, digest?.byteCount ?? read.byteCount, read.records > 0 ? Int64(read.firstDate) : nil,
                        read.records > 0 ? Int64(read.lastDate) : nil, id,
                    ]
                )
                return id
            }
        } catch .alreadyImported(let existing) {
            return ImportOutcome(record: existing, alreadyImported: true, superseded: nil, seconds: Date().timeIntervalSince(started))
        }
        return try imported(id: importID, replacing: replacing, since: started)
    }
}

/// The file turned out to be one already imported: the transaction is rolled back.
struct AlreadyImported: Error {
    var record: ImportRecord
}

/// Writes one purchases file into the open transaction: a reading thread decodes, validates and
/// packs the file (`PurchaseFileReader`) while this thread inserts its rows, terms and packs with
/// prepared statements.
struct PurchaseBulkWriter {
    let db: Database
    let importID: Int64
    var progress: ProgressReporter?

    func write(source: PurchaseSource, displayName: String, replacing: Int64?) throws -> PurchaseFileReader.Result {
        var terms: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, text FROM term") { terms[row["text"]] = row["id"] }
        let nextTerm = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM term") ?? 1
        let firstRow = try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) + 1 FROM purchase") ?? 1
        let reader = PurchaseFileReader(
            source: source,
            displayName: displayName,
            terms: terms,
            nextTerm: nextTerm,
            firstRow: firstRow,
            progress: progress
        )
        let queue = BlockingQueue<RowBatch>(capacity: 4)
        let reading = Background(label: "footprint.import.read") { reader.run(into: queue) }
        do {
            try insert(from: queue)
        } catch {
            queue.cancel()
            reading.value()
            throw error
        }
        reading.value()
        let result = reader.result
        if let error = result.error { throw InputErrorBox(error: error) }
        progress?.begin("checking purchase ids", upTo: 0.95)
        try DuplicatePurchaseCheck(db: db, importID: importID, replacing: replacing)
            .check(fingerprints: result.fingerprints, firstRow: result.firstRow, file: displayName)
        return result
    }

    private func insert(from queue: BlockingQueue<RowBatch>) throws {
        let termInsert = try db.makeStatement(sql: "INSERT INTO term (id, text) VALUES (?, ?)")
        let packInsert = try db.makeStatement(sql: "INSERT INTO purchase_pack (import_id, supplier, line_count, data) VALUES (?, ?, ?, ?)")
        // Rows go in 32 at a time (one statement with 32 value lists): fewer statement steps per row.
        // id_hash is left NULL: duplicate checks hash the ids themselves.
        let columns =
            "rowid, import_id, line, source_line, purchase_id, date, supplier, category, amount, currency, product, quantity, unit, customer, scope3, erp_category, invoice"
        let perRow = 17
        let group = 32
        let one = "(" + Array(repeating: "?", count: perRow).joined(separator: ",") + ")"
        let groupInsert = try db.makeStatement(
            sql: "INSERT INTO purchase (\(columns)) VALUES " + Array(repeating: one, count: group).joined(separator: ",")
        )
        let rowInsert = try db.makeStatement(sql: "INSERT INTO purchase (\(columns)) VALUES " + one)
        let connection = db.sqliteConnection
        let importID = importID
        while let batch = queue.take() {
            for (id, text) in batch.newTerms { try termInsert.execute(arguments: [id, text]) }
            try batch.text.withUnsafeBufferPointer { text throws in
                let base = UnsafeRawPointer(text.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
                func bind(_ statement: OpaquePointer?, _ r: RowBatch.Row, at first: Int32) {
                    @inline(__always) func term(_ index: Int32, _ t: Int64) {
                        if t < 0 { sqlite3_bind_null(statement, first + index) } else { sqlite3_bind_int64(statement, first + index, t) }
                    }
                    sqlite3_bind_int64(statement, first + 1, r.row)
                    sqlite3_bind_int64(statement, first + 2, importID)
                    sqlite3_bind_int64(statement, first + 3, Int64(r.line))
                    if r.sourceLine != r.line {
                        sqlite3_bind_int64(statement, first + 4, Int64(r.sourceLine))
                    } else {
                        sqlite3_bind_null(statement, first + 4)
                    }
                    sqlite3_bind_text(statement, first + 5, base + Int(r.idStart), r.idCount, nil)
                    sqlite3_bind_int64(statement, first + 6, Int64(r.date))
                    term(7, r.supplier)
                    term(8, r.category)
                    sqlite3_bind_text(statement, first + 9, base + Int(r.amountStart), r.amountCount, nil)
                    term(10, r.currency)
                    term(11, r.product)
                    if r.quantityStart >= 0 {
                        sqlite3_bind_text(statement, first + 12, base + Int(r.quantityStart), r.quantityCount, nil)
                    } else {
                        sqlite3_bind_null(statement, first + 12)
                    }
                    term(13, r.unit)
                    term(14, r.customer)
                    if r.scope3 > 0 { sqlite3_bind_int64(statement, first + 15, Int64(r.scope3)) } else { sqlite3_bind_null(statement, first + 15) }
                    term(16, r.erpCategory)
                    if r.invoiceStart >= 0 {
                        sqlite3_bind_text(statement, first + 17, base + Int(r.invoiceStart), r.invoiceCount, nil)
                    } else {
                        sqlite3_bind_null(statement, first + 17)
                    }
                }
                func step(_ statement: OpaquePointer?) throws {
                    let code = sqlite3_step(statement)
                    sqlite3_reset(statement)
                    guard code == SQLITE_DONE else { throw WorkspaceError.database(String(cString: sqlite3_errmsg(connection))) }
                }
                let rows = batch.rows
                var i = 0
                let grouped = groupInsert.sqliteStatement
                let single = rowInsert.sqliteStatement
                while i + group <= rows.count {
                    for k in 0..<group { bind(grouped, rows[i + k], at: Int32(k * perRow)) }
                    try step(grouped)
                    i += group
                }
                while i < rows.count {
                    bind(single, rows[i], at: 0)
                    try step(single)
                    i += 1
                }
            }
            for pack in batch.packs { try packInsert.execute(arguments: [importID, pack.supplier, pack.count, Data(pack.data)]) }
        }
    }
}
