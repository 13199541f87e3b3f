import FootprintCore
import Foundation
import Testing

@testable import FootprintStore

/// The small reader of stored status facts gives what Foundation's decoder gives, for every member
/// `insertFact` writes, and declines (nil) anything of another shape, which then goes to the decoder.
@Suite struct StatusFactJSONTests {
    static func stored(_ fact: SupplierStatusFact) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(fact), as: UTF8.self)
    }

    static let facts: [SupplierStatusFact] = {
        var sbti = SupplierStatusFact(supplier: "S\"1\\é", kind: .sbti, source: "SBTi dashboard 2026-11 (sha256 ab12)", checkedOn: "2026-11-01")
        sbti.sbtiStatus = .targetsSet
        sbti.classification = .onePointFive
        sbti.nearTermTargetYear = 2030
        sbti.netZeroCommitted = true
        sbti.netZeroYear = 2050
        var rba = SupplierStatusFact(supplier: "Blå Konsult AB", kind: .rba, source: "rba.csv", checkedOn: "2025-05-01")
        rba.member = true
        rba.level = "Platinum"
        rba.evidence = "https://rba.example/members?q=blå&x=\"1\"\n\t😀"
        var cdp = SupplierStatusFact(supplier: "S2", kind: .cdp, source: "cdp", checkedOn: "2025-02-01")
        cdp.cdpScore = .aMinus
        var scopes = SupplierStatusFact(supplier: "S3", kind: .scopes, source: "report", checkedOn: "2025-04-01")
        scopes.scopes = [1, 2, 3]
        var none = SupplierStatusFact(supplier: "S4", kind: .scopes, source: "report", checkedOn: "2025-04-01")
        none.scopes = []
        var pact = SupplierStatusFact(supplier: "S5", kind: .pact, source: "x", checkedOn: "2025-04-01")
        pact.available = false
        let bare = SupplierStatusFact(supplier: "S6", kind: .productFootprints, source: "", checkedOn: "2025-04-01")
        return [sbti, rba, cdp, scopes, none, pact, bare]
    }()

    @Test(arguments: facts)
    func readsWhatTheDecoderReads(fact: SupplierStatusFact) throws {
        let text = try Self.stored(fact)
        let decoded = try JSONDecoder().decode(SupplierStatusFact.self, from: Data(text.utf8))
        #expect(decoded == fact)
        #expect(StatusFactJSON.decode(text) == fact, "\(text)")
        var bytes = Array(text.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { StatusFactJSON.decode(UnsafeBufferPointer($0)) } == fact)
    }

    @Test(arguments: [
        #"{"checkedOn":"2025-01-01","kind":"sbti","source":"s","supplier":"S1","unknown":1}"#,  // another member
        #"{"checkedOn":"2025-01-01","kind":"sbti","source":"s","supplier":"S1","member":"yes"}"#,  // another type
        #"{"checkedOn":"2025-01-01","kind":"nope","source":"s","supplier":"S1"}"#,  // unknown kind
        #"{"checkedOn":"2025-01-01","kind":"sbti","source":"s"}"#,  // no supplier
        #"{"checkedOn":"2025-01-01","kind":"sbti","source":"s","supplier":"S1"} x"#,  // trailing text
        #"{"checkedOn":"2025-01-01","kind":"sbti","source":"s","supplier":"S1","scopes":[1.5]}"#,  // not integers
    ])
    func declinesOtherShapes(text: String) {
        #expect(StatusFactJSON.decode(text) == nil)
    }
}
