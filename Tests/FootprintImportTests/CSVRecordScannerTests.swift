import FootprintImport
import Testing

/// RFC 4180 record splitting with physical line numbers.
@Suite("CSVRecordScanner")
struct CSVRecordScannerTests {
    enum Scanned: Equatable, CustomStringConvertible {
        case record(line: Int, fields: [String])
        case failure(line: Int, message: String)

        var description: String {
            switch self {
            case .record(let line, let fields): "\(line): \(fields)"
            case .failure(let line, let message): "\(line): error \(message)"
            }
        }
    }

    func scan(_ text: String, position: Int = 0) -> [Scanned] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(base: buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: buffer.count, position: position)
            var out: [Scanned] = []
            while true {
                switch scanner.next() {
                case .end: return out
                case .record(let count):
                    #expect(count == scanner.fieldCount)
                    out.append(.record(line: scanner.recordLine, fields: scanner.fields.map { scanner.string($0) }))
                case .failure(let message): out.append(.failure(line: scanner.recordLine, message: message))
                }
            }
        }
    }

    @Test func plainRecords() {
        #expect(scan("a,b,c\n1,2,3\n") == [.record(line: 1, fields: ["a", "b", "c"]), .record(line: 2, fields: ["1", "2", "3"])])
        #expect(scan("a,b\n1,2") == [.record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"])])
        #expect(scan("") == [])
    }

    @Test func quotedFieldWithCommas() {
        #expect(scan("1,\"Acme, Inc.\",3\n") == [.record(line: 1, fields: ["1", "Acme, Inc.", "3"])])
    }

    @Test func doubledQuotes() {
        #expect(scan("\"say \"\"hi\"\"\",x\n") == [.record(line: 1, fields: ["say \"hi\"", "x"])])
        #expect(scan("\"\"\"\",\"\"\n") == [.record(line: 1, fields: ["\"", ""])])
    }

    @Test func lineBreaksInsideQuotesAndTheLinesThatFollow() {
        let text = "1,\"two\nlines\",x\n2,\"three\r\nline\nfield\",y\n3,z,w\n"
        #expect(
            scan(text) == [
                .record(line: 1, fields: ["1", "two\nlines", "x"]),
                .record(line: 3, fields: ["2", "three\r\nline\nfield", "y"]),
                .record(line: 6, fields: ["3", "z", "w"]),
            ]
        )
    }

    @Test func crlf() {
        #expect(
            scan("a,b\r\n1,2\r\n\"q\",\"r\"\r\n3,\r\n") == [
                .record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"]),
                .record(line: 3, fields: ["q", "r"]), .record(line: 4, fields: ["3", ""]),
            ]
        )
        #expect(scan("a,b\r\n1,2") == [.record(line: 1, fields: ["a", "b"]), .record(line: 2, fields: ["1", "2"])])
    }

    @Test func blankLinesAreSkippedButCounted() {
        #expect(scan("a,b\n\n\r\n\n1,2\n\n") == [.record(line: 1, fields: ["a", "b"]), .record(line: 5, fields: ["1", "2"])])
        #expect(scan("\n\n") == [])
    }

    @Test func emptyFields() {
        #expect(
            scan("a,,c\n,\n,,\n") == [
                .record(line: 1, fields: ["a", "", "c"]), .record(line: 2, fields: ["", ""]), .record(line: 3, fields: ["", "", ""]),
            ]
        )
        #expect(scan("\"\",x\n") == [.record(line: 1, fields: ["", "x"])])
    }

    @Test func mixedQuotedAndUnquotedFieldsOnOneLine() {
        #expect(
            scan("a,\"b\",c,\"d,e\"\n") == [
                .record(line: 1, fields: ["a", "b", "c", "d,e"])
            ]
        )
        #expect(scan("\"a\",b\r\n") == [.record(line: 1, fields: ["a", "b"])])
    }

    @Test func unterminatedQuote() {
        let result = scan("h\n1,\"open\nmore\n")
        #expect(result.count == 2)
        #expect(result.first == .record(line: 1, fields: ["h"]))
        guard case .failure(let line, let message) = result.last else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(line == 2)
        #expect(message == "unterminated quoted field: it opens in this record and never closes; expected a closing '\"'")
    }

    @Test func strayQuoteInAnUnquotedField() {
        let result = scan("1,ab\"c,\"d\"\n2,e,f\n")
        #expect(result.count == 2)
        #expect(
            result.first
                == .failure(
                    line: 1,
                    message: "a '\"' inside an unquoted field; expected the whole field in quotes, with inner quotes doubled"
                )
        )
        #expect(result.last == .record(line: 2, fields: ["2", "e", "f"]))
    }

    @Test func textAfterAClosingQuote() {
        let result = scan("\"a\"b,c\n1,2\n")
        #expect(result.first == .failure(line: 1, message: "unexpected 'b' after a closing quote; expected ',' or the end of the line"))
        #expect(result.last == .record(line: 2, fields: ["1", "2"]))
    }

    @Test func manyFieldsGrowTheStorage() {
        let fields = (0..<100).map { "f\($0)" }
        #expect(
            scan(fields.joined(separator: ",") + "\n" + fields.map { "\"\($0)\"" }.joined(separator: ",") + "\n") == [
                .record(line: 1, fields: fields), .record(line: 2, fields: fields),
            ]
        )
    }

    @Test func startsAtAPositionAndLine() {
        let bytes = Array("skip\n\"a\nb\",c\nd,e\n".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVRecordScanner(base: buffer.baseAddress!, count: buffer.count, position: 5, firstLine: 10)
            guard case .record = scanner.next() else {
                Issue.record("expected a record")
                return
            }
            #expect(scanner.recordLine == 10)
            guard case .record = scanner.next() else {
                Issue.record("expected a record")
                return
            }
            #expect(scanner.recordLine == 12)
            #expect(scanner.string(scanner.field(1)) == "e")
            guard case .end = scanner.next() else {
                Issue.record("expected the end")
                return
            }
            #expect(scanner.line == 13)
        }
    }
}
