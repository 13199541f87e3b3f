import FootprintCore

extension PACTEvent {
    /// The CloudEvents envelope around `data`.
    public static func envelope(type: EventType, id: String, source: String, time: PACTDateTime, data: JSONValue) -> JSONValue {
        .object([
            ("type", .string(type.rawValue)), ("specversion", .string("1.0")), ("id", .string(id)),
            ("source", .string(source)), ("time", .string(time.text)), ("data", data),
        ])
    }

    /// A v3 RequestFulfilledEvent answering `requestEventId` with `pfs` (v3 footprint objects).
    public static func requestFulfilled(id: String, source: String, time: PACTDateTime, requestEventId: String, pfs: [JSONValue]) -> JSONValue {
        envelope(
            type: .requestFulfilled,
            id: id,
            source: source,
            time: time,
            data: .object([("requestEventId", .string(requestEventId)), ("pfs", .array(pfs))])
        )
    }

    /// A v3 RequestRejectedEvent with a PACT error `code` (e.g. `NotFound`) and `message`.
    public static func requestRejected(
        id: String,
        source: String,
        time: PACTDateTime,
        requestEventId: String,
        code: String,
        message: String
    ) -> JSONValue {
        envelope(
            type: .requestRejected,
            id: id,
            source: source,
            time: time,
            data: .object([
                ("requestEventId", .string(requestEventId)),
                ("error", .object([("code", .string(code)), ("message", .string(message))])),
            ])
        )
    }

    /// A v3 RequestCreatedEvent asking for footprints matching `filter` (list criteria as arrays,
    /// a single date or status as a string).
    public static func requestCreated(id: String, source: String, time: PACTDateTime, filter: PACTFilter, comment: String? = nil) -> JSONValue {
        var data: [(String, JSONValue)] = []
        func list(_ name: String, _ values: [String]) { if !values.isEmpty { data.append((name, .array(values.map(JSONValue.string)))) } }
        func single(_ name: String, _ values: [String]) {
            if values.count == 1 { data.append((name, .string(values[0]))) } else { list(name, values) }
        }
        list("productId", filter.productId)
        list("companyId", filter.companyId)
        list("geography", filter.geography)
        list("classification", filter.classification)
        single("validOn", filter.validOn.map(\.text))
        single("validAfter", filter.validAfter.map(\.text))
        single("validBefore", filter.validBefore.map(\.text))
        single("status", filter.status)
        if let comment { data.append(("comment", .string(comment))) }
        return envelope(type: .requestCreated, id: id, source: source, time: time, data: .object(data))
    }

    /// A v3 PublishedEvent for footprints `pfIds`.
    public static func published(id: String, source: String, time: PACTDateTime, pfIds: [String]) -> JSONValue {
        envelope(type: .published, id: id, source: source, time: time, data: .object([("pfIds", .array(pfIds.map(JSONValue.string)))]))
    }
}
