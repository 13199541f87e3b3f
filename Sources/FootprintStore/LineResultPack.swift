/// The results of one pack's lines in a run: a status per line (0...3: the method that computed it;
/// 4: unmapped, no factor; 5: unmapped, no exchange rate, `source` = the packed currency code;
/// 6: unmapped, no price index, `source` = the year), kg CO2e, and the index of the footprint,
/// disclosure or factor used in the run's reference data.
///
/// Bit `fellThrough` (0x40) of a status marks a line that fell through the supplier-specific rule because
/// no footprint of its product was valid on its date; `base(status)` is the status without it.
///
/// Layout (little-endian, n lines): n UInt32, kg Float64 x n, source Int32 x n, status UInt8 x n: 13 bytes a line.
enum LineResultPack {
    static let noFactor: UInt8 = 4, noExchangeRate: UInt8 = 5, noPriceIndex: UInt8 = 6
    static let headerBytes = 4
    static let fellThrough: UInt8 = 0x40

    /// The status without the fall-through bit: 0...3 a method, 4...6 unmapped.
    @inline(__always) static func base(_ status: UInt8) -> UInt8 { status & 0x3F }

    static func byteCount(lines n: Int) -> Int { headerBytes + 13 * n }

    /// Writes results into a buffer of `byteCount(lines:)` bytes, line by line. The buffer is managed
    /// by hand so that setting a line costs three stores; `bytes` copies it out.
    final class Writer {
        private let buffer: UnsafeMutableRawBufferPointer
        let n: Int

        init(lines n: Int) {
            self.n = n
            buffer = .allocate(byteCount: LineResultPack.byteCount(lines: n), alignment: 8)
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            buffer.storeBytes(of: UInt32(n).littleEndian, as: UInt32.self)
        }

        /// Starts from stored results.
        init(copying stored: View) {
            n = stored.count
            buffer = .allocate(byteCount: LineResultPack.byteCount(lines: n), alignment: 8)
            buffer.copyMemory(from: stored.bytes)
        }

        deinit { buffer.deallocate() }

        var bytes: [UInt8] { Array(buffer) }

        @inline(__always)
        func set(_ i: Int, status: UInt8, kg: Double, source: Int32) {
            buffer.storeBytes(of: kg, toByteOffset: 4 + i * 8, as: Double.self)
            buffer.storeBytes(of: source, toByteOffset: 4 + 8 * n + i * 4, as: Int32.self)
            buffer.storeBytes(of: status, toByteOffset: 4 + 12 * n + i, as: UInt8.self)
        }
    }

    /// Results read in place from a blob.
    struct View {
        let count: Int
        private let base: UnsafeRawPointer
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: LineResultPack.byteCount(lines: count)) }

        init?(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count >= 4, let base = bytes.baseAddress else { return nil }
            let n = Int(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
            guard bytes.count == LineResultPack.byteCount(lines: n) else { return nil }
            self.base = base
            count = n
        }

        @inline(__always) func kg(_ i: Int) -> Double { base.loadUnaligned(fromByteOffset: 4 + i * 8, as: Double.self) }
        @inline(__always) func source(_ i: Int) -> Int32 { base.loadUnaligned(fromByteOffset: 4 + 8 * count + i * 4, as: Int32.self) }
        @inline(__always) func status(_ i: Int) -> UInt8 { base.load(fromByteOffset: 4 + 12 * count + i, as: UInt8.self) }
    }
}
