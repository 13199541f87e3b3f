import FootprintCore
import Foundation
import GRDB

/// Data requests to suppliers, kept as history: a request's row never changes; status changes,
/// reminders and the PACT event a request was sent as are events appended to it.
extension SupplierStore {
    /// Records a request to `supplier` (an id of the register), asked on `requestedOn` (default today)
    /// and due on `dueOn` (YYYY-MM-DD). Its channel is `pact` when the supplier's newest PACT status
    /// fact says it has a PACT host, else `manual`; the PACT module sends `pact` requests and records
    /// the event id with `recordPACTRequestSent`.
    public func addEngagementRequest(
        supplier: String,
        kind: EngagementRequest.Kind,
        ask: String,
        dueOn: String,
        product: String? = nil,
        requestedOn: String? = nil,
        note: String? = nil
    ) throws(WorkspaceError) -> EngagementRequest {
        let requested = requestedOn ?? Workspace.today()
        var problems: [String] = []
        if ask.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("the ask is empty; say what you ask for, such as \"product footprints for 2025 purchases\"")
        }
        if !CivilDate.isValid(dueOn) { problems.append("due date '\(dueOn)' is not a date; expected YYYY-MM-DD") }
        if !CivilDate.isValid(requested) { problems.append("request date '\(requested)' is not a date; expected YYYY-MM-DD") }
        if problems.isEmpty, dueOn < requested { problems.append("due date \(dueOn) is before the request date \(requested)") }
        if !problems.isEmpty { throw .conflict("the request was not recorded: " + problems.joined(separator: "; ")) }
        let id: Int64 = try workspace.transaction { db in
            guard try Self.register(db: db).contains(where: { $0.id == supplier }) else {
                throw WorkspaceError.conflict("there is no supplier '\(supplier)' in the register; 'footprint suppliers list' lists them")
            }
            let pact = try Self.statusFacts(supplier: supplier, db: db, logger: workspace.logger).latestByKind()[.pact]?.available == true
            let now = Workspace.timestamp()
            try db.execute(
                sql: """
                    INSERT INTO engagement_request (supplier_id, kind, ask, product, requested_on, due_on, channel, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [supplier, kind.rawValue, ask, product, requested, dueOn, (pact ? EngagementRequest.Channel.pact : .manual).rawValue, now]
            )
            let id = db.lastInsertedRowID
            try Self.insertEvent(request: id, EngagementRequestEvent(kind: .requested, on: requested, note: note, recordedAt: now), db: db)
            return id
        }
        return try engagementRequest(id: id)
    }

    /// Requests, oldest first, with their events; for one supplier when `supplier` is given.
    public func engagementRequests(supplier: String? = nil) throws(WorkspaceError) -> [EngagementRequest] {
        try workspace.read { db in try Self.requests(where: "(?1 IS NULL OR supplier_id = ?1)", arguments: [supplier], db: db) }
    }

    /// One request by id.
    public func engagementRequest(id: Int64) throws(WorkspaceError) -> EngagementRequest {
        guard let found = try workspace.read({ db in try Self.requests(where: "id = ?1", arguments: [id], db: db).first }) else {
            throw .conflict("there is no engagement request #\(id); 'footprint engagement requests list' lists them")
        }
        return found
    }

    /// Appends a status change (`received`, `declined`, or `requested` again) on `on` (default today).
    public func updateEngagementRequest(
        id: Int64,
        status: EngagementRequest.Status,
        on: String? = nil,
        note: String? = nil
    ) throws(WorkspaceError) -> EngagementRequest {
        try appendEvent(
            id: id,
            EngagementRequestEvent(
                kind: EngagementRequestEvent.Kind(rawValue: status.rawValue)!,
                on: on ?? Workspace.today(),
                note: note,
                recordedAt: ""
            )
        )
    }

    /// Records the supplier's answer to an `energy` or `take-back` request: a `received` event on `on`
    /// (default today) carrying the typed data, which is checked first (every problem named by its field).
    public func answerEngagementRequest(
        id: Int64,
        answer: EngagementAnswer,
        on: String? = nil,
        note: String? = nil
    ) throws(WorkspaceError) -> EngagementRequest {
        let problems = answer.problems()
        if !problems.isEmpty { throw .conflict("the answer to request #\(id) was not recorded: " + problems.joined(separator: "; ")) }
        let request = try engagementRequest(id: id)
        guard request.kind == answer.kind else {
            throw .conflict(
                "request #\(id) asks for \(request.kind.rawValue) data, not \(answer.kind.rawValue); typed answers are for energy and take-back requests"
                    + " (record other answers with 'footprint engagement requests update \(id) --status received')"
            )
        }
        return try appendEvent(
            id: id,
            EngagementRequestEvent(kind: .received, on: on ?? Workspace.today(), note: note, answer: answer, recordedAt: "")
        )
    }

    /// Records that the PACT module sent request `id` as the RequestCreated event `eventID`.
    public func recordPACTRequestSent(id: Int64, eventID: String, on: String? = nil) throws(WorkspaceError) -> EngagementRequest {
        try appendEvent(id: id, EngagementRequestEvent(kind: .pactSent, on: on ?? Workspace.today(), pactEventID: eventID, recordedAt: ""))
    }

    /// The requests a reminder is due for on `asOf` (EngagementRequest.reminderDue gives the rule);
    /// unless `record` is false, a `reminded` event is recorded for each, so the next is due 7 days later.
    public func engagementReminders(asOf: String, record: Bool = true) throws(WorkspaceError) -> [EngagementRequest] {
        guard CivilDate.isValid(asOf) else { throw .conflict("'\(asOf)' is not a date; expected YYYY-MM-DD") }
        let due = try engagementRequests().filter { $0.reminderDue(asOf: asOf) }
        guard record, !due.isEmpty else { return due }
        let now = Workspace.timestamp()
        try workspace.transaction { db in
            for r in due { try Self.insertEvent(request: r.id, EngagementRequestEvent(kind: .reminded, on: asOf, recordedAt: now), db: db) }
        }
        return due.map { r in
            var r = r
            r.events.append(EngagementRequestEvent(kind: .reminded, on: asOf, recordedAt: now))
            return r
        }
    }

    private func appendEvent(id: Int64, _ event: EngagementRequestEvent) throws(WorkspaceError) -> EngagementRequest {
        guard CivilDate.isValid(event.on) else { throw .conflict("'\(event.on)' is not a date; expected YYYY-MM-DD") }
        let request = try engagementRequest(id: id)
        if event.on < request.requestedOn { throw .conflict("\(event.on) is before request #\(id) was made (\(request.requestedOn))") }
        var e = event
        e.recordedAt = Workspace.timestamp()
        try workspace.transaction { db in try Self.insertEvent(request: id, e, db: db) }
        return try engagementRequest(id: id)
    }

    static func insertEvent(request: Int64, _ e: EngagementRequestEvent, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO engagement_request_event (request_id, kind, on_date, note, pact_event_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [request, e.kind.rawValue, e.on, e.note, e.pactEventID, e.recordedAt]
        )
        if let answer = e.answer { try insertAnswer(answer, event: db.lastInsertedRowID, request: request, db: db) }
    }

    static func requests(where condition: String, arguments: StatementArguments, db: Database) throws -> [EngagementRequest] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM engagement_request WHERE \(condition) ORDER BY id", arguments: arguments)
        guard !rows.isEmpty else { return [] }
        var events: [Int64: [EngagementRequestEvent]] = [:]
        let ids = rows.map { String($0["id"] as Int64) }.joined(separator: ",")
        let answers = try Self.answers(requests: ids, db: db)
        for e in try Row.fetchAll(db, sql: "SELECT * FROM engagement_request_event WHERE request_id IN (\(ids)) ORDER BY id") {
            events[e["request_id"], default: []].append(
                EngagementRequestEvent(
                    kind: EngagementRequestEvent.Kind(rawValue: e["kind"]) ?? .requested,
                    on: e["on_date"],
                    note: e["note"],
                    pactEventID: e["pact_event_id"],
                    answer: answers[e["id"]],
                    recordedAt: e["recorded_at"]
                )
            )
        }
        return rows.map { row in
            EngagementRequest(
                id: row["id"],
                supplier: row["supplier_id"],
                kind: EngagementRequest.Kind(rawValue: row["kind"]) ?? .other,
                ask: row["ask"],
                product: row["product"],
                requestedOn: row["requested_on"],
                dueOn: row["due_on"],
                channel: EngagementRequest.Channel(rawValue: row["channel"]) ?? .manual,
                events: events[row["id"]] ?? []
            )
        }
    }
}
