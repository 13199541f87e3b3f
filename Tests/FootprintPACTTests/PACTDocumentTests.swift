import FootprintCore
import Foundation
import Testing

@testable import FootprintPACT

@Suite struct PACTDocumentTests {
    func data(_ v: JSONValue) -> Data { Data(v.compactData()) }

    @Test(.enabled(if: Fixtures.available(Fixtures.v3), "../shared/pact/example-footprint-v3.json is absent"))
    func singleFootprintObject() throws {
        let entries = try PACTDocument.read(try Fixtures.data("example-footprint-v3.json"), file: "one.json")
        #expect(entries.count == 1)
        #expect(entries[0].sourceVersion == "3")
        #expect(entries[0].index == 0)
        #expect(entries[0].warnings.map(\.path) == ["/validityPeriodEnd"])
    }

    @Test func arrayAndResponseShapes() throws {
        let a = Fixtures.minimal()
        let b = Fixtures.minimal(id: "22222222-2222-4333-8444-555555555555")
        let array = try PACTDocument.read(data(.array([a, b])), file: "list.json")
        #expect(array.map(\.footprint.id) == ["11111111-2222-4333-8444-555555555555", "22222222-2222-4333-8444-555555555555"])
        #expect(array.map(\.index) == [0, 1])
        let list = try PACTDocument.read(data(.object([("data", .array([a, b]))])), file: "list.json")
        #expect(list.count == 2)
        let single = try PACTDocument.read(data(.object([("data", a)])), file: "get.json")
        #expect(single.count == 1)
        let empty = try PACTDocument.read(data(.object([("data", .array([]))])), file: "empty.json")
        #expect(empty.isEmpty)
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.fulfilledEvent), "../shared/pact/example-request-fulfilled-event-v3.json is absent"))
    func requestFulfilledEvent() throws {
        let entries = try PACTDocument.read(try Fixtures.data("example-request-fulfilled-event-v3.json"), file: "event.json")
        #expect(entries.count >= 1)
        #expect(entries[0].footprint.id == "91715e5e-fd0b-4d1c-8fab-76290c46e6ed")
        #expect(entries.allSatisfy { $0.sourceVersion == "3" })
    }

    @Test(
        .enabled(
            if: Fixtures.available(Fixtures.v2) && Fixtures.available(Fixtures.v3),
            "../shared/pact/example-get-footprint-v2.json or example-footprint-v3.json is absent"
        )
    )
    func v2ResponseIsMappedAndMarked() throws {
        let entries = try PACTDocument.read(try Fixtures.data("example-get-footprint-v2.json"), file: "v2.json")
        #expect(entries.count == 1)
        #expect(entries[0].sourceVersion == "2")
        #expect(entries[0].footprint.declaredUnit == "liter")
        #expect(entries[0].warnings.contains { $0.path == "/pcf/dqi" })
        #expect(PACTDocument.isV2(.object([("specVersion", .string("2.3.0"))])))
        #expect(!PACTDocument.isV2(try Fixtures.v3Example()))
    }

    @Test func everyProblemOfEveryFootprintIsListed() throws {
        let good = Fixtures.minimal()
        let bad1 = Fixtures.minimal(id: "33333333-2222-4333-8444-555555555555").setting(path: ["pcf", "declaredUnitAmount"], to: .string("1abc"))
        let bad2 = Fixtures.minimal(id: "44444444-2222-4333-8444-555555555555")
            .setting(path: ["pcf", "fossilGhgEmissions"], to: .decimal("2.5"))
            .setting("status", to: nil)
        do {
            _ = try PACTDocument.read(data(.array([good, bad1, bad2])), file: "suppliers.json")
            Issue.record("accepted")
        } catch {
            let text = error.description
            #expect(
                text.contains(
                    #"suppliers.json: footprint 2 (id 33333333-2222-4333-8444-555555555555): /pcf/declaredUnitAmount: "1abc" is not a positive decimal; expected"#
                ),
                "\(text)"
            )
            #expect(
                text.contains("suppliers.json: footprint 3 (id 44444444-2222-4333-8444-555555555555): /status: required field 'status' is missing"),
                "\(text)"
            )
            #expect(
                text.contains("footprint 3 (id 44444444-2222-4333-8444-555555555555): /pcf/fossilGhgEmissions: found the number 2.5 (not a string)"),
                "\(text)"
            )
            #expect(!text.contains("footprint 1 "))
            guard case .invalidFootprints(_, let list) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(list.map(\.index) == [1, 2])
        }
    }

    @Test func malformedJSONNamesLineAndColumn() {
        do {
            _ = try PACTDocument.read(Data("{\n  \"id\": \"x\",\n  \"pcf\": {,}\n}".utf8), file: "bad.json")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasPrefix("bad.json:3:11: malformed JSON: found ','"), "\(error)")
        }
    }

    @Test func unrecognisedShapes() {
        #expect(throws: PACTDocumentError.self) { try PACTDocument.read(Data("\"text\"".utf8), file: "s.json") }
        #expect(throws: PACTDocumentError.self) { try PACTDocument.read(Data("{\"data\": 5}".utf8), file: "s.json") }
    }
}
