import Testing

@testable import FootprintCore

/// The engagement target's linear path, data requests' overdue and reminder rules, and dates.
@Suite struct EngagementTargetAndRequestTests {
    @Test(arguments: [("1970-01-01", 0), ("2024-02-29", 19782), ("2027-12-31", 21183), ("2000-03-01", 11017)])
    func dayNumbers(text: String, day: Int) {
        #expect(CivilDate.dayNumber(text) == day)
        #expect(CivilDate.text(day) == text)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-1-01", "x", "2024-04-31"])
    func invalidDates(text: String) { #expect(!CivilDate.isValid(text)) }

    static let target = EngagementTarget(sharePercent: "67", deadline: "2027-12-31")

    @Test func theLinearPathRunsFromTheBaselineToTheTarget() throws {
        // Baseline 2025-12-31 at 27%; deadline 2027-12-31 (730 days later) at 67%.
        // On 2026-12-31 (365 days) the path expects 27 + 40 x 365/730 = 47%.
        let mid = try #require(EngagementProgress(target: Self.target, baseline: ("2025-12-31", 0.27), current: ("2026-12-31", 0.45)))
        #expect(abs(mid.expectedShare - 0.47) < 1e-12)
        #expect(!mid.onTrack && !mid.reached && !mid.missed && abs(mid.gap - 0.22) < 1e-12)
        let ahead = try #require(EngagementProgress(target: Self.target, baseline: ("2025-12-31", 0.27), current: ("2026-12-31T10:00:00Z", 0.47)))
        #expect(ahead.onTrack && ahead.date == "2026-12-31")
        // From the deadline on, the path is the target itself.
        let late = try #require(EngagementProgress(target: Self.target, baseline: ("2025-12-31", 0.27), current: ("2028-01-01", 0.6)))
        #expect(late.expectedShare == 0.67 && late.missed && !late.onTrack)
        let reached = try #require(EngagementProgress(target: Self.target, baseline: ("2025-12-31", 0.27), current: ("2028-01-01", 0.7)))
        #expect(reached.reached && !reached.missed && reached.onTrack)
        // On the baseline's own date the path expects the baseline.
        let first = try #require(EngagementProgress(target: Self.target, baseline: ("2025-12-31", 0.27), current: ("2025-12-31", 0.27)))
        #expect(first.expectedShare == 0.27 && first.onTrack)
    }

    @Test func targetProblems() {
        #expect(Self.target.problems().isEmpty)
        #expect(EngagementTarget(sharePercent: "0", deadline: "2027-12-31").problems().count == 1)
        #expect(EngagementTarget(sharePercent: "101", deadline: "2027-12-31").problems().count == 1)
        #expect(EngagementTarget(sharePercent: "67", deadline: "31.12.2027").problems().count == 1)
        #expect(EngagementTarget(sharePercent: "67.5", deadline: "2027-12-31").share == 0.675)
        // SBTi: a supplier-engagement target is met within five years of its submission.
        #expect(EngagementTarget(sharePercent: "67", deadline: "2030-03-31", submitted: "2025-03-31").problems().isEmpty)
        let late = EngagementTarget(sharePercent: "67", deadline: "2030-04-01", submitted: "2025-03-31").problems()
        #expect(
            late == [
                "deadline 2030-04-01 is more than five years after the submission on 2025-03-31; SBTi's criteria require a supplier-engagement target to be met within five years of submission (at the latest 2030-03-31)"
            ]
        )
        #expect(EngagementTarget.latestDeadline(submitted: "2024-02-29") == "2029-02-28")
        #expect(EngagementTarget(sharePercent: "67", deadline: "2027-12-31", submitted: "31.03.2025").problems().count == 1)
    }

    static func request(due: String, events: [(EngagementRequestEvent.Kind, String)] = []) -> EngagementRequest {
        EngagementRequest(
            id: 1,
            supplier: "S",
            kind: .pcf,
            ask: "footprints",
            requestedOn: "2026-01-01",
            dueOn: due,
            channel: .manual,
            events: [EngagementRequestEvent(kind: .requested, on: "2026-01-01", recordedAt: "")]
                + events.map { EngagementRequestEvent(kind: $0.0, on: $0.1, recordedAt: "") }
        )
    }

    @Test(arguments: [
        // (due, events, as of, reminder due, overdue)
        ("2026-03-31", [], "2026-03-16", false, false),  // 15 days before: not yet
        ("2026-03-31", [], "2026-03-17", true, false),  // 14 days before
        ("2026-03-31", [(EngagementRequestEvent.Kind.reminded, "2026-03-17")], "2026-03-23", false, false),  // 6 days after a reminder
        ("2026-03-31", [(.reminded, "2026-03-17")], "2026-03-24", true, false),  // 7 days after
        ("2026-03-31", [(.reminded, "2026-03-24")], "2026-04-01", true, true),  // overdue, 8 days after
        ("2026-03-31", [], "2026-03-31", true, false),  // due today: not overdue yet
        ("2026-03-31", [(.received, "2026-03-20")], "2026-04-10", false, false),  // received: nothing due
        ("2026-03-31", [(.declined, "2026-03-20")], "2026-04-10", false, false),
        ("2026-03-31", [(.received, "2026-03-20"), (.requested, "2026-03-25")], "2026-04-10", true, true),  // asked again
    ])
    func remindersAndOverdue(due: String, events: [(EngagementRequestEvent.Kind, String)], asOf: String, reminder: Bool, overdue: Bool) {
        let r = Self.request(due: due, events: events)
        #expect(r.reminderDue(asOf: asOf) == reminder)
        #expect(r.isOverdue(asOf: asOf) == overdue)
    }

    @Test func statusAndPACTEventComeFromTheHistory() {
        let r = Self.request(due: "2026-03-31", events: [(.reminded, "2026-03-20"), (.pactSent, "2026-01-02")])
        #expect(r.status == .requested && r.lastReminder == "2026-03-20" && r.pactEventID == nil)
        var sent = r
        sent.events.append(EngagementRequestEvent(kind: .pactSent, on: "2026-01-02", pactEventID: "evt-1", recordedAt: ""))
        sent.events.append(EngagementRequestEvent(kind: .declined, on: "2026-02-01", note: "no PCFs yet", recordedAt: ""))
        #expect(sent.pactEventID == "evt-1" && sent.status == .declined)
    }
}
