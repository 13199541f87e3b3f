import Foundation
import Testing

@testable import FootprintStore

/// A publication of our footprints that comes in batches (`publishOwnFootprints(sharedWith:deprecatedJSON:batches:)`,
/// what `footprint customers publish` stores 100,000 service footprints with): stored whole in one
/// transaction, or not at all when a later batch fails.
@Suite("PACT: our footprints published in batches")
struct OwnFootprintBatchTests {
    struct Refused: Error, Equatable { var batch: Int }

    static func input(_ n: Int, preceding: [String] = [], client: String? = "CUST-1") -> OwnFootprintInput {
        OwnFootprintInput(
            id: String(format: "00000000-0000-8000-8000-%012d", n),
            status: "Active",
            json: Data("{\"n\":\(n)}".utf8),
            filterKeys: "[true,[\"urn:p:\(n)\"],[],[],[],0,1]",
            preceding: preceding,
            sharedWith: client.map { [$0] }
        )
    }

    static func deprecated(_ json: Data) -> (json: Data, filterKeys: String) { (Data("{\"deprecated\":true}".utf8), "[false,[],[],[],[],0,1]") }

    /// A workspace with clients CUST-1 and CUST-2 and one footprint published before (number 0, shared with CUST-1).
    static func workspace() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        _ = try t.workspace.pact.addPACTClient(name: "CUST-1", partner: nil)
        _ = try t.workspace.pact.addPACTClient(name: "CUST-2", partner: nil)
        _ = try t.workspace.pact.publishOwnFootprints([input(0)], sharedWith: [], deprecatedJSON: deprecated)
        return t
    }

    /// Publishes `batches` one after another; `failing` makes that batch's call throw `Refused`.
    static func publish(_ pact: PACTStore, _ batches: [[OwnFootprintInput]], failing: Int? = nil) throws -> (stored: Int, calls: Int) {
        var calls = 0
        let stored = try pact.publishOwnFootprints(sharedWith: [], deprecatedJSON: deprecated) {
            defer { calls += 1 }
            if calls == failing { throw Refused(batch: calls) }
            return calls < batches.count ? batches[calls] : nil
        }
        return (stored, calls)
    }

    @Test("every batch is stored, shared with its clients, and supersedes what it names")
    func storedWhole() throws {
        let t = try Self.workspace()
        let pact = t.workspace.pact
        let revision = try pact.pactRevision()
        let old = Self.input(0).id
        let result = try Self.publish(
            pact,
            [[Self.input(1), Self.input(2, client: "CUST-2")], [Self.input(3, preceding: [old])], [Self.input(4, client: nil)]]
        )
        #expect(result.stored == 4 && result.calls == 4)
        let keys = try pact.ownFootprintKeys()
        #expect(keys.map(\.id) == (0...4).map { Self.input($0).id })
        #expect(keys.map(\.sharedWith) == [["CUST-1"], ["CUST-1"], ["CUST-2"], ["CUST-1"], ["*"]])
        #expect(keys.map(\.status) == ["Deprecated", "Active", "Active", "Active", "Active"])
        #expect(keys[1].filterKeys == Self.input(1).filterKeys && keys[0].filterKeys == "[false,[],[],[],[],0,1]")
        let superseded = try #require(try pact.ownFootprint(id: old))
        #expect(superseded.supersededBy == Self.input(3).id && String(decoding: superseded.json, as: UTF8.self) == "{\"deprecated\":true}")
        #expect(try pact.pactRevision() > revision)
    }

    @Test("an error in a later batch, thrown by the producer or found by the store, stores nothing of the publication")
    func allOrNothing() throws {
        let t = try Self.workspace()
        let pact = t.workspace.pact
        let revision = try pact.pactRevision()
        let batches = [[Self.input(1), Self.input(2, preceding: [Self.input(0).id])], [Self.input(3)], [Self.input(4)]]
        #expect(throws: Refused(batch: 2)) { try Self.publish(pact, batches, failing: 2) }
        #expect(throws: Refused(batch: 0)) { try Self.publish(pact, batches, failing: 0) }
        do {
            _ = try Self.publish(pact, [[Self.input(1)], [Self.input(2)], [Self.input(3), Self.input(1)]])
            Issue.record("an id given twice in two batches was stored")
        } catch let error as WorkspaceError {
            #expect("\(error)".contains("footprint \(Self.input(1).id) is given twice"))
        }
        do {
            _ = try Self.publish(pact, [[Self.input(1)], [Self.input(2, client: "CUST-9")]])
            Issue.record("a footprint shared with a client that does not exist was stored")
        } catch let error as WorkspaceError {
            #expect("\(error)".contains("there is no active API client named 'CUST-9'"))
        }
        let keys = try pact.ownFootprintKeys()
        #expect(keys.map(\.id) == [Self.input(0).id] && keys[0].status == "Active")
        #expect(try pact.pactRevision() == revision)
    }

    @Test("a publication with nothing new stores nothing and leaves the revision")
    func nothingNew() throws {
        let t = try Self.workspace()
        let revision = try t.workspace.pact.pactRevision()
        #expect(try Self.publish(t.workspace.pact, []).stored == 0)
        #expect(try t.workspace.pact.pactRevision() == revision)
    }
}
