import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

/// A fresh temporary folder, removed by `remove()`.
struct TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// What `read` makes of a temporary folder holding `files` (name to text).
    static func reading<T>(_ files: [String: String], with read: (String) throws -> T) throws -> T {
        let folder = try TempFolder()
        defer { folder.remove() }
        for (name, text) in files { try folder.write(name, text) }
        return try read(folder.url.path)
    }

    /// The problems `read` reports for such a folder, each as `file:line: column 'name': message`; none when it reads.
    static func errors<T>(_ files: [String: String], with read: (String) throws -> T) throws -> [String] {
        do {
            _ = try reading(files, with: read)
            return []
        } catch let error as InputError {
            return error.diagnostics.map(\.description)
        }
    }
}

/// Reference data for the ledger tests; every figure is hand-checkable.
///   S1/P1: 2.5 kg per kg.  S2: (100 + 50 + 850) t x 1000 / 10,000,000 SEK = 0.1 kg per SEK (2023).
///   electricity: 0.5 kg/kWh.  it-services: 0.2 kg/EUR at 2022 prices.  office: 0.3 kg/NOK, no price year.
///   2024: NOK 10.5, SEK 10, EUR 0.9, USD 1 per USD; index 2022 = 100, 2024 = 110.
enum Fixture {
    static let factors = """
        category,name,kgco2e_per_unit,unit,price_year,source
        electricity,Grid electricity,0.5,kWh,,test
        it-services,IT services,0.2,EUR,2022,test
        office,Office supplies,0.3,NOK,,test

        """
    static let rates = "currency,year,per_usd\nNOK,2024,10.5\nSEK,2024,10\nEUR,2024,0.9\nUSD,2024,1\n"
    static let priceIndex = "year,index\n2022,100\n2024,110\n"
    static let disclosures = "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nS2,2023,100,50,850,10000000,SEK\n"
    static let footprints = "supplier,product,kgco2e_per_unit,unit\nS1,P1,2.5,kg\n"
    static let header = "id,date,supplier,category,amount,currency,product,quantity,unit,customer\n"

    static func writeReference(_ folder: TempFolder) throws {
        try folder.write("factors.csv", factors)
        try folder.write("rates.csv", rates)
        try folder.write("price_index.csv", priceIndex)
        try folder.write("supplier_emissions.csv", disclosures)
        try folder.write("product_footprints.csv", footprints)
    }

    static func engine(_ folder: TempFolder) throws -> InventoryEngine {
        InventoryEngine(reference: try ReferenceDataReader.read(directory: folder.url.path))
    }
}

/// Scans `purchases` (a whole purchases.csv) against the fixture's reference data.
func scanLedger(_ purchases: String, threads: Int = 1, blockBytesPerThread: Int = 4 << 20) throws -> InventorySummary {
    let folder = try TempFolder()
    defer { folder.remove() }
    try Fixture.writeReference(folder)
    try folder.write("purchases.csv", purchases)
    let scanner = LedgerScanner(
        engine: try Fixture.engine(folder),
        options: .init(threads: threads, blockBytesPerThread: blockBytesPerThread)
    )
    return try scanner.scan(path: folder.path("purchases.csv"), displayName: "purchases.csv")
}

/// The diagnostics of scanning `purchases`, one description each; empty if the scan succeeds.
func ledgerErrors(_ purchases: String, threads: Int = 1, blockBytesPerThread: Int = 4 << 20) throws -> [String] {
    do {
        _ = try scanLedger(purchases, threads: threads, blockBytesPerThread: blockBytesPerThread)
        return []
    } catch let error as InputError {
        return error.diagnostics.map(\.description)
    }
}

func close(_ a: Double, _ b: Double, rel: Double = 1e-12) -> Bool {
    if a == b { return true }
    return abs(a - b) <= rel * max(abs(a), abs(b), 1e-300)
}

/// SplitMix64: a small, seeded, reproducible random number generator.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Scans `purchases` in a folder of the fixture's reference files, with `files` added or replacing
/// them (categories.csv, another factors.csv), through the folder's boundary for `period`.
func scanFolder(
    _ purchases: String,
    files: [String: String] = [:],
    period: ReportingPeriod? = nil,
    threads: Int = 1,
    blockBytesPerThread: Int = 4 << 20,
    lines: ((UnsafeRawBufferPointer) -> Void)? = nil
) throws -> InventorySummary {
    let folder = try TempFolder()
    defer { folder.remove() }
    try Fixture.writeReference(folder)
    for (name, text) in files { try folder.write(name, text) }
    try folder.write("purchases.csv", purchases)
    let data = try ReferenceDataReader.readFolder(directory: folder.url.path)
    let scanner = LedgerScanner(
        engine: InventoryEngine(reference: data.reference),
        boundary: data.boundary(period: period),
        options: .init(threads: threads, blockBytesPerThread: blockBytesPerThread)
    )
    return try scanner.scan(path: folder.path("purchases.csv"), displayName: "purchases.csv", lines: lines)
}

/// The diagnostics of `scanFolder`, one description each; empty if the scan succeeds.
func scanErrors(_ purchases: String, files: [String: String] = [:], period: ReportingPeriod? = nil) throws -> [String] {
    do {
        _ = try scanFolder(purchases, files: files, period: period)
        return []
    } catch let error as InputError {
        return error.diagnostics.map(\.description)
    }
}

/// The rows of the per-line output of `scanFolder` (header dropped), split into fields.
func linesOut(_ purchases: String, files: [String: String] = [:], period: ReportingPeriod? = nil) throws -> [[String]] {
    var bytes: [UInt8] = []
    _ = try scanFolder(purchases, files: files, period: period) { bytes += $0 }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst().map { CSVLine.fields(String($0)) }
}
