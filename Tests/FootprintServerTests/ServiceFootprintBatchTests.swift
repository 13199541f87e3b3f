import FootprintCore
import FootprintPACT
import FootprintServer
import FootprintStore
import Foundation
import Testing

/// `footprint customers publish` makes, validates and stores its footprints a batch at a time: the
/// batch size changes nothing of what is published.
@Suite("Customers' service footprints published in batches")
struct ServiceFootprintBatchTests {
    @Test("footprints published one per batch are those of the allocation, in order, each shared with its customer; again, all unchanged")
    func onePerBatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fp-service-batches-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (ws, _) = try Workspace.create(path: folder.appendingPathComponent("footprint.sqlite").path)
        try ServiceFootprintTests.prepare(ws)
        for customer in ["CUST-001", "CUST-002", "CUST-003"] { _ = try ws.pact.addPACTClient(name: customer, partner: nil) }
        let allocation = try ws.customers.allocate(runID: nil, scope2Basis: .market)
        let expected = ServiceFootprintPublisher.footprints(allocation).footprints.filter {
            ["CUST-001", "CUST-002", "CUST-003"].contains($0.customer)
        }

        let outcome = try ServiceFootprintPublisher.publish(allocation, store: ws.pact, batchSize: 1)
        #expect(outcome.published == expected.count && outcome.published > 3 && outcome.unchanged == 0)
        #expect(outcome.footprints.map { "\($0.customer)/\($0.service.id)" } == expected.map { "\($0.customer)/\($0.service.id)" })
        #expect(outcome.footprints.map(\.sums.totalNanoKg) == expected.map(\.sums.totalNanoKg))
        let stored = try ws.pact.ownFootprintKeys()
        #expect(stored.map(\.id) == outcome.footprints.map(\.id))
        #expect(stored.map(\.sharedWith) == outcome.footprints.map { [$0.customer] })

        let again = try ServiceFootprintPublisher.publish(allocation, store: ws.pact, batchSize: 3)
        #expect(again.published == 0 && again.unchanged == outcome.published && again.footprints.isEmpty)
        #expect(try ws.pact.ownFootprintKeys().count == stored.count)
    }
}
