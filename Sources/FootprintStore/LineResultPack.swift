/// The results of one pack's lines in a run: a status per line (0...3: the method that computed it;
/// 4: unmapped, no factor; 5: unmapped, no exchange rate, `source` = the packed currency code;
/// 6: unmapped, no price index, `source` = the year), kg CO2e, and the index of the footprint,
/// disclosure or factor used in the run's reference data.
struct LineResultPack: Sendable {
    var status: [UInt8] = []
    var kg: [Double] = []
    var source: [Int32] = []

    static let noFactor: UInt8 = 4, noExchangeRate: UInt8 = 5, noPriceIndex: UInt8 = 6

    func encoded() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(4 + status.count * 13)
        withUnsafeBytes(of: UInt32(status.count).littleEndian) { out.append(contentsOf: $0) }
        status.withUnsafeBytes { out.append(contentsOf: $0) }
        kg.withUnsafeBytes { out.append(contentsOf: $0) }
        source.withUnsafeBytes { out.append(contentsOf: $0) }
        return out
    }

    init() {}

    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 4 else { return nil }
        let n = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
        guard bytes.count == 4 + n * 13 else { return nil }
        status = Array(UnsafeRawBufferPointer(rebasing: bytes[4..<4 + n]))
        kg = [Double](unsafeUninitializedCapacity: n) { b, c in
            UnsafeMutableRawBufferPointer(b).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[4 + n..<4 + 9 * n]))
            c = n
        }
        source = [Int32](unsafeUninitializedCapacity: n) { b, c in
            UnsafeMutableRawBufferPointer(b).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[4 + 9 * n..<4 + 13 * n]))
            c = n
        }
    }
}
