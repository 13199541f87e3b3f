import FootprintCore
import FootprintPACT
import FootprintServer
import FootprintStore
import FootprintTestSupport
import Foundation
import NIOHTTP1
import Testing

/// Service footprints (`footprint customers publish`, docs/customers.md) served over TLS: a customer
/// sees its own services' footprints and no other customer's, by list, filter, page, id and request.
@Suite("PACT host: customers' service footprints")
struct ServiceFootprintTests {
    static let example = SharedFolder.packageRoot.appendingPathComponent("examples/nordic-it").path

    /// The example company's files imported, 2024 calculated, and its customers' files imported.
    static func prepare(_ ws: Workspace) throws {
        for (kind, file) in [
            (ImportKind.suppliers, "suppliers.csv"), (.factors, "factors.csv"), (.rates, "rates.csv"), (.priceIndex, "price_index.csv"),
            (.supplierEmissions, "supplier_emissions.csv"), (.productFootprints, "product_footprints.csv"),
            (.manufacturers, "manufacturers.csv"), (.supplierAllocations, "supplier_allocations.csv"), (.categories, "categories.csv"),
        ] {
            _ = try ws.imports.importReference(kind: kind, path: example + "/" + file, displayName: file, replacing: nil)
        }
        _ = try ws.imports.importPurchases(path: example + "/purchases.csv", displayName: "purchases.csv", replacing: nil, mapping: nil)
        for (kind, file) in [
            (ImportKind.company, "company.json"), (.sites, "sites.csv"), (.energy, "energy.csv"),
            (.energyInstruments, "energy_instruments.csv"), (.gridFactors, "grid_factors.csv"),
        ] {
            _ = try ws.imports.importActivity(kind: kind, path: example + "/" + file, displayName: file, replacing: nil)
        }
        _ = try ws.runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2024)))
        for (kind, file) in [
            (ImportKind.customers, "customers.csv"), (.services, "services.csv"), (.servicePools, "service_pools.csv"),
            (.serviceUsage, "service_usage.csv"),
        ] {
            _ = try ws.customers.importFile(kind: kind, path: example + "/" + file, displayName: file, replacing: nil)
        }
    }

    @Test("a customer pulls its own service footprints and requests them; another customer's stay invisible; a restatement supersedes")
    func customersSeeTheirOwn() async throws {
        let recipient = try Recipient()
        try await recipient.start()
        nonisolated(unsafe) var one = ("", "")
        nonisolated(unsafe) var two = ("", "")
        nonisolated(unsafe) var first: ServiceFootprintPublisher.Outcome?
        let host = try await TestHost.start(trusting: [recipient.certificate.certificatePEM]) { ws in
            try Self.prepare(ws)
            _ = try ws.pact.setPACTPartner(
                name: "cust-001-host",
                baseURL: recipient.base,
                authBaseURL: nil,
                clientID: recipient.clientID,
                clientSecret: recipient.clientSecret,
                supplierID: nil
            )
            let a = try ws.pact.addPACTClient(name: "CUST-001", partner: "cust-001-host")
            let b = try ws.pact.addPACTClient(name: "CUST-002", partner: nil)
            one = (a.client.clientID, a.secret)
            two = (b.client.clientID, b.secret)
            first = try ServiceFootprintPublisher.publish(try ws.customers.allocate(runID: nil, scope2Basis: .market), store: ws.pact)
        }
        let client = try TestClient(trusting: [host.certificate.certificatePEM])
        defer {
            Task {
                await client.shutdown()
                await host.stop()
                await recipient.stop()
            }
        }
        let outcome = try #require(first)
        let mine = outcome.footprints.filter { $0.customer == "CUST-001" }
        let theirs = outcome.footprints.filter { $0.customer == "CUST-002" }
        #expect(mine.map(\.service.id).sorted() == ["VSRV", "WORK"])
        #expect(theirs.count == 5)
        #expect(outcome.published == mine.count + theirs.count && outcome.customersWithoutClient.count == 58)

        let tokenA = try await client.token(host.base, id: one.0, secret: one.1)
        let tokenB = try await client.token(host.base, id: two.0, secret: two.1)
        func documents(_ path: String, _ token: String) async throws -> [JSONValue] {
            var out: [JSONValue] = []
            var url: String? = host.base + path
            while let current = url {
                let page = try await client.get(current, token: token)
                #expect(page.status == 200, "\(page.text)")
                out += page.json?["data"]?.arrayValue ?? []
                url = page.headers.first(name: "link").map { String($0.dropFirst().prefix(while: { $0 != ">" })) }
            }
            return out
        }
        let listA = try await documents("/3/footprints?limit=1", tokenA)
        #expect(listA.count == 2)
        let vsrvProduct = "urn:pact:fjellvind-it-as:product-id:VSRV"
        let vsrv = try #require(listA.first { $0["productIds"]?.arrayValue?.first?.stringValue == vsrvProduct })
        #expect(vsrv["companyIds"]?.arrayValue?.first?.stringValue == "urn:pathfinder:company:customcode:buyer-assigned:fjellvind-it-as")
        #expect(vsrv["pcf"]?["declaredUnitOfMeasurement"]?.stringValue == "hour")
        #expect(vsrv["pcf"]?["referencePeriodStart"]?.stringValue == "2024-01-01T00:00:00Z")
        #expect(vsrv["pcf"]?["referencePeriodEnd"]?.stringValue == "2025-01-01T00:00:00Z")
        // The footprint is the customer's share per declared unit: share / (vCPU-hours per hour) exactly as published.
        let share = Double(try #require(mine.first { $0.service.id == "VSRV" }).sums.totalNanoKg) / 1e9
        let quantity = try #require(mine.first { $0.service.id == "VSRV" }).quantity
        let pcf = try #require(Double(vsrv["pcf"]?["pcfExcludingBiogenicUptake"]?.stringValue ?? ""))
        #expect(abs(pcf * quantity - share) / share < 1e-5, "pcf \(pcf) x \(quantity) vs \(share)")

        let listB = try await documents("/3/footprints", tokenB)
        #expect(listB.count == 5)
        let idsA = Set(listA.compactMap { $0["id"]?.stringValue })
        #expect(idsA.isDisjoint(with: Set(listB.compactMap { $0["id"]?.stringValue })))
        let filtered = try await documents("/3/footprints?productId=\(vsrvProduct)", tokenB)
        #expect(filtered.count == 1 && !idsA.contains(filtered[0]["id"]?.stringValue ?? ""))
        let vsrvID = try #require(vsrv["id"]?.stringValue)
        #expect(try await client.get(host.base + "/3/footprints/\(vsrvID)", token: tokenB).status == 404)
        #expect(try await client.get(host.base + "/3/footprints/\(vsrvID)", token: tokenA).status == 200)

        // CUST-001 asks for our virtual servers' footprint: the answer carries its own footprint only.
        let created = try await client.send(
            .POST,
            host.base + "/3/events",
            headers: [("Authorization", "Bearer " + tokenA), ("Content-Type", "application/cloudevents+json; charset=UTF-8")],
            body: Array(
                """
                {"type":"org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3","specversion":"1.0","id":"svc-1","source":"\(recipient.base)","time":"2026-12-04T10:00:00Z","data":{"productId":["\(vsrvProduct)"]}}
                """.utf8
            )
        )
        #expect(created.status == 200, "\(created.text)")
        let received = await recipient.events(atLeast: 1)
        let fulfilled = try #require(received.first { $0.json["type"]?.stringValue == "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3" })
        let pfs = try #require(fulfilled.json["data"]?["pfs"]?.arrayValue)
        #expect(pfs.compactMap { $0["id"]?.stringValue } == [vsrvID])

        // Publishing the same figures again changes nothing; a restated usage supersedes through precedingPfIds.
        let again = try ServiceFootprintPublisher.publish(
            try host.workspace.customers.allocate(runID: nil, scope2Basis: .market),
            store: host.workspace.pact
        )
        #expect(again.published == 0 && again.unchanged == outcome.published)
        let usage = try String(contentsOfFile: Self.example + "/service_usage.csv", encoding: .utf8)
        var lines = usage.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.hasPrefix("CUST-001,VSRV,2024-01,") })
        var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[3] = String((Double(fields[3]) ?? 0) * 2)
        lines[row] = fields.joined(separator: ",")
        let restated = host.directory.appendingPathComponent("service_usage.csv")
        try lines.joined(separator: "\n").write(to: restated, atomically: true, encoding: .utf8)
        let current = try #require(try host.workspace.imports.list().last { $0.kind == .serviceUsage })
        _ = try host.workspace.customers.importFile(kind: .serviceUsage, path: restated.path, displayName: "service_usage.csv", replacing: current.id)
        let third = try ServiceFootprintPublisher.publish(
            try host.workspace.customers.allocate(runID: nil, scope2Basis: .market),
            store: host.workspace.pact
        )
        let newVSRV = try #require(third.footprints.first { $0.customer == "CUST-001" && $0.service.id == "VSRV" })
        #expect(third.superseded >= 1 && newVSRV.quantity > quantity)
        let old = try #require(try host.workspace.pact.ownFootprint(id: vsrvID))
        #expect(old.status == "Deprecated" && old.supersededBy != nil)
        let replacement = try #require(try host.workspace.pact.ownFootprint(id: old.supersededBy!))
        let json = try JSONValue.parse(replacement.json)
        #expect(json["precedingPfIds"]?.arrayValue?.compactMap(\.stringValue) == [vsrvID])
        #expect(replacement.sharedWith == ["CUST-001"])
    }
}
