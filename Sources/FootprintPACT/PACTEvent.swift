import FootprintCore
import Foundation

/// A PACT action event: a CloudEvents 1.0 envelope in structured JSON mode and one of the four
/// PACT payloads. v2 event types (`org.wbcsd.pathfinder.…v1`) are read into the same cases.
public struct PACTEvent: Sendable {
    /// The event types this library reads.
    public enum EventType: String, Sendable, CaseIterable {
        case requestCreated = "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3"
        case requestFulfilled = "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3"
        case requestRejected = "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3"
        case published = "org.wbcsd.pact.ProductFootprint.PublishedEvent.3"
        case v2RequestCreated = "org.wbcsd.pathfinder.ProductFootprintRequest.Created.v1"
        case v2RequestFulfilled = "org.wbcsd.pathfinder.ProductFootprintRequest.Fulfilled.v1"
        case v2RequestRejected = "org.wbcsd.pathfinder.ProductFootprintRequest.Rejected.v1"
        case v2Published = "org.wbcsd.pathfinder.ProductFootprint.Published.v1"

        /// `"3"` or `"2"`.
        public var protocolVersion: String { rawValue.hasSuffix(".v1") ? "2" : "3" }
    }

    /// What the event says.
    public enum Kind: Sendable {
        /// A recipient asks for footprints matching `filter` (`filterData` is the criteria object;
        /// for a v2 event, built from `data.pf`).
        case requestCreated(filterData: JSONValue, filter: PACTFilter, comment: String?)
        /// The answer to request `requestEventId`: footprints as JSON (read them with ``PACTDocument``).
        case requestFulfilled(requestEventId: String, pfs: [JSONValue])
        /// Request `requestEventId` cannot be served.
        case requestRejected(requestEventId: String, code: String, message: String)
        /// Footprints with these (lowercased) ids were published or changed.
        case published(pfIds: [String])
    }

    public let type: EventType
    /// The CloudEvent `id` (any non-empty string; unique per `source`).
    public let id: String
    /// The CloudEvent `source` as sent (see ``callbackURL(source:)``).
    public let source: String
    public let time: PACTDateTime
    public let kind: Kind
    /// The whole event as received.
    public let json: JSONValue

    /// Parses and validates an event body.
    public static func parse(_ data: Data) throws(PACTEventError) -> PACTEvent {
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch { throw .malformedJSON(error) }
        return try parse(json: json)
    }

    /// Validates an already parsed event: envelope (`type`, `specversion` "1.0", non-empty `id` and
    /// `source`, `time` a date-time, `data` an object) and the payload of its type.
    public static func parse(json: JSONValue) throws(PACTEventError) -> PACTEvent {
        var check = PACTCheck()
        guard check.object(json, "") != nil else { throw .invalid(check.problems) }
        let typeText = check.required(json, "type", "", "a PACT event type").flatMap { check.string($0, "/type") }
        if let typeText, EventType(rawValue: typeText) == nil { throw .unsupportedType(typeText) }
        if let v = check.required(json, "specversion", "", "\"1.0\""), let s = check.string(v, "/specversion"), s != "1.0" {
            check.error("/specversion", "\"\(s)\" is not supported; expected \"1.0\" (CloudEvents 1.0)")
        }
        let id = check.required(json, "id", "", "a non-empty string").flatMap { check.string($0, "/id", nonEmpty: true) }
        let source = check.required(json, "source", "", "the sender's URI, such as \"//api.example.org/3/events\"")
            .flatMap { check.string($0, "/source", nonEmpty: true) }
        let time = check.required(json, "time", "", "a date-time").flatMap { check.dateTime($0, "/time") }
        let data = check.required(json, "data", "", "an object").flatMap { check.object($0, "/data") }
        guard let typeText, let type = EventType(rawValue: typeText), let data else { throw .invalid(check.problems) }
        let kind = check.payload(type, data)
        guard check.problems.errors.isEmpty, let id, let source, let time, let kind else { throw .invalid(check.problems.errors) }
        return PACTEvent(type: type, id: id, source: source, time: time, kind: kind, json: json)
    }

    /// The URL to POST answers to, from a request's `source`: `//host/3/events` → `https://host/3/events`,
    /// a base URL gets `/3/events` appended (a trailing `/` dropped); nil when it is not a URL.
    public static func callbackURL(source: String) -> String? {
        var s = source.trimmingCharacters(in: .whitespaces)
        if s.hasPrefix("//") {
            s = "https:" + s
        } else if !s.lowercased().hasPrefix("https://") && !s.lowercased().hasPrefix("http://") {
            return nil
        }
        if let cut = s.firstIndex(where: { $0 == "?" || $0 == "#" }) { s = String(s[..<cut]) }
        while s.hasSuffix("/") { s.removeLast() }
        guard let schemeEnd = s.range(of: "://"), s[schemeEnd.upperBound...].first.map({ $0 != "/" }) ?? false,
            !s.contains(" ")
        else { return nil }
        return s.hasSuffix("/3/events") ? s : s + "/3/events"
    }
}
