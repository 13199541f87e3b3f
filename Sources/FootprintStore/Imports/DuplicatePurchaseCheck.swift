import FootprintCore
import FootprintImport
import GRDB

/// Finds purchase ids that occur twice: within the file being imported, or in it and another
/// active import. Hashes of the ids narrow the search; the ids themselves confirm every
/// duplicate, so a hash collision is never reported.
struct DuplicatePurchaseCheck {
    let db: Database
    let importID: Int64
    let replacing: Int64?

    /// `fingerprints[k]` is the hash of the id on row `firstRow + k` of this import.
    func check(fingerprints: [UInt64], firstRow: Int64, file: String) throws {
        // Ids of the other active imports, hashed as the reader hashed this file's.
        var otherHashes: [UInt64] = []
        var otherRows: [Int64] = []
        let statement = try db.makeStatement(
            sql: """
                SELECT p.rowid, p.purchase_id FROM purchase p JOIN import i ON i.id = p.import_id
                WHERE i.kind = 'purchases' AND i.status = 'active' AND i.id <> ? AND i.id IS NOT ?
                """
        )
        let cursor = try Row.fetchCursor(statement, arguments: [importID, replacing])
        while let row = try cursor.next() {
            let id: String = row[1]
            var text = id
            otherHashes.append(text.withUTF8 { byteHash($0.baseAddress!, $0.count) })
            otherRows.append(row[0])
        }
        var all = fingerprints + otherHashes
        all.sort()
        var repeated = Set<UInt64>()
        var i = 1
        while i < all.count {
            if all[i] == all[i - 1] { repeated.insert(all[i]) }
            i += 1
        }
        guard !repeated.isEmpty else { return }
        var candidates: [Int64] = []
        for (index, hash) in fingerprints.enumerated() where repeated.contains(hash) { candidates.append(firstRow + Int64(index)) }
        for (index, hash) in otherHashes.enumerated() where repeated.contains(hash) { candidates.append(otherRows[index]) }
        var found: [(id: String, line: Int, importID: Int64, file: String)] = []
        for chunk in stride(from: 0, to: candidates.count, by: 500).map({ Array(candidates[$0..<min($0 + 500, candidates.count)]) }) {
            let sql = """
                SELECT p.purchase_id, coalesce(p.source_line, p.line), p.import_id, i.file_name FROM purchase p JOIN import i ON i.id = p.import_id
                WHERE p.rowid IN (\(chunk.map(String.init).joined(separator: ",")))
                """
            for row in try Row.fetchAll(db, sql: sql) { found.append((row[0], row[1], row[2], row[3])) }
        }
        // Earlier imports first, then this file in line order: the first occurrence is named as "already".
        found.sort { ($0.importID == importID ? 1 : 0, $0.importID, $0.line) < ($1.importID == importID ? 1 : 0, $1.importID, $1.line) }
        var seen: [String: (line: Int, importID: Int64, file: String)] = [:]
        var messages: [Diagnostic] = []
        for f in found {
            if let first = seen[f.id] {
                guard f.importID == importID else { continue }
                let whereFirst =
                    first.importID == importID
                    ? "line \(first.line)"
                    : "import #\(first.importID) (\(first.file)) line \(first.line); if this file corrects that one, import it with --replace \(first.importID)"
                messages.append(
                    Diagnostic(file: file, line: f.line, column: "id", message: "duplicate purchase id '\(f.id)'; it is already on \(whereFirst)")
                )
            } else {
                seen[f.id] = (f.line, f.importID, f.file)
            }
        }
        if !messages.isEmpty { throw InputErrorBox(error: InputError(messages)) }
    }
}
