import FootprintCore
import GRDB

/// Typed answers to data requests (table `engagement_answer`, one row per `received` event with data).
extension SupplierStore {
    static func insertAnswer(_ answer: EngagementAnswer, event: Int64, request: Int64, db: Database) throws {
        var columns: [String: (any DatabaseValueConvertible)?] = ["event_id": event, "request_id": request, "kind": answer.kind.rawValue]
        switch answer {
        case .energy(let a):
            columns["year"] = a.year
            columns["electricity_kwh"] = a.electricityKWh
            columns["renewable_percent"] = a.renewablePercent
            columns["other_energy_kwh"] = a.otherEnergyKWh
            columns["product"] = a.product
            columns["typical_power_w"] = a.typicalPowerW
            columns["lifetime_years"] = a.lifetimeYears
        case .takeBack(let a):
            columns["year"] = a.year
            columns["units_returned"] = a.unitsReturned
            columns["kg_returned"] = a.kgReturned
            columns["reused_percent"] = a.reusedPercent
            columns["refurbished_percent"] = a.refurbishedPercent
            columns["recycled_percent"] = a.recycledPercent
            columns["residual_percent"] = a.residualPercent
        }
        let names = columns.keys.sorted()
        try db.execute(
            sql: "INSERT INTO engagement_answer (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
            arguments: StatementArguments(names.map { columns[$0]! })
        )
    }

    /// The answers to the requests `ids` (a comma-separated list of request ids), by event id.
    static func answers(requests ids: String, db: Database) throws -> [Int64: EngagementAnswer] {
        var answers: [Int64: EngagementAnswer] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM engagement_answer WHERE request_id IN (\(ids))") {
            switch row["kind"] as String {
            case EngagementRequest.Kind.energy.rawValue:
                answers[row["event_id"]] = .energy(energyAnswer(row))
            default:
                answers[row["event_id"]] = .takeBack(
                    TakeBackAnswer(
                        year: row["year"],
                        unitsReturned: row["units_returned"],
                        kgReturned: row["kg_returned"],
                        reusedPercent: row["reused_percent"],
                        refurbishedPercent: row["refurbished_percent"],
                        recycledPercent: row["recycled_percent"],
                        residualPercent: row["residual_percent"]
                    )
                )
            }
        }
        return answers
    }
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
