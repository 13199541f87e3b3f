import FootprintImport
import GRDB

/// Finds purchase ids that occur twice: within the file being imported, or in it and another
/// active import. Hashes narrow the search; the ids themselves confirm every duplicate, so a hash
/// collision is never reported.
struct DuplicatePurchaseCheck {
    let db: Database
    let importID: Int64
    let replacing: Int64?

    func check(fingerprints: [UInt64], rows: [Int64], file: String) throws {
        var others: [UInt64] = []
        let cursor = try Int64.fetchCursor(
            db, sql: """
                SELECT p.id_hash FROM purchase p JOIN import i ON i.id = p.import_id
                WHERE i.kind = 'purchases' AND i.status = 'active' AND i.id <> ? AND i.id IS NOT ?
                """, arguments: [importID, replacing])
        while let hash = try cursor.next() { others.append(UInt64(bitPattern: hash)) }
        var all = fingerprints + others
        all.sort()
        var repeated = Set<UInt64>()
        var i = 1
        while i < all.count {
            if all[i] == all[i - 1] { repeated.insert(all[i]) }
            i += 1
        }
        guard !repeated.isEmpty else { return }
        // Candidate rows of this import, then exact comparison of ids (including other active imports).
        var candidateRows: [Int64] = []
        for (index, hash) in fingerprints.enumerated() where repeated.contains(hash) { candidateRows.append(rows[index]) }
        var messages: [Diagnostic] = []
        var seen: [String: (line: Int, importID: Int64, file: String)] = [:]
        let hashes = Array(repeated).map { Int64(bitPattern: $0) }
        // Earlier imports first, then this file in line order: the first occurrence is the one named as "already".
        let sql = """
            SELECT p.purchase_id, p.source_line, p.import_id, i.file_name FROM purchase p JOIN import i ON i.id = p.import_id
            WHERE p.id_hash IN (\(hashes.map { _ in "?" }.joined(separator: ","))) AND i.kind = 'purchases'
              AND (i.id = ? OR (i.status = 'active' AND i.id IS NOT ?))
            ORDER BY (p.import_id = ?), p.import_id, p.source_line
            """
        let arguments = StatementArguments(hashes) + [importID, replacing, importID]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let id: String = row[0], line: Int = row[1], imp: Int64 = row[2], name: String = row[3]
            if let first = seen[id] {
                guard imp == importID else { continue }
                let whereFirst = first.importID == importID
                    ? "line \(first.line)"
                    : "import #\(first.importID) (\(first.file)) line \(first.line); if this file corrects that one, import it with --replace \(first.importID)"
                messages.append(Diagnostic(file: file, line: line, column: "id", message: "duplicate purchase id '\(id)'; it is already on \(whereFirst)"))
            } else {
                seen[id] = (line, imp, name)
            }
        }
        _ = candidateRows
        if !messages.isEmpty { throw InputErrorBox(error: InputError(messages)) }
    }
}
