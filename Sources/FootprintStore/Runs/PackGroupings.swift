import GRDB
import GRDBSQLite

/// The columns of a pack that place its lines in the inventory's groupings (date, category, product,
/// customer, flagged Scope 3 category): what refiguring a pack needs, 17 of its 46 bytes a line.
/// Packs never change, so a process may keep them (`CalculationCache`). Layout: `PurchasePack`.
struct PackGroupings: Sendable {
    private(set) var count = 0
    /// The date and category columns, one after the other (as they are in the pack).
    private var dateAndCategory: [Int32] = []
    private var products: [Int32] = []
    private var customers: [Int32] = []
    private var scope3Flags: [UInt8] = []

    @inline(__always) func date(_ i: Int) -> Int32 { dateAndCategory[i] }
    @inline(__always) func category(_ i: Int) -> Int32 { dateAndCategory[count + i] }
    @inline(__always) func product(_ i: Int) -> Int32 { products[i] }
    @inline(__always) func customer(_ i: Int) -> Int32 { customers[i] }
    @inline(__always) func scope3(_ i: Int) -> UInt8 { scope3Flags[i] }

    /// Reads the grouping columns of packs on one connection with SQLite's incremental blob I/O:
    /// only those byte ranges of the pack's blob are copied.
    final class Reader {
        private var blob: OpaquePointer?
        private let connection: OpaquePointer?
        /// The columns last read, whose storage the next read reuses when nobody else keeps them.
        private var spare = PackGroupings()

        init(_ db: Database) { connection = db.sqliteConnection }

        deinit { if let blob { sqlite3_blob_close(blob) } }

        /// The columns of pack `id`; nil when its blob does not have a pack's shape.
        func read(pack id: Int64) throws -> PackGroupings? {
            let code =
                blob == nil
                ? sqlite3_blob_open(connection, "main", "purchase_pack", "data", id, 0, &blob)
                : sqlite3_blob_reopen(blob, id)
            guard code == SQLITE_OK, blob != nil else { throw error(code) }
            let size = Int(sqlite3_blob_bytes(blob))
            guard size >= PurchasePack.headerBytes else { return nil }
            var header: [UInt32] = []
            try column(&header, count: 1, at: 0)
            let n = Int(UInt32(littleEndian: header[0]))
            guard size == PurchasePack.headerBytes + n * PurchasePack.bytesPerLine else { return nil }
            var columns = spare
            spare = PackGroupings()  // so that `columns` is the only owner of its storage, unless the caller kept the last one
            let start = PurchasePack.headerBytes + 16 * n  // the Int32 columns: row offset, date, category, currency, product, unit, customer
            columns.count = n
            try column(&columns.dateAndCategory, count: 2 * n, at: start + 4 * n)
            try column(&columns.products, count: n, at: start + 16 * n)
            try column(&columns.customers, count: n, at: start + 24 * n)
            try column(&columns.scope3Flags, count: n, at: PurchasePack.headerBytes + 45 * n)
            spare = columns
            return columns
        }

        /// `n` values from `offset` of the open blob, into `values` (its storage reused when it has that many).
        private func column<T: FixedWidthInteger>(_ values: inout [T], count n: Int, at offset: Int) throws {
            if values.count != n { values = [T](repeating: 0, count: n) }
            let code = n == 0 ? SQLITE_OK : values.withUnsafeMutableBytes { sqlite3_blob_read(blob, $0.baseAddress, Int32($0.count), Int32(offset)) }
            guard code == SQLITE_OK else { throw error(code) }
            #if _endian(big)
            for i in 0..<n { values[i] = T(littleEndian: values[i]) }
            #endif
        }

        private func error(_ code: Int32) -> DatabaseError {
            DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection")
        }
    }
}
