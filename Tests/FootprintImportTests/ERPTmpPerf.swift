import FootprintCore
@testable import FootprintImport
import Foundation
import Testing

@Test func erpTmpPerf() throws {
    var text = "Bilag;Dato;Leverandør;Konto;Beløp;Valuta\n"
    for i in 0..<100_000 { text += "\(i);\(i % 28 + 1).03.2024;Leverandør \(i % 300) AS;\(6500 + i % 400);\(i % 90) \(100 + i % 900),\(i % 100);NOK\n" }
    let bytes = Array(text.utf8)
    let start = Date()
    let ledger = try ERPExportConverter.convert(bytes: bytes, fileName: "p.csv", mapping: erpMapping())
    print("ERPPERF", ledger.rowCount, Date().timeIntervalSince(start))
}
