import FootprintCore

/// The results of one pack's lines in a run: an outcome per line (`LineOutcome.byte`: the method that
/// computed it, or the status of its `UnmappedCause`, whose figure is the source: the packed currency
/// code, the year), a value, and a source.
///
/// Two formats, told apart by bit 31 of the header:
/// - activity results (bit set; what runs store now): the value is the line's activity (converted
///   quantity or amount) and the source its `LineResult.rank`: which of its supplier's footprints or
///   disclosures, or which factor, multiplied it. kg = activity x that figure
///   (`InventoryEngine.figure`), exactly as the engine computed it. A supplier's new figures of the same
///   shape leave these results valid: only the kg changes, and it is not stored.
/// - kg results (bit clear; runs stored by earlier versions): the value is kg CO2e and the source an
///   index into the run's reference data. They are read as they are, never written.
///
/// The outcome's fall-through bit marks a line that fell through the supplier-specific rule because
/// no footprint of its product was valid on its date.
///
/// Layout (little-endian, n lines): n UInt32 (| 1 << 31 for activity results), value Float64 x n,
/// source Int32 x n, status UInt8 x n: 13 bytes a line.
enum LineResultPack {
    static let activityFlag: UInt32 = 1 << 31
    static let headerBytes = 4

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
            buffer.storeBytes(of: (UInt32(n) | LineResultPack.activityFlag).littleEndian, as: UInt32.self)
        }

        /// Starts from stored activity results.
        init(copying stored: View) {
            precondition(stored.isActivity, "kg results are read, never rewritten")
            n = stored.count
            buffer = .allocate(byteCount: LineResultPack.byteCount(lines: n), alignment: 8)
            buffer.copyMemory(from: stored.bytes)
        }

        deinit { buffer.deallocate() }

        var bytes: [UInt8] { Array(buffer) }

        @inline(__always)
        func set(_ i: Int, outcome: LineOutcome, activity: Double, source: Int32) {
            buffer.storeBytes(of: activity, toByteOffset: 4 + i * 8, as: Double.self)
            buffer.storeBytes(of: source, toByteOffset: 4 + 8 * n + i * 4, as: Int32.self)
            buffer.storeBytes(of: outcome.byte, toByteOffset: 4 + 12 * n + i, as: UInt8.self)
        }
    }

    /// Results read in place from a blob.
    struct View {
        let count: Int
        /// Activity results (else kg results).
        let isActivity: Bool
        private let base: UnsafeRawPointer
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: LineResultPack.byteCount(lines: count)) }

        init?(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count >= 4, let base = bytes.baseAddress else { return nil }
            let header = UInt32(littleEndian: base.loadUnaligned(as: UInt32.self))
            let n = Int(header & ~LineResultPack.activityFlag)
            guard bytes.count == LineResultPack.byteCount(lines: n) else { return nil }
            self.base = base
            count = n
            isActivity = header & LineResultPack.activityFlag != 0
        }

        /// The activity (activity results) or kg (kg results).
        @inline(__always) func value(_ i: Int) -> Double { base.loadUnaligned(fromByteOffset: 4 + i * 8, as: Double.self) }
        @inline(__always) func source(_ i: Int) -> Int32 { base.loadUnaligned(fromByteOffset: 4 + 8 * count + i * 4, as: Int32.self) }
        /// The outcome of line `i`; a byte that is no outcome (never written) reads as unmapped for want of a factor.
        @inline(__always) func outcome(_ i: Int) -> LineOutcome {
            LineOutcome(byte: base.load(fromByteOffset: 4 + 12 * count + i, as: UInt8.self)) ?? LineOutcome(.noFactor)
        }
    }
}
