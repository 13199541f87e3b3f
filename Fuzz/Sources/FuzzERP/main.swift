import FootprintImport
import Foundation
import FuzzSupport

// Arbitrary bytes as an ERP export, converted through the two example mappings (examples/erp:
// Nordic, windows-1252 with ';' and decimal commas; SAP, UTF-8 with ',' and US numbers). What
// converts must be a canonical purchases file that PurchaseFileDecoder reads without a problem.

private let mappings: [ERPMapping] = ["nordic", "sap"].map { name in
    do {
        return try ERPMapping.load(path: FuzzSupport.repositoryRoot + "/examples/erp/\(name)/mapping.json")
    } catch {
        FuzzSupport.fail("cannot read the \(name) mapping: \(error)")
    }
}

private let converted = TemporaryInput(name: "converted.csv")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    for mapping in mappings {
        guard let ledger = try? ERPExportConverter.convert(bytes: bytes, fileName: "export.csv", mapping: mapping) else { continue }
        ledger.csv.withUnsafeBufferPointer { converted.write($0.baseAddress!, $0.count) }
        var decoder = PurchaseFileDecoder(displayName: "converted.csv")
        var rows = 0
        do {
            try decoder.decode(path: converted.path) { _, _ in rows += 1 }
        } catch {
            FuzzSupport.fail("the converted ledger does not read back: \(error)\n\(String(decoding: ledger.csv, as: UTF8.self))")
        }
        if rows != ledger.rowCount { FuzzSupport.fail("converted \(ledger.rowCount) rows, read back \(rows)") }
        // The workspace reads the rows directly, with the same decoder: it must agree.
        var direct = PurchaseFileDecoder(displayName: "export.csv")
        var directRows = 0
        do {
            try direct.decode(ledger) { _, _ in directRows += 1 }
        } catch {
            FuzzSupport.fail("the converted rows do not decode: \(error)")
        }
        if directRows != rows { FuzzSupport.fail("the rows decode to \(directRows) lines, their CSV to \(rows)") }
    }
    return 0
}

FuzzSupport.run(fuzz)
