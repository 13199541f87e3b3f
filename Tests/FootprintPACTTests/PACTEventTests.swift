import FootprintCore
import Foundation
import Testing

@testable import FootprintPACT

@Suite struct PACTEventTests {
    func event(_ text: String) throws(PACTEventError) -> PACTEvent { try PACTEvent.parse(Data(text.utf8)) }

    @Test func specRequestCreatedExample() throws {
        let e = try event(
            #"{"type":"org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3","specversion":"1.0","id":"848dcf00-2c18-400d-bcb8-11e45bbf7ebd","source":"//api.recipient.org/3/events","time":"2024-11-06T16:23:00Z","data":{"productId":["urn:gtin:4712345060507"],"geography":["DE"],"comment":"Please provide current PCF value."}}"#
        )
        guard case .requestCreated(_, let filter, let comment) = e.kind else {
            Issue.record("\(e.kind)")
            return
        }
        #expect(filter.productId == ["urn:gtin:4712345060507"])
        #expect(filter.geography == ["DE"])
        #expect(comment == "Please provide current PCF value.")
        #expect(e.type.protocolVersion == "3")
        #expect(PACTEvent.callbackURL(source: e.source) == "https://api.recipient.org/3/events")
    }

    @Test(.enabled(if: Fixtures.available(Fixtures.fulfilledEvent), "../shared/pact/example-request-fulfilled-event-v3.json is absent"))
    func fulfilledExampleFile() throws {
        let e = try PACTEvent.parse(try Fixtures.data("example-request-fulfilled-event-v3.json"))
        guard case .requestFulfilled(let request, let pfs) = e.kind else {
            Issue.record("\(e.kind)")
            return
        }
        #expect(request == "848dcf00-2c18-400d-bcb8-11e45bbf7ebd")
        #expect(!pfs.isEmpty)
    }

    @Test func publishedWithNonUUIDIsRejected() throws {
        let base =
            #"{"type":"org.wbcsd.pact.ProductFootprint.PublishedEvent.3","specversion":"1.0","id":"run-1/15","source":"https://conformance.example","time":"2025-01-01T00:00:00Z","data":{"pfIds":PFIDS}}"#
        let ok = try event(base.replacingOccurrences(of: "PFIDS", with: #"["3A6C14A7-4DEB-498A-B5EF-4E6E6B5F8B5B"]"#))
        guard case .published(let ids) = ok.kind else {
            Issue.record("\(ok.kind)")
            return
        }
        #expect(ids == ["3a6c14a7-4deb-498a-b5ef-4e6e6b5f8b5b"])
        #expect(ok.id == "run-1/15")
        do {
            _ = try event(base.replacingOccurrences(of: "PFIDS", with: #"["urn:gtin:4712345060507"]"#))
            Issue.record("accepted")
        } catch {
            guard case .invalid(let problems) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(problems.map(\.path) == ["/data/pfIds/0"])
            #expect(error.description.contains("\"urn:gtin:4712345060507\" is not valid; expected a UUID"))
        }
        #expect(throws: PACTEventError.self) { try event(base.replacingOccurrences(of: "PFIDS", with: "[]")) }
    }

    @Test(arguments: [
        (#""specversion":"1.0","#, #""specversion":"0.3","#, "/specversion"),
        (#""id":"e1","#, #""id":"","#, "/id"),
        (#""time":"2025-01-01T00:00:00Z","#, #""time":"2025-01-01","#, "/time"),
        (#""source":"//a.example/3/events","#, "", "/source"),
        (#""requestEventId":"r1","#, "", "/data/requestEventId"),
        (#""message":"none""#, #""x":1"#, "/data/error/message"),
    ])
    func envelopeAndPayloadErrors(replace: String, with: String, path: String) {
        let text =
            #"{"type":"org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3","specversion":"1.0","id":"e1","source":"//a.example/3/events","time":"2025-01-01T00:00:00Z","data":{"requestEventId":"r1","error":{"code":"NotFound","message":"none"}}}"#
        #expect(throws: Never.self) { try event(text) }
        do {
            _ = try event(text.replacingOccurrences(of: replace, with: with))
            Issue.record("accepted")
        } catch {
            guard case .invalid(let problems) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(problems.map(\.path).contains(path), "\(problems)")
        }
    }

    @Test func unknownTypeAndMalformedJSON() {
        #expect(throws: PACTEventError.self) {
            try event(#"{"type":"com.example.Other","specversion":"1.0","id":"1","source":"x","time":"2025-01-01T00:00:00Z","data":{}}"#)
        }
        do {
            _ = try event("{")
            Issue.record("accepted")
        } catch {
            guard case .malformedJSON(let e) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(e.line == 1 && e.column == 2)
        }
    }

    @Test func v2EventTypes() throws {
        let created = try event(
            #"{"type":"org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1","specversion":"1.0","id":"1","source":"//h.example","time":"2025-01-01T00:00:00Z","data":{"pf":{"productIds":["urn:gtin:1"]},"comment":"hi"}}"#
        )
        guard case .requestCreated(let data, let filter, let comment) = created.kind else {
            Issue.record("\(created.kind)")
            return
        }
        #expect(filter.productId == ["urn:gtin:1"])
        #expect(data["productId"] != nil)
        #expect(comment == "hi")
        #expect(created.type.protocolVersion == "2")
        let fulfilled = try event(
            #"{"type":"org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1","specversion":"1.0","id":"2","source":"//h.example","time":"2025-01-01T00:00:00Z","data":{"requestEventId":"1","pfs":[]}}"#
        )
        guard case .requestFulfilled(let request, let pfs) = fulfilled.kind else {
            Issue.record("\(fulfilled.kind)")
            return
        }
        #expect(request == "1" && pfs.isEmpty)
        let rejected = try event(
            #"{"type":"org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1","specversion":"1.0","id":"3","source":"//h.example","time":"2025-01-01T00:00:00Z","data":{"requestEventId":"1","error":{"code":"NotFound","message":"no"}}}"#
        )
        guard case .requestRejected(_, let code, _) = rejected.kind else {
            Issue.record("\(rejected.kind)")
            return
        }
        #expect(code == "NotFound")
        let published = try event(
            #"{"type":"org.wbcsd.pathfinder.ProductFootprint.Published.v1","specversion":"1.0","id":"4","source":"//h.example","time":"2025-01-01T00:00:00Z","data":{"pfIds":["91715e5e-fd0b-4d1c-8fab-76290c46e6ed"]}}"#
        )
        guard case .published(let ids) = published.kind else {
            Issue.record("\(published.kind)")
            return
        }
        #expect(ids.count == 1)
    }

    @Test func buildersRoundTrip() throws {
        let time = PACTDateTime(epochMilliseconds: 1_745_971_200_000)
        let pf = Fixtures.minimal()
        let fulfilled = try PACTEvent.parse(
            Data(PACTEvent.requestFulfilled(id: "a", source: "//me.example/3/events", time: time, requestEventId: "r", pfs: [pf]).compactData())
        )
        guard case .requestFulfilled("r", let pfs) = fulfilled.kind else {
            Issue.record("\(fulfilled.kind)")
            return
        }
        #expect(pfs == [pf])
        let rejected = try PACTEvent.parse(
            json: PACTEvent.requestRejected(id: "b", source: "s", time: time, requestEventId: "r", code: "NotFound", message: "none")
        )
        guard case .requestRejected("r", "NotFound", "none") = rejected.kind else {
            Issue.record("\(rejected.kind)")
            return
        }
        var filter = try PACTFilter(query: [(name: "productId", value: "urn:gtin:1"), (name: "validOn", value: "2025-01-01T00:00:00Z")])
        filter.ignoredParameters = []
        let created = try PACTEvent.parse(json: PACTEvent.requestCreated(id: "c", source: "s", time: time, filter: filter, comment: "pls"))
        guard case .requestCreated(let data, let parsed, "pls") = created.kind else {
            Issue.record("\(created.kind)")
            return
        }
        #expect(data["validOn"]?.stringValue == "2025-01-01T00:00:00Z")
        #expect(parsed.productId == filter.productId && parsed.validOn == filter.validOn)
        let published = try PACTEvent.parse(
            json: PACTEvent.published(id: "d", source: "s", time: time, pfIds: ["91715e5e-fd0b-4d1c-8fab-76290c46e6ed"])
        )
        guard case .published(let ids) = published.kind else {
            Issue.record("\(published.kind)")
            return
        }
        #expect(ids == ["91715e5e-fd0b-4d1c-8fab-76290c46e6ed"])
        #expect(created.json["time"]?.stringValue == "2025-04-30T00:00:00Z")
    }

    @Test(arguments: [
        ("//api.recipient.org/3/events", "https://api.recipient.org/3/events"),
        ("https://conformance.services.carbon-transparency.org", "https://conformance.services.carbon-transparency.org/3/events"),
        ("https://host.example/base/", "https://host.example/base/3/events"),
        ("https://host.example:8443/3/events", "https://host.example:8443/3/events"),
        ("//api.example.org/events", "https://api.example.org/events/3/events"),
    ])
    func callbackURL(source: String, url: String) {
        #expect(PACTEvent.callbackURL(source: source) == url)
    }

    @Test func callbackURLRejectsNonURLs() {
        for s in ["", "urn:x", "api.example.org", "https://", "https:///path"] { #expect(PACTEvent.callbackURL(source: s) == nil, "\(s)") }
    }
}
