import FootprintImport
import Foundation
import FuzzSupport

// Arbitrary bytes as an ERP mapping file (JSON); a mapping that loads converts a small fixed export.

private let export = Array(
    """
    Document Number,Item,Posting Date,Vendor,Material Group,Quantity,Base Unit of Measure,Amount in Doc. Curr.,Document Currency
    4500010031,00010,03/24/2024,100640,IT-HW-ST,35,EA,"646,945.80",USD
    4500010031,00020,03/24/2024,101002,TEL,,,"6,469.75",USD
    4500010032,00010,2024-03-25,101002,TRV-AIR,1,EA,"1.234,5",EUR
    4500010032,00020,25.03.2024,101002,7130,1,EA,-99,NOK

    """.utf8
)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let mapping = try? ERPMapping.decode(json: Data(bytes: data, count: size), file: "mapping.json", directory: nil) else { return 0 }
    _ = try? ERPExportConverter.convert(bytes: export, fileName: "export.csv", mapping: mapping)
    return 0
}

FuzzSupport.run(fuzz)
