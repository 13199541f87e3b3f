import Foundation
import Testing

/// `footprint suppliers segment` and `footprint engagement kpis` on the example company.
@Suite struct EngagementCommandTests {
    @Test func segmentAndKPIsNameTheirRun() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        try CLIHarness.exampleWorkspace(db)
        let none = try CLIHarness.footprint("engagement", "kpis", "--db", db)
        #expect(none.status == 1)
        #expect(try CLIHarness.footprint("calculate", "--db", db).status == 0)
        let status = dir.appendingPathComponent("supplier_status.csv").path
        try Data("supplier,fact,value,source,checked_on\nSUP-0002,sbti,targets set,test,2026-01-01\n".utf8).write(to: URL(fileURLWithPath: status))
        #expect(try CLIHarness.footprint("suppliers", "import-status", status, "--db", db).status == 0)

        let segment = try CLIHarness.footprint("suppliers", "segment", "--json", "--db", db)
        #expect(segment.status == 0, "\(segment.stderr)")
        let s = try CLIHarness.json(segment.stdout)
        #expect(s["run"] as? Int == 1 && s["coverage"] as? Double == 80)
        let rows = try #require(s["suppliers"] as? [[String: Any]])
        #expect(rows.first?["rank"] as? Int == 1 && (s["strategic_share"] as? Double ?? 0) >= 0.8)
        let text = try CLIHarness.footprint("suppliers", "segment", "--strategic", "--coverage", "50", "--db", db)
        #expect(text.status == 0 && text.stdout.contains("Run #1: "), "\(text.stdout)")
        #expect(try CLIHarness.footprint("suppliers", "segment", "--coverage", "120", "--db", db).status != 0)

        let kpis = try CLIHarness.footprint("engagement", "kpis", "--json", "--run", "1", "--db", db)
        #expect(kpis.status == 0, "\(kpis.stderr)")
        let k = try CLIHarness.json(kpis.stdout)
        #expect(k["run"] as? Int == 1 && k["sbti_targets_set_suppliers"] as? [String] == ["SUP-0002"])
        let share = try #require(k["sbti_targets_set_emission_share"] as? Double)
        #expect(share > 0 && share < 1)
        let plain = try CLIHarness.footprint("engagement", "kpis", "--db", db)
        #expect(plain.status == 0 && plain.stdout.hasPrefix("Engagement KPIs of run #1"), "\(plain.stdout)")
        #expect(try CLIHarness.footprint("engagement", "kpis", "--run", "9", "--db", db).status == 1)
    }
}

/// `engagement kpis --history`, `engagement target`, `engagement requests` and `suppliers add|edit|history` on the example company.
@Suite struct EngagementWorkflowCommandTests {
    static func jsonArray(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func historyTargetRequestsAndRegisterEdits() throws {
        let dir = try CLIHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("w.sqlite").path
        try CLIHarness.exampleWorkspace(db)
        #expect(try CLIHarness.footprint("calculate", "--db", db).status == 0)

        // The target: set, shown with its history, tracked by kpis.
        let set = try CLIHarness.footprint("engagement", "target", "--share", "67", "--by", "2027-12-31", "--json", "--db", db)
        #expect(set.status == 0, "\(set.stderr)")
        let t = try CLIHarness.json(set.stdout)
        #expect((t["target"] as? [String: Any])?["share_percent"] as? String == "67" && (t["history"] as? [Any])?.count == 1)
        #expect(try CLIHarness.footprint("engagement", "target", "--share", "167", "--by", "2027-12-31", "--db", db).status == 1)
        let late = try CLIHarness.footprint("engagement", "target", "--share", "67", "--by", "2031-01-01", "--submitted", "2025-03-31", "--db", db)
        #expect(late.status == 1 && late.stderr.contains("within five years of submission (at the latest 2030-03-31)"), "\(late.stderr)")
        #expect(try CLIHarness.footprint("engagement", "target", "--share", "67", "--db", db).status != 0)
        let kpis = try CLIHarness.json(try CLIHarness.footprint("engagement", "kpis", "--json", "--db", db).stdout)
        #expect(kpis["has_category_figures"] as? Bool == true && (kpis["cat12_kg"] as? Double ?? 0) > 0)
        let progress = try #require(kpis["target"] as? [String: Any])
        #expect(progress["share_percent"] as? String == "67" && progress["on_track"] is Bool && progress["gap"] is Double)

        // History: one row per run.
        let history = try CLIHarness.footprint("engagement", "kpis", "--history", "--json", "--db", db)
        #expect(history.status == 0, "\(history.stderr)")
        let runs = try #require(try CLIHarness.json(history.stdout)["runs"] as? [[String: Any]])
        #expect(runs.count == 1 && runs[0]["run"] as? Int == 1 && runs[0]["on_track"] as? Bool == true)
        let historyText = try CLIHarness.footprint("engagement", "kpis", "--history", "--db", db)
        #expect(historyText.status == 0 && historyText.stdout.contains("Target: 67%"), "\(historyText.stdout)")

        // The boundary chosen with the target: kept, shown, and the KPIs tracked over it.
        #expect((progress["boundary"] as? String) == "categories-1-2")
        let boundaries = try #require(kpis["boundaries"] as? [String: [String: Any]])
        #expect(Set(boundaries.keys) == ["category-1", "categories-1-2", "upstream"])
        #expect(boundaries["categories-1-2"]?["kg"] as? Double == kpis["cat12_kg"] as? Double)
        let upstream = try CLIHarness.footprint("engagement", "target", "--share", "50", "--by", "2027-12-31", "--boundary", "upstream", "--db", db)
        #expect(upstream.status == 0 && upstream.stdout.contains("50% of Categories 1-8 (upstream) emissions"), "\(upstream.stdout)")
        let tracked = try CLIHarness.json(try CLIHarness.footprint("engagement", "kpis", "--json", "--db", db).stdout)
        let upstreamShare = boundaries["upstream"]?["sbti_targets_set_emission_share"] as? Double
        #expect((tracked["target"] as? [String: Any])?["share"] as? Double == upstreamShare && upstreamShare != nil)
        #expect(
            try CLIHarness.footprint("engagement", "target", "--share", "50", "--by", "2027-12-31", "--boundary", "cat-4", "--db", db).status != 0
        )

        // Requests: add, list, update, reminders.
        let add = try CLIHarness.footprint(
            "engagement",
            "requests",
            "add",
            "SUP-0002",
            "--ask",
            "product footprints for 2025 purchases",
            "--due",
            "2027-03-31",
            "--kind",
            "pcf",
            "--on",
            "2027-01-10",
            "--json",
            "--db",
            db
        )
        #expect(add.status == 0, "\(add.stderr)")
        let r = try CLIHarness.json(add.stdout)
        #expect(r["id"] as? Int == 1 && r["status"] as? String == "requested" && r["channel"] as? String == "manual")
        #expect(try CLIHarness.footprint("engagement", "requests", "add", "NOPE", "--ask", "x", "--due", "2027-03-31", "--db", db).status == 1)
        let overdue = try Self.jsonArray(
            try CLIHarness.footprint("engagement", "requests", "list", "--status", "overdue", "--as-of", "2027-04-01", "--json", "--db", db).stdout
        )
        #expect(overdue.count == 1 && overdue[0]["overdue"] as? Bool == true)
        let reminders = try Self.jsonArray(
            try CLIHarness.footprint("engagement", "requests", "reminders", "--as-of", "2027-03-20", "--json", "--db", db).stdout
        )
        #expect(reminders.count == 1 && reminders[0]["last_reminder"] as? String == "2027-03-20")
        #expect(
            try Self.jsonArray(try CLIHarness.footprint("engagement", "requests", "reminders", "--as-of", "2027-03-21", "--json", "--db", db).stdout)
                .isEmpty
        )
        let update = try CLIHarness.footprint(
            "engagement",
            "requests",
            "update",
            "1",
            "--status",
            "received",
            "--note",
            "3 PCFs",
            "--on",
            "2027-03-25",
            "--json",
            "--db",
            db
        )
        #expect(update.status == 0, "\(update.stderr)")
        #expect((try CLIHarness.json(update.stdout)["events"] as? [Any])?.count == 3)
        // A take-back request answered with typed data: validated, shown in the list and in JSON.
        #expect(
            try CLIHarness.footprint(
                "engagement",
                "requests",
                "add",
                "SUP-0002",
                "--ask",
                "2026 take-back",
                "--due",
                "2027-03-31",
                "--kind",
                "take-back",
                "--on",
                "2027-01-10",
                "--db",
                db
            ).status == 0
        )
        let wrong = try CLIHarness.footprint(
            "engagement",
            "requests",
            "answer",
            "2",
            "--year",
            "2026",
            "--kg-returned",
            "5400",
            "--reused-percent",
            "28",
            "--recycled-percent",
            "99.9",
            "--db",
            db
        )
        #expect(wrong.status == 1 && wrong.stderr.contains("the shares add up to 127.9%"), "\(wrong.stderr)")
        let answered = try CLIHarness.footprint(
            "engagement",
            "requests",
            "answer",
            "2",
            "--year",
            "2026",
            "--units-returned",
            "1200",
            "--kg-returned",
            "5400",
            "--reused-percent",
            "28",
            "--recycled-percent",
            "71.928",
            "--residual-percent",
            "0.072",
            "--on",
            "2027-02-01",
            "--json",
            "--db",
            db
        )
        #expect(answered.status == 0, "\(answered.stderr)")
        let events = try #require(try CLIHarness.json(answered.stdout)["events"] as? [[String: Any]])
        let answer = try #require(events.last?["answer"] as? [String: Any])
        #expect(answer["kind"] as? String == "take-back" && answer["recycled_percent"] as? String == "71.928" && answer["year"] as? Int == 2026)
        #expect(
            try CLIHarness.footprint("engagement", "requests", "answer", "1", "--year", "2026", "--db", db).status == 1,
            "a pcf request takes no typed answer"
        )
        let answeredList = try CLIHarness.footprint("engagement", "requests", "list", "--supplier", "SUP-0002", "--db", db)
        #expect(answeredList.stdout.contains("answer 2027-02-01 take-back 2026: returned 1200 units, 5400 kg; 28% reused"), "\(answeredList.stdout)")
        let list = try CLIHarness.footprint("engagement", "requests", "list", "--db", db)
        #expect(list.status == 0 && list.stdout.contains("#1 SUP-0002 pcf"), "\(list.stdout)")

        // Register edits: checked, recorded, listed.
        let bad = try CLIHarness.footprint("suppliers", "edit", "SUP-0002", "--lei", "HWUPKR0MPOU8FGXBT395", "--db", db)
        #expect(bad.status == 1 && bad.stderr.contains("ISO 17442"), "\(bad.stderr)")
        let edit = try CLIHarness.footprint(
            "suppliers",
            "edit",
            "SUP-0002",
            "--lei",
            "HWUPKR0MPOU8FGXBT394",
            "--strategic",
            "--reason",
            "review",
            "--json",
            "--db",
            db
        )
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect((try CLIHarness.json(edit.stdout)["changes"] as? [[String: Any]])?.map { $0["field"] as? String } == ["lei", "strategic"])
        let added = try CLIHarness.footprint(
            "suppliers",
            "add",
            "SUP-0999",
            "--name",
            "Fjordnett AS",
            "--country",
            "NO",
            "--org-number",
            "923609016",
            "--db",
            db
        )
        #expect(added.status == 0, "\(added.stderr)")
        #expect(
            try CLIHarness.footprint("suppliers", "add", "SUP-0998", "--name", "X", "--country", "NO", "--org-number", "923609017", "--db", db).status
                == 1
        )
        let versions = try Self.jsonArray(try CLIHarness.footprint("suppliers", "history", "SUP-0002", "--json", "--db", db).stdout)
        #expect(versions.map { $0["kind"] as? String } == ["suppliers", "supplier-edit"])
        let show = try CLIHarness.json(try CLIHarness.footprint("suppliers", "show", "SUP-0999", "--json", "--db", db).stdout)
        #expect((show["supplier"] as? [String: Any])?["name"] as? String == "Fjordnett AS")

        // Parents: SUP-0999 becomes a subsidiary of SUP-0002, which has targets set: inherited, and marked.
        let status = dir.appendingPathComponent("status.csv").path
        try Data("supplier,fact,value,source,checked_on\nSUP-0002,sbti,targets set,test,2026-01-01\n".utf8).write(to: URL(fileURLWithPath: status))
        #expect(try CLIHarness.footprint("suppliers", "import-status", status, "--db", db).status == 0)
        let parent = try CLIHarness.footprint(
            "suppliers",
            "edit",
            "SUP-0999",
            "--parent",
            "SUP-0002",
            "--company-register",
            "https://w2.brreg.no/enhet/923609016",
            "--db",
            db
        )
        #expect(parent.status == 0, "\(parent.stderr)")
        let listed = try Self.jsonArray(try CLIHarness.footprint("suppliers", "list", "--json", "--db", db).stdout)
        let sub = try #require(listed.first { $0["id"] as? String == "SUP-0999" })
        #expect(sub["sbti_inherited_from"] as? String == "SUP-0002" && (sub["sbti"] as? String)?.hasSuffix("inherited from parent SUP-0002") == true)
        let shown = try CLIHarness.footprint("suppliers", "show", "SUP-0999", "--db", db)
        #expect(shown.stdout.contains("parent: SUP-0002") && shown.stdout.contains("inherited from parent SUP-0002"), "\(shown.stdout)")
        let cycle = try CLIHarness.footprint("suppliers", "edit", "SUP-0002", "--parent", "SUP-0999", "--db", db)
        #expect(cycle.status == 1 && cycle.stderr.contains("the parents form a cycle: SUP-0002 -> SUP-0999 -> SUP-0002"), "\(cycle.stderr)")
    }
}
