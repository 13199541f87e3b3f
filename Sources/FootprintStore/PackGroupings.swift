import GRDB
import GRDBSQLite

/// The columns of a pack that place its lines in the inventory's groupings (date, category, product,
/// customer, flagged Scope 3 category), read on their own from the pack's blob with SQLite's
/// incremental blob I/O: what refiguring a pack needs, 17 of its 46 bytes a line, into buffers
/// reused from pack to pack. Layout: `PurchasePack`.
final class PackGroupings {
    private(set) var count = 0
    /// date and category columns, one after the other (they are adjacent in the pack).
    private var dateAndCategory: [Int32] = []
    private var products: [Int32] = []
    private var customers: [Int32] = []
    private var scope3Flags: [UInt8] = []
    private var blob: OpaquePointer?
    private let connection: OpaquePointer?

    init(_ db: Database) { connection = db.sqliteConnection }

    deinit { if let blob { sqlite3_blob_close(blob) } }

    @inline(__always) func date(_ i: Int) -> Int32 { dateAndCategory[i] }
    @inline(__always) func category(_ i: Int) -> Int32 { dateAndCategory[count + i] }
    @inline(__always) func product(_ i: Int) -> Int32 { products[i] }
    @inline(__always) func customer(_ i: Int) -> Int32 { customers[i] }
    @inline(__always) func scope3(_ i: Int) -> UInt8 { scope3Flags[i] }

    /// Reads the columns of pack `id`; false when its blob does not have a pack's shape.
    func read(pack id: Int64) throws -> Bool {
        let code = blob == nil
            ? sqlite3_blob_open(connection, "main", "purchase_pack", "data", id, 0, &blob)
            : sqlite3_blob_reopen(blob, id)
        guard code == SQLITE_OK, let blob else { throw error(code) }
        let size = Int(sqlite3_blob_bytes(blob))
        guard size >= PurchasePack.headerBytes else { return false }
        var header: UInt32 = 0
        try read(into: &header, bytes: 4, at: 0)
        let n = Int(UInt32(littleEndian: header))
        guard size == PurchasePack.headerBytes + n * PurchasePack.bytesPerLine else { return false }
        count = n
        let columns = PurchasePack.headerBytes + 16 * n  // the Int32 columns: row offset, date, category, currency, product, unit, customer
        try column(&dateAndCategory, count: 2 * n, at: columns + 4 * n)
        try column(&products, count: n, at: columns + 16 * n)
        try column(&customers, count: n, at: columns + 24 * n)
        try column(&scope3Flags, count: n, at: PurchasePack.headerBytes + 45 * n)
        return true
    }

    /// `n` values from `offset` of the blob, into `reuse`'s storage when it has that many already.
    private func column<T: FixedWidthInteger>(_ values: inout [T], count n: Int, at offset: Int) throws {
        if values.count != n { values = [T](repeating: 0, count: n) }
        let code = n == 0 ? SQLITE_OK : values.withUnsafeMutableBytes { sqlite3_blob_read(blob, $0.baseAddress, Int32($0.count), Int32(offset)) }
        guard code == SQLITE_OK else { throw error(code) }
        #if _endian(big)
        for i in 0..<n { values[i] = T(littleEndian: values[i]) }
        #endif
    }

    private func read(into value: inout UInt32, bytes: Int, at offset: Int) throws {
        let code = withUnsafeMutableBytes(of: &value) { sqlite3_blob_read(blob, $0.baseAddress, Int32(bytes), Int32(offset)) }
        guard code == SQLITE_OK else { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection")
    }
}
