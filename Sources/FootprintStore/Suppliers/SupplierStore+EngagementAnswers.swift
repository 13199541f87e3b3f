import FootprintCore
import GRDB

/// Typed answers to data requests (table `engagement_answer`, one row per `received` event with data).
extension SupplierStore {
    static func insertAnswer(_ answer: EngagementAnswer, event: Int64, request: Int64, db: Database) throws {
        try AnswerRow(event: event, request: request, answer: answer).insert(db)
    }

    /// The answers to the requests `ids` (a comma-separated list of request ids), by event id.
    static func answers(requests ids: String, db: Database) throws -> [Int64: EngagementAnswer] {
        var answers: [Int64: EngagementAnswer] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM engagement_answer WHERE request_id IN (\(ids))") {
            answers[row["event_id"]] = try DecodedRow<EngagementAnswer>(row: row).value
        }
        return answers
    }
}

/// A row of `engagement_answer`: the answer's coding keys (`kind` and its fields) are the table's column names.
private struct AnswerRow: PersistableRecord, Encodable {
    static let databaseTableName = "engagement_answer"
    var event: Int64
    var request: Int64
    var answer: EngagementAnswer

    enum CodingKeys: String, CodingKey {
        case event = "event_id"
        case request = "request_id"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event, forKey: .event)
        try c.encode(request, forKey: .request)
        try answer.encode(to: encoder)
    }
}

/// A value decoded from a row whose column names are its coding keys (a typed answer from `engagement_answer`).
struct DecodedRow<Value: Decodable>: FetchableRecord, Decodable {
    var value: Value

    init(from decoder: any Decoder) throws { value = try Value(from: decoder) }
}

/// A typed answer as the later uses read it: which request and supplier it answers, and when.
public struct ReceivedAnswer: Sendable, Hashable {
    public var request: Int64
    public var supplier: String
    /// The request's product, if it was about one.
    public var product: String?
    /// YYYY-MM-DD of the `received` event.
    public var on: String
    public var answer: EngagementAnswer
}

extension SupplierStore {
    /// Every typed answer received, oldest first; of one kind (`energy`, `take-back`) and one supplier when given.
    public func engagementAnswers(kind: EngagementRequest.Kind? = nil, supplier: String? = nil) throws(WorkspaceError) -> [ReceivedAnswer] {
        try engagementRequests(supplier: supplier).flatMap { r in
            r.events.compactMap { e in
                guard let answer = e.answer, kind == nil || answer.kind == kind else { return nil }
                return ReceivedAnswer(request: r.id, supplier: r.supplier, product: r.product, on: e.on, answer: answer)
            }
        }
    }
}
