import Foundation
import GRDB

extension PACTStore {
    /// Keeps an event received on `/3/events` before it is answered; returns its inbox id.
    public func receivePACTEvent(client: String?, eventID: String, type: String, source: String, body: Data) throws(WorkspaceError) -> Int64 {
        try workspace.transaction { db in
            try db.execute(
                sql: "INSERT INTO pact_inbox (received_at, client, event_id, type, source, body) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [Workspace.timestamp(), client, eventID, type, source, body]
            )
            return db.lastInsertedRowID
        }
    }

    /// Received events not yet handled, oldest first.
    public func pendingPACTEvents() throws(WorkspaceError) -> [PACTInboxEvent] {
        try workspace.read { db in try PACTInboxEvent.fetchAll(db, sql: "SELECT * FROM pact_inbox WHERE status = 'pending' ORDER BY id") }
    }

    /// Every received event, newest first.
    public func pactInbox(limit: Int = 100) throws(WorkspaceError) -> [PACTInboxEvent] {
        try workspace.read { db in try PACTInboxEvent.fetchAll(db, sql: "SELECT * FROM pact_inbox ORDER BY id DESC LIMIT ?", arguments: [limit]) }
    }

    /// Records how a received event was handled and, in the same transaction, the events to send in
    /// answer: the answer is never lost between the two.
    public func completePACTEvent(id: Int64, status: String, outcome: String, answers: [PACTOutboundDraft]) throws(WorkspaceError) {
        try workspace.transaction { db in
            try db.execute(sql: "UPDATE pact_inbox SET status = ?, outcome = ? WHERE id = ?", arguments: [status, outcome, id])
            for answer in answers { try Self.enqueue(answer, db: db) }
        }
    }

    /// Queues events to send (a request of ours, a callback): delivered by the server's outbox sender.
    public func enqueuePACTEvents(_ drafts: [PACTOutboundDraft]) throws(WorkspaceError) -> [Int64] {
        try workspace.transaction { db in try drafts.map { try Self.enqueue($0, db: db) } }
    }

    static func enqueue(_ draft: PACTOutboundDraft, db: Database) throws -> Int64 {
        let now = Date().timeIntervalSince1970
        try db.execute(
            sql: """
                INSERT INTO pact_outbox (created_at, target_url, partner, event_type, event_id, body, next_attempt_at, give_up_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [Workspace.timestamp(), draft.targetURL, draft.partner, draft.eventType, draft.eventID, draft.body, now, now + draft.retryFor]
        )
        return db.lastInsertedRowID
    }

    /// Outbound events due for an attempt at `now` (seconds since 1970), oldest first.
    public func duePACTOutbox(now: Double, limit: Int = 32) throws(WorkspaceError) -> [PACTOutboxEvent] {
        try workspace.read { db in
            try PACTOutboxEvent.fetchAll(
                db,
                sql: "SELECT * FROM pact_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
                arguments: [now, limit]
            )
        }
    }

    /// The soonest time a pending outbound event is due, if any.
    public func nextPACTOutboxAttempt() throws(WorkspaceError) -> Double? {
        try workspace.read { db in try Double.fetchOne(db, sql: "SELECT min(next_attempt_at) FROM pact_outbox WHERE status = 'pending'") }
    }

    /// Records a delivery attempt: sent, or failed with the time of the next attempt (or given up).
    public func recordPACTDelivery(id: Int64, sent: Bool, error: String?, nextAttemptAt: Double?) throws(WorkspaceError) {
        try workspace.transaction { db in
            if sent {
                try db.execute(
                    sql: "UPDATE pact_outbox SET status = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?",
                    arguments: [Workspace.timestamp(), id]
                )
            } else if let nextAttemptAt {
                try db.execute(
                    sql: "UPDATE pact_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
                    arguments: [error, nextAttemptAt, id]
                )
            } else {
                try db.execute(
                    sql: "UPDATE pact_outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
                    arguments: [error, id]
                )
            }
        }
    }

    /// Outbound events, newest first.
    public func pactOutbox(limit: Int = 100) throws(WorkspaceError) -> [PACTOutboxEvent] {
        try workspace.read { db in try PACTOutboxEvent.fetchAll(db, sql: "SELECT * FROM pact_outbox ORDER BY id DESC LIMIT ?", arguments: [limit]) }
    }

}

extension PACTInboxEvent: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.camelCaseAcronyms
}

extension PACTOutboxEvent: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.camelCaseAcronyms
}
