import FootprintCore
import Foundation
import GRDB

/// One setting of the engagement target, as its history keeps it.
public struct EngagementTargetChange: Sendable, Equatable {
    /// nil when the target was cleared.
    public var target: EngagementTarget?
    /// ISO 8601 UTC.
    public var changedAt: String
}

extension SupplierStore {
    static let engagementTargetKey = "engagement.target"

    /// The current supplier-engagement target, if one is set.
    public func engagementTarget() throws(WorkspaceError) -> EngagementTarget? {
        try workspace.read { db in try Self.decodeTarget(try workspace.setting(Self.engagementTargetKey, db: db)) }
    }

    /// Every setting of the target, oldest first.
    public func engagementTargetHistory() throws(WorkspaceError) -> [EngagementTargetChange] {
        try workspace.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT value, changed_at FROM setting_history WHERE key = ? ORDER BY id",
                arguments: [Self.engagementTargetKey]
            ).map { row in
                EngagementTargetChange(target: try Self.decodeTarget(row["value"]), changedAt: row["changed_at"])
            }
        }
    }

    /// Sets the target (nil clears it): the setting changes, and the change is added to its history.
    public func setEngagementTarget(_ target: EngagementTarget?) throws(WorkspaceError) {
        if let problems = target?.problems(), !problems.isEmpty { throw .conflict("the target was not set: " + problems.joined(separator: "; ")) }
        let value: String
        if let target {
            do { value = try target.storedJSONText() } catch { throw .database("cannot encode the target: \(error)") }
        } else {
            value = ""
        }
        try workspace.transaction { db in
            try workspace.setSetting(Self.engagementTargetKey, value, db: db)
            try db.execute(
                sql: "INSERT INTO setting_history (key, value, changed_at) VALUES (?, ?, ?)",
                arguments: [Self.engagementTargetKey, value, Workspace.timestamp()]
            )
        }
    }

    static func decodeTarget(_ value: String?) throws -> EngagementTarget? {
        guard let value, !value.isEmpty else { return nil }
        return try JSONDecoder().decode(EngagementTarget.self, from: Data(value.utf8))
    }

    /// Progress towards the target of a share measured on `date`: the baseline is the first run of the
    /// KPI history whose share the target can be tracked by (EngagementProgress gives the rule).
    public func engagementProgress(target: EngagementTarget, share: Double, date: String, history: [KPISnapshot]) -> EngagementProgress? {
        guard let first = history.first(where: { $0.kpis.trackedShare(target) != nil }), let baseline = first.kpis.trackedShare(target) else {
            return EngagementProgress(target: target, baseline: (date, share), current: (date, share))
        }
        return EngagementProgress(target: target, baseline: (first.date, baseline), current: (date, share))
    }
}
