import FootprintCore
import FootprintImport
import Foundation
import FuzzSupport

// Arbitrary bytes as a purchases.csv, through every reader of the canonical CSV format: the
// record scanner (with and without its quote-free fast path, which must agree), CSVTable, the
// workspace's PurchaseFileDecoder and the streaming LedgerScanner (two threads) with the example
// company's reference data.

private let input = TemporaryInput(name: "purchases.csv")

private let engine: InventoryEngine = {
    do {
        return InventoryEngine(reference: try ReferenceDataReader.read(directory: FuzzSupport.repositoryRoot + "/examples/nordic-it"))
    } catch {
        FuzzSupport.fail("cannot read the example reference data: \(error)")
    }
}()

private let scanner = LedgerScanner(engine: engine, options: LedgerScanner.Options(threads: 2))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    scanRecords(data, size)
    var diagnostics: [Diagnostic] = []
    _ = try? CSVTable.parse(data: Data(bytes: data, count: size), file: "purchases.csv", diagnostics: &diagnostics)

    input.write(data, size)
    var decoder = PurchaseFileDecoder(displayName: "purchases.csv")
    var visited = 0
    do {
        try decoder.decode(path: input.path) { record, terms in
            visited += 1
            _ = record.amount
        }
    } catch {}
    if visited > decoder.records { FuzzSupport.fail("visited \(visited) records of \(decoder.records)") }
    _ = try? scanner.scan(path: input.path, displayName: "purchases.csv") { _ in }
    return 0
}

/// Every record of the buffer; without quotes, the quote-free path must split exactly as the general one.
private func scanRecords(_ data: UnsafePointer<UInt8>, _ size: Int) {
    var general = CSVRecordScanner(base: data, count: size)
    guard memchr(data, 34, size) == nil else {
        while case .record = general.next() {}
        return
    }
    var fast = CSVRecordScanner(base: data, count: size)
    fast.quoteFree = true
    while true {
        let a = general.next()
        let b = fast.next()
        switch (a, b) {
        case (.end, .end): return
        case (.record(let n), .record(let m)) where n == m:
            for i in 0..<n where general.field(i).start != fast.field(i).start || general.field(i).end != fast.field(i).end {
                FuzzSupport.fail("field \(i) of line \(general.recordLine): \(general.field(i)) vs the quote-free path's \(fast.field(i))")
            }
            if general.line != fast.line || general.position != fast.position {
                FuzzSupport.fail(
                    "after line \(general.recordLine): line/position \(general.line)/\(general.position) vs \(fast.line)/\(fast.position)"
                )
            }
        default:
            FuzzSupport.fail("line \(general.recordLine): \(a) vs the quote-free path's \(b)")
        }
    }
}

FuzzSupport.run(fuzz)
