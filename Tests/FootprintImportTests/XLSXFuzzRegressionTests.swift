@testable import FootprintImport
import Foundation
import Testing

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

    @Test func archiveCheckAcceptsAnEmptyArchiveAndRefusesZIP64() {
        let empty: [UInt8] = [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)
        #expect(XLSXArchiveCheck.problem(in: Data(empty)) == nil)
        let locator: [UInt8] = [0x50, 0x4B, 0x06, 0x07] + [UInt8](repeating: 0, count: 16)
        #expect(XLSXArchiveCheck.problem(in: Data(locator + empty))?.contains("ZIP64") == true)
    }

    /// The shared-string part the fuzzer found: an element name with bytes that are not UTF-8, which libxml2
    /// passes on in recovery mode and FoundationXML force-unwraps as a string (a trap).
    @Test func elementNameThatIsNotUTF8() throws {
        let part = Array(#"<sst><si><t>p</t><rP`><t>q</t></rPh></si><si><r><t>r</t></r></setml/2006/main"><x:sheetDa"#.utf8)
            + [0xFF, 0xFF, 0xFF, 0xFF]
            + Array(#"x:row r="7"><x:c r="AA7" t="s"><x:v>1</x:v></x:c><x:c t="d"*><x:v>2024-01-01</xzv></x:c></x:row></x:sheetData></x:worksheet>"#.utf8)
            + [0] + Array(#"<sst><si><t>p</t><rP`><t>q</t></rPh></si><si><r><t>r</t></r></si></sst`>"#.utf8)
        let error = try #require(throws: XLSXPartError.self) {
            try XLSXXML.parse(Data(part), part: "xl/sharedStrings.xml", delegate: SharedStringsXMLReader())
        }
        #expect(error.message.contains("not UTF-8"))
    }
}
