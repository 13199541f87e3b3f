import Foundation
import Testing

@testable import FootprintImport

/// Inputs on which fuzzing (docs/fuzzing.md, Fuzz/Corpus/xlsx/regression-*) stopped the process in the
/// xlsx reader's dependencies; each is now refused with an error.
@Suite("XLSX reader on fuzzed input")
struct XLSXFuzzRegressionTests {
    /// An end-of-central-directory record whose one entry lies past the end of the bytes: ZIPFoundation's
    /// in-memory file read at that offset and trapped (`Range requires lowerBound <= upperBound`).
    @Test func centralDirectoryPastTheEnd() throws {
        let eocd: [UInt8] = [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 0xE8, 0x03, 0, 0, 0, 0]
        let error = try #require(throws: XLSXError.self) { try XLSXWorkbook(data: Data(eocd), file: "x.xlsx") }
        #expect(error.message.contains("not a readable ZIP archive"), "\(error)")
    }

    @Test func emptyArchiveHasNoPartsAndZIP64IsRefused() throws {
        let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        #expect(try XLSXArchive(Data(empty)).parts.isEmpty)
        let locator: [UInt8] = [0x50, 0x4B, 0x06, 0x07] + [UInt8](repeating: 0, count: 16)
        let error = try #require(throws: XLSXArchive.Problem.self) { try XLSXArchive(Data(locator + empty)) }
        #expect(error.message.contains("ZIP64"))
    }

    /// The workbook the fuzzer found: one byte changed at the end of a sheet's deflated data, whose stream
    /// then does not end. ZIPFoundation (on Linux) inflated on past the part to the end of the archive and
    /// then looped forever on empty reads.
    @Test func deflatedPartThatNeverEnds() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Fuzz/Corpus/xlsx/regression-deflate-never-ends.xlsx"
        )
        let data = try Data(contentsOf: seed)
        let error = try #require(throws: XLSXError.self) { try XLSXWorkbook(data: data, file: "x.xlsx") }
        #expect(error.message.contains("xl/worksheets/sheet1.xml"), "\(error)")
    }

    /// A deflated part cut short (the first three bytes of the deflate of `<a/>`).
    @Test func deflatedPartCutShort() throws {
        // Deflate of "<a/>" cut short: a fixed-Huffman block without its end-of-block code.
        let name = Array("xl/workbook.xml".utf8)
        let data: [UInt8] = [0xB3, 0x49, 0xD4]
        var zip: [UInt8] = []
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        zip += [0x50, 0x4B, 0x03, 0x04] + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4) + le(data.count, 4) + le(4, 4)
        zip += le(name.count, 2) + le(0, 2) + name + data
        let directory = zip.count
        zip += [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4) + le(data.count, 4)
        zip += le(4, 4) + le(name.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + name
        let directorySize = zip.count - directory
        zip += [0x50, 0x4B, 0x05, 0x06] + le(0, 4) + le(1, 2) + le(1, 2) + le(directorySize, 4) + le(directory, 4) + le(0, 2)
        let error = try #require(throws: XLSXError.self) { try XLSXWorkbook(data: Data(zip), file: "x.xlsx") }
        #expect(error.message.contains("damaged or ends early"), "\(error)")
    }

    /// The shared-string part the fuzzer found: an element name with bytes that are not UTF-8, which libxml2
    /// passes on in recovery mode and FoundationXML force-unwraps as a string (a trap).
    @Test func elementNameThatIsNotUTF8() throws {
        let part =
            Array(#"<sst><si><t>p</t><rP`><t>q</t></rPh></si><si><r><t>r</t></r></setml/2006/main"><x:sheetDa"#.utf8)
            + [0xFF, 0xFF, 0xFF, 0xFF]
            + Array(
                #"x:row r="7"><x:c r="AA7" t="s"><x:v>1</x:v></x:c><x:c t="d"*><x:v>2024-01-01</xzv></x:c></x:row></x:sheetData></x:worksheet>"#.utf8
            )
            + [0] + Array(#"<sst><si><t>p</t><rP`><t>q</t></rPh></si><si><r><t>r</t></r></si></sst`>"#.utf8)
        let error = try #require(throws: XLSXPartError.self) {
            try XLSXXML.parse(Data(part), part: "xl/sharedStrings.xml", delegate: SharedStringsXMLReader())
        }
        #expect(error.message.contains("not UTF-8"))
    }

    /// A 928-byte worksheet of 20 rows, each with one cell at column ZZZZZ (12,356,630): `textRows` laid out
    /// every row that wide, gigabytes in all (the fuzz target's timeout). References are now kept inside
    /// Excel's grid; a cell beyond it counts as unaddressed (the next column).
    @Test func referencesFarOutsideTheGrid() throws {
        let rows = (1...20).map { #"<row r="\#($0)"><c r="ZZZZZ\#($0)"><v>1</v></c></row>"# }.joined()
        let reader = WorksheetXMLReader(sharedStrings: [])
        try XLSXXML.parse(Data("<worksheet><sheetData>\(rows)</sheetData></worksheet>".utf8), part: "sheet1.xml", delegate: reader)
        let sheet = XLSXSheet(name: "S", cells: reader.cells)
        #expect(sheet.textRows().map(\.fields.count) == Array(repeating: 1, count: 20))
        #expect(XLSXCellReference("XFD1048576") != nil)
        #expect(XLSXCellReference("XFE1") == nil)
        #expect(XLSXCellReference("A1048577") == nil)
    }

    /// A row numbered Int.max followed by one without a number overflowed the row counter.
    @Test func rowNumberAtIntMax() throws {
        let reader = WorksheetXMLReader(sharedStrings: [])
        let xml = #"<worksheet><sheetData><row r="9223372036854775807"/><row><c><v>1</v></c></row></sheetData></worksheet>"#
        try XLSXXML.parse(Data(xml.utf8), part: "sheet1.xml", delegate: reader)
        #expect(reader.cells.map(\.reference) == [XLSXCellReference(row: 2, column: 1)])
    }
}
