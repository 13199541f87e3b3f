/// A data request to a supplier: what was asked, when, by when, and its history of events.
///
/// Requests are history: a request's row never changes, and every change of status, reminder or
/// PACT sending is a new event. The status is the newest status event's; `overdue` is computed.
public struct EngagementRequest: Sendable, Hashable, Codable {
    /// What is asked for.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Product carbon footprints (PACT or otherwise).
        case pcf
        /// A corporate emissions disclosure (scopes 1, 2, 3, revenue).
        case disclosure
        /// Energy use and its sources.
        case energy
        /// Take-back and end-of-life figures.
        case takeBack = "take-back"
        case other
    }

    /// How the request reaches the supplier.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        /// By the user, outside Footprint (e-mail, a meeting).
        case manual
        /// As a PACT RequestCreated event to the supplier's PACT host (sent by the PACT module).
        case pact
    }

    /// The status a request is in.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case requested, received, declined
    }

    public var id: Int64
    public var supplier: String
    public var kind: Kind
    public var ask: String
    /// A product the request is about (a PACT product id URN), if any.
    public var product: String?
    /// YYYY-MM-DD.
    public var requestedOn: String
    public var dueOn: String
    public var channel: Channel
    /// Oldest first.
    public var events: [EngagementRequestEvent]

    public init(
        id: Int64,
        supplier: String,
        kind: Kind,
        ask: String,
        product: String? = nil,
        requestedOn: String,
        dueOn: String,
        channel: Channel,
        events: [EngagementRequestEvent] = []
    ) {
        self.id = id
        self.supplier = supplier
        self.kind = kind
        self.ask = ask
        self.product = product
        self.requestedOn = requestedOn
        self.dueOn = dueOn
        self.channel = channel
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case id, supplier, kind, ask, product, channel, events
        case requestedOn = "requested_on"
        case dueOn = "due_on"
    }

    /// The newest status event's status; `requested` when there is none.
    public var status: Status {
        events.last(where: { $0.kind.status != nil })?.kind.status ?? .requested
    }

    /// The date of the last reminder, if one was recorded.
    public var lastReminder: String? { events.last(where: { $0.kind == .reminded })?.on }

    /// The typed answers received (energy or take-back data), oldest first.
    public var answers: [EngagementAnswer] { events.compactMap(\.answer) }

    /// The id of the PACT RequestCreated event the request was sent as, once the PACT module recorded it.
    public var pactEventID: String? { events.last(where: { $0.kind == .pactSent })?.pactEventID }

    /// Still requested and the due date is before `asOf` (YYYY-MM-DD).
    public func isOverdue(asOf: String) -> Bool {
        guard status == .requested, let due = CivilDate.dayNumber(dueOn), let today = CivilDate.dayNumber(asOf) else { return false }
        return today > due
    }

    /// Days a reminder is sent before the due date, and the days between two reminders.
    public static let reminderWindowDays = 14
    public static let reminderIntervalDays = 7

    /// Whether a reminder is due on `asOf`. The rule: the request is still `requested`; its due date
    /// is at most 14 days away or has passed; and no reminder was recorded in the 7 days before
    /// `asOf` (a reminder on day d allows the next from day d + 7).
    public func reminderDue(asOf: String) -> Bool {
        guard status == .requested, let due = CivilDate.dayNumber(dueOn), let today = CivilDate.dayNumber(asOf) else { return false }
        guard due - today <= Self.reminderWindowDays else { return false }
        if let last = lastReminder.flatMap(CivilDate.dayNumber) { return today - last >= Self.reminderIntervalDays }
        return true
    }
}

/// One event in a request's history.
public struct EngagementRequestEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case requested, received, declined
        /// A reminder was sent.
        case reminded
        /// The PACT module sent the request as a RequestCreated event (`pactEventID`).
        case pactSent = "pact-sent"

        /// The status the event puts the request in; nil for reminders and PACT sending.
        public var status: EngagementRequest.Status? { EngagementRequest.Status(rawValue: rawValue) }
    }

    public var kind: Kind
    /// YYYY-MM-DD: the date the event happened (given by the user, or today).
    public var on: String
    public var note: String?
    public var pactEventID: String?
    /// For a `received` event: the typed data the supplier answered with, if any.
    public var answer: EngagementAnswer?
    /// When it was recorded, ISO 8601 UTC.
    public var recordedAt: String

    public init(kind: Kind, on: String, note: String? = nil, pactEventID: String? = nil, answer: EngagementAnswer? = nil, recordedAt: String) {
        self.answer = answer
        self.kind = kind
        self.on = on
        self.note = note
        self.pactEventID = pactEventID
        self.recordedAt = recordedAt
    }

    enum CodingKeys: String, CodingKey {
        case kind, on, note, answer
        case pactEventID = "pact_event_id"
        case recordedAt = "recorded_at"
    }
}
