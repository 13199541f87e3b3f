import FootprintCore
import GRDB

/// The suppliers' answers the sold-products calculation reads (docs/downstream.md, "Suppliers'
/// answers"): every take-back answer, and the energy answers that give a product's typical power or
/// lifetime. A run records which (their event ids), so that its figures never change after the fact.
extension SupplierStore {
    static let downstreamAnswerCondition = """
        (a.kind = 'take-back' OR (a.kind = 'energy' AND COALESCE(a.product, r.product) IS NOT NULL
            AND (a.typical_power_w IS NOT NULL OR a.lifetime_years IS NOT NULL)))
        """

    /// The event ids of the answers in the workspace now that the calculation reads, in order.
    static func downstreamAnswerEvents(db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT a.event_id FROM engagement_answer a JOIN engagement_request r ON r.id = a.request_id
                WHERE \(downstreamAnswerCondition) ORDER BY a.event_id
                """
        )
    }

    /// The answers of the events `events` (a run's), as the calculation takes them.
    static func downstreamAnswers(events: [Int64], db: Database) throws -> SupplierAnswers {
        var answers = SupplierAnswers()
        guard !events.isEmpty else { return answers }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.*, r.supplier_id, COALESCE(a.product, r.product) AS answer_product, e.on_date
                FROM engagement_answer a JOIN engagement_request r ON r.id = a.request_id JOIN engagement_request_event e ON e.id = a.event_id
                WHERE a.event_id IN (\(events.map(String.init).joined(separator: ","))) AND \(downstreamAnswerCondition)
                ORDER BY a.event_id
                """
        )
        func number(_ row: Row, _ column: String) -> Double? { (row[column] as String?).flatMap(Double.init) }
        for row in rows {
            let origin = SupplierAnswerOrigin(
                supplier: row["supplier_id"],
                request: row["request_id"],
                event: row["event_id"],
                year: row["year"],
                on: row["on_date"]
            )
            if (row["kind"] as String) == EngagementRequest.Kind.takeBack.rawValue {
                answers.takeBack.append(
                    SupplierTakeBackAnswer(
                        origin: origin,
                        reusedPercent: number(row, "reused_percent"),
                        refurbishedPercent: number(row, "refurbished_percent"),
                        recycledPercent: number(row, "recycled_percent"),
                        residualPercent: number(row, "residual_percent")
                    )
                )
            } else if let product: String = row["answer_product"] {
                answers.products.append(
                    SupplierProductAnswer(
                        origin: origin,
                        product: product,
                        typicalPowerW: number(row, "typical_power_w"),
                        lifetimeYears: number(row, "lifetime_years")
                    )
                )
            }
        }
        return answers
    }
}
