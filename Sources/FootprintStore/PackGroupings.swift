import GRDB
import GRDBSQLite

/// The columns of a pack that place its lines in the inventory's groupings (date, category, product,
/// customer, flagged Scope 3 category): what refiguring a pack needs, 17 of its 46 bytes a line.
/// Packs never change, so a process may keep them (`CalculationCache`). Layout: `PurchasePack`.
struct PackGroupings: Sendable {
    let count: Int
    /// The date and category columns, one after the other (as they are in the pack).
    private let dateAndCategory: [Int32]
    private let products: [Int32]
    private let customers: [Int32]
    private let scope3Flags: [UInt8]

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

        init(_ db: Database) { connection = db.sqliteConnection }

        deinit { if let blob { sqlite3_blob_close(blob) } }

        /// The columns of pack `id`; nil when its blob does not have a pack's shape.
        func read(pack id: Int64) throws -> PackGroupings? {
            let code = blob == nil
                ? sqlite3_blob_open(connection, "main", "purchase_pack", "data", id, 0, &blob)
                : sqlite3_blob_reopen(blob, id)
            guard code == SQLITE_OK, blob != nil else { throw error(code) }
            let size = Int(sqlite3_blob_bytes(blob))
            guard size >= PurchasePack.headerBytes else { return nil }
            let header: [UInt32] = try column(count: 1, at: 0)
            let n = Int(UInt32(littleEndian: header[0]))
            guard size == PurchasePack.headerBytes + n * PurchasePack.bytesPerLine else { return nil }
            let columns = PurchasePack.headerBytes + 16 * n  // the Int32 columns: row offset, date, category, currency, product, unit, customer
            return PackGroupings(
                count: n, dateAndCategory: try column(count: 2 * n, at: columns + 4 * n), products: try column(count: n, at: columns + 16 * n),
                customers: try column(count: n, at: columns + 24 * n), scope3Flags: try column(count: n, at: PurchasePack.headerBytes + 45 * n))
        }

        /// `n` values from `offset` of the open blob.
        private func column<T: FixedWidthInteger>(count n: Int, at offset: Int) throws -> [T] {
            var values = [T](repeating: 0, count: n)
            let code = n == 0 ? SQLITE_OK : values.withUnsafeMutableBytes { sqlite3_blob_read(blob, $0.baseAddress, Int32($0.count), Int32(offset)) }
            guard code == SQLITE_OK else { throw error(code) }
            #if _endian(big)
            for i in 0..<n { values[i] = T(littleEndian: values[i]) }
            #endif
            return values
        }

        private func error(_ code: Int32) -> DatabaseError {
            DatabaseError(resultCode: ResultCode(rawValue: code), message: connection.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection")
        }
    }
}
