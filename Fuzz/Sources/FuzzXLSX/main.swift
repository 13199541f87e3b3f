import FootprintImport
import Foundation
import FuzzSupport
import ZIPFoundation

// Arbitrary bytes as an .xlsx workbook, written to a file and opened as the factor-library
// readers do (XLSXWorkbook(path:)); every sheet it names is read cell by cell.
//
// An input that does not start with a ZIP signature ("PK") is the XML of a worksheet instead
// (and, after a NUL byte, of the shared-string table), zipped here into a workbook around it: the
// XML readers behind a ZIP's checksums are then reached too.

private let input = TemporaryInput(name: "workbook.xlsx")

private let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
private let fixedParts: [(String, String)] = [
    (
        "_rels/.rels",
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """
    ),
    (
        "xl/workbook.xml",
        """
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="\(relationships)">\
        <sheets><sheet name="Sheet" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    ),
    (
        "xl/_rels/workbook.xml.rels",
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationships)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationships)/sharedStrings" Target="sharedStrings.xml"/></Relationships>
        """
    ),
]
private let defaultSharedStrings = Data("<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if size >= 2 && data[0] == UInt8(ascii: "P") && data[1] == UInt8(ascii: "K") {
        input.write(data, size)
    } else {
        let bytes = UnsafeBufferPointer(start: data, count: size)
        let nul = bytes.firstIndex(of: 0)
        let sheet = Data(bytes[..<(nul ?? size)])
        let shared = nul.map { Data(bytes[($0 + 1)...]) } ?? defaultSharedStrings
        let zipped = workbook(sheet: sheet, sharedStrings: shared)
        zipped.withUnsafeBytes { input.write($0.bindMemory(to: UInt8.self).baseAddress!, $0.count) }
    }
    guard let workbook = try? XLSXWorkbook(path: input.path) else { return 0 }
    for name in workbook.sheetNames {
        guard let sheet = try? workbook.sheet(named: name) else { continue }
        for row in sheet.rowNumbers.prefix(64) { _ = sheet.cells(inRow: row) }
        _ = sheet.textRows()
    }
    return 0
}

/// A workbook with one sheet, `Sheet`, whose part and shared strings are the given bytes (stored, not compressed).
private func workbook(sheet: Data, sharedStrings: Data) -> Data {
    do {
        let archive = try Archive(accessMode: .create)
        let parts = fixedParts.map { ($0.0, Data($0.1.utf8)) } + [("xl/worksheets/sheet1.xml", sheet), ("xl/sharedStrings.xml", sharedStrings)]
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count)) { position, count in
                bytes.subdata(in: Int(position)..<Int(position) + count)
            }
        }
        guard let data = archive.data else { FuzzSupport.fail("the in-memory archive has no data") }
        return data
    } catch {
        FuzzSupport.fail("cannot zip the workbook: \(error)")
    }
}

FuzzSupport.run(fuzz)
