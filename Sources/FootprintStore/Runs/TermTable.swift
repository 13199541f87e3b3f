import GRDB

/// The workspace's repeated texts (supplier ids, categories, currencies, units, products,
/// customers, ERP categories), each stored once and referred to by number.
struct TermTable {
    private var ids: [String: Int64] = [:]
    private let db: Database
    private let insert: Statement

    init(db: Database) throws {
        self.db = db
        for row in try Row.fetchAll(db, sql: "SELECT id, text FROM term") { ids[row["text"]] = row["id"] }
        insert = try db.makeStatement(sql: "INSERT INTO term (text) VALUES (?)")
    }

    mutating func id(for text: String) throws -> Int64 {
        if let id = ids[text] { return id }
        try insert.execute(arguments: [text])
        let id = db.lastInsertedRowID
        ids[text] = id
        return id
    }

    /// Every term's text, indexed by id (ids are small and dense).
    static func texts(db: Database) throws -> [String?] {
        var texts: [String?] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, text FROM term ORDER BY id") {
            let id: Int = row["id"]
            if id >= texts.count { texts += Array(repeating: nil, count: id + 1 - texts.count) }
            texts[id] = row["text"]
        }
        return texts
    }
}
