import FootprintCore
import GRDB

extension SupplierStore {
    /// The energy answers received (table `engagement_answer`), per supplier, oldest first: of one
    /// supplier when `supplier` is given, and recorded up to `recordedBy` (ISO 8601 UTC) when given,
    /// as a KPI snapshot reads the facts of its time. One query, whatever the number of suppliers.
    static func energyAnswers(supplier: String?, recordedBy: String?, db: Database) throws -> [String: [RecordedEnergyAnswer]] {
        var sql = """
            SELECT r.supplier_id, a.event_id, e.on_date, a.year, a.electricity_kwh, a.renewable_percent, a.other_energy_kwh,
                   a.product, a.typical_power_w, a.lifetime_years
            FROM engagement_answer a JOIN engagement_request r ON r.id = a.request_id JOIN engagement_request_event e ON e.id = a.event_id
            WHERE a.kind = 'energy'
            """
        var arguments: [any DatabaseValueConvertible] = []
        if let supplier {
            sql += " AND r.supplier_id = ?"
            arguments.append(supplier)
        }
        if let recordedBy {
            sql += " AND e.recorded_at <= ?"
            arguments.append(recordedBy)
        }
        sql += " ORDER BY e.on_date, a.event_id"
        var answers: [String: [RecordedEnergyAnswer]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) {
            let answer = RecordedEnergyAnswer(answer: try DecodedRow<EnergyAnswer>(row: row).value, on: row["on_date"], event: row["event_id"])
            answers[row["supplier_id"], default: []].append(answer)
        }
        return answers
    }
}
