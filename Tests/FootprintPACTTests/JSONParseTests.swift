import FootprintCore
import Foundation
import Testing

@Suite struct JSONParseTests {
    @Test func keepsMemberOrderAndExactNumberText() throws {
        let text = #"{"z":1,"a":0.10,"m":-1.5e+3,"big":123456789012345678901234567890.000001,"s":"x"}"#
        let v = try JSONValue.parse(string: text)
        #expect(v.objectMembers?.map(\.0) == ["z", "a", "m", "big", "s"])
        #expect(v["a"] == .decimal("0.10"))
        if case .decimal(let t) = v["big"]! { #expect(t == "123456789012345678901234567890.000001") } else { Issue.record("not a decimal") }
        #expect(v.compactString() == text)
    }

    @Test func stringsEscapesAndUnicode() throws {
        let v = try JSONValue.parse(string: #"["a\"b\\c\/d\n\t\u00e9\ud83d\ude00", "ünï"]"#)
        #expect(v.arrayValue?[0].stringValue == "a\"b\\c/d\n\té😀")
        #expect(v.arrayValue?[1].stringValue == "ünï")
        let back = try JSONValue.parse(v.compactData())
        #expect(back.arrayValue?[0].stringValue == "a\"b\\c/d\n\té😀")
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.fulfilledEvent), "../shared/pact/example-request-fulfilled-event-v3.json is absent"))
    func compactOutputParsesBackEqual() throws {
        let original = try JSONValue.parse(try Fixtures.data(Fixtures.fulfilledEvent))
        let compact = original.compactData()
        #expect(!compact.contains(UInt8(ascii: "\n")))
        let again = try JSONValue.parse(compact)
        #expect(again == original)
        #expect(again.compactData() == compact)
        let control = JSONValue.string("a\u{1}b")
        #expect(control.compactString() == #""a\u0001b""#)
        #expect(try JSONValue.parse(control.compactData()) == control)
    }

    @Test func renderedIsUnchanged() {
        let v = JSONValue.object([("a", .integer(1)), ("b", .array([.decimal("1.50"), .null]))])
        #expect(v.rendered() == "{\n  \"a\": 1,\n  \"b\": [\n    1.50,\n    null\n  ]\n}")
    }

    @Test(arguments: [
        ("{\"a\":1,}", 1, 8, "a member name"),
        ("{\n  \"a\": 01\n}", 2, 9, "leading zeros"),
        ("[1, 2\n, tru]", 2, 3, "a value"),
        ("{\"a\" 1}", 1, 6, "':'"),
        ("\"abc", 1, 5, "closing the string"),
        ("[1.]", 1, 4, "a digit after the decimal point"),
        ("{\"a\":\"x\ty\"}", 1, 8, "control character"),
        ("[1] x", 1, 5, "end of the document"),
        ("", 1, 1, "a value"),
        ("[\"\\ud800\"]", 1, 9, "low surrogate"),
        ("{\"é\": NaN}", 1, 7, "a value"),
        ("[1 2]", 1, 4, "',' or ']'"),
        ("[1,2", 1, 5, "',' or ']'"),
        ("{\"a\":1 \"b\":2}", 1, 8, "',' or '}'"),
        ("{ 1}", 1, 3, "a member name in double quotes or '}'"),
    ])
    func errorsNameLineColumnAndExpectation(text: String, line: Int, column: Int, expected: String) {
        do {
            _ = try JSONValue.parse(string: text)
            Issue.record("parsed \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.column == column, "\(error)")
            #expect(error.expected.contains(expected), "\(error)")
            #expect(error.description.hasPrefix("\(line):\(column): found "))
        }
    }

    @Test func rejectsInvalidUTF8AndDeepNesting() {
        #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(string: deep) }
        #expect(throws: Never.self) { try JSONValue.parse(string: String(repeating: "[", count: 500) + String(repeating: "]", count: 500)) }
    }

    @Test func accessors() throws {
        let v = try JSONValue.parse(string: #"{"a":[true,null],"b":"s","a":2}"#)
        #expect(v["a"]?.arrayValue?.count == 2)
        #expect(v["b"]?.stringValue == "s")
        #expect(v["missing"] == nil)
        #expect(v["a"]?.arrayValue?[0].boolValue == true)
        #expect(v.objectMembers?.count == 3)
        #expect(JSONValue.string("x")["a"] == nil)
    }
}
