import FootprintCore
import FootprintStore
import Foundation
import Hummingbird

/// Supplier engagement: the KPIs of the latest run against the target with its progress (as
/// `engagement kpis`, standard criteria, 80 % coverage, the target's attribution), the KPI stored
/// with every run (`engagement kpis --history`), and the data requests with what is overdue today
/// (`engagement requests list`).
extension WebApplication {
    func engagement(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .engagement)
        let text = WebText(language: user.language)
        let criteria = AssessmentCriteria.standard
        let (run, k) = try workspace.suppliers.engagementKPIs(runID: nil, criteria: criteria, coverage: 80, attribution: nil)
        let target = try workspace.suppliers.engagementTarget()
        var progress: EngagementProgress?
        if let target, let share = k.trackedShare(target) {
            let baseline = try workspace.suppliers.kpiBaseline(for: target)
            progress = workspace.suppliers.engagementProgress(
                target: target,
                share: share,
                date: Workspace.today(),
                history: baseline.map { [$0] } ?? []
            )
        }
        let today = Workspace.today()
        let requests = try workspace.suppliers.engagementRequests()
        let overdue = requests.filter { $0.isOverdue(asOf: today) }
        // The headline: `engagement kpis --json`'s keys.
        var headline: [(key: String, label: String, cell: HTMLTable.Cell)] = [
            ("total_kg", text(.totalEmissions), .figure(text.tonnes(k.totalKg) + " t", value: Self.kgValue(k.totalKg))),
            (
                "sbti_targets_set_kg", text(.targetsSetShare) + " (kg)",
                .figure(text.tonnes(k.targetsSetKg) + " t", value: Self.kgValue(k.targetsSetKg))
            ),
        ]
        if let share = k.targetsSetEmissionShare {
            headline.append(("sbti_targets_set_emission_share", text(.targetsSetShare), .figure(text.percent(share), value: "\(share)")))
        }
        for (currency, share) in k.targetsSetSpendShare.sorted(by: { $0.key < $1.key }) {
            headline.append(
                (
                    "sbti_targets_set_spend_share.\(currency)", "\(text(.targetsSetSpend)) (\(currency))",
                    .figure(text.percent(share), value: "\(share)")
                )
            )
        }
        if let share = k.primaryDataShare {
            headline.append(("primary_data_share", text(.primaryShare), .figure(text.percent(share), value: "\(share)")))
        }
        for boundary in EngagementBoundary.allCases {
            guard let f = k.figures(boundary), let share = f.emissionShare else { continue }
            headline.append(
                (
                    "boundaries.\(boundary.rawValue).sbti_targets_set_emission_share", "\(text(.targetsSetShare)), \(boundary.label)",
                    .figure(text.percent(share), value: "\(share)")
                )
            )
        }
        let tiers = criteria.tiers.map { "\($0.name) \(k.suppliersPerTier[$0.name] ?? 0)" }.joined(separator: ", ")
        if Self.wantsCSV(request) {
            var rows = [["figure", "value"]]
            rows.append(["run", String(run)])
            rows.append(["total_kg", Self.kgValue(k.totalKg)])
            rows.append(["sbti_targets_set_kg", Self.kgValue(k.targetsSetKg)])
            rows.append(["sbti_targets_set_emission_share", k.targetsSetEmissionShare.map { "\($0)" } ?? ""])
            for (c, s) in k.targetsSetSpendShare.sorted(by: { $0.key < $1.key }) { rows.append(["sbti_targets_set_spend_share_\(c)", "\(s)"]) }
            rows.append(["primary_data_share", k.primaryDataShare.map { "\($0)" } ?? ""])
            for b in EngagementBoundary.allCases {
                if let f = k.figures(b) { rows.append(["\(b.rawValue)_sbti_targets_set_emission_share", f.emissionShare.map { "\($0)" } ?? ""]) }
            }
            for t in criteria.tiers { rows.append(["suppliers_tier_\(t.name)", String(k.suppliersPerTier[t.name] ?? 0)]) }
            if let target {
                rows.append(["target_share_percent", target.sharePercent])
                rows.append(["target_deadline", target.deadline])
            }
            if let p = progress {
                rows.append(["target_share", "\(p.share)"])
                rows.append(["target_path_share", "\(p.expectedShare)"])
                rows.append(["target_gap", "\(p.gap)"])
                rows.append(["target_on_track", p.onTrack ? "yes" : "no"])
            }
            rows.append(["requests", String(requests.count)])
            rows.append(["requests_overdue", String(overdue.count)])
            return WebResponse.csv(rows, file: "engagement-run-\(run).csv")
        }
        var body = "<p class=\"run\">\(HTML.escape(text(.kpiRun))) #\(run).</p>\n" + csvLink(request, text)
        body += HTMLTable(
            caption: "\(text(.kpiRun)) #\(run)",
            header: [text(.part), text(.tco2e) + " / %"],
            numeric: [1],
            rows: headline.map { [.text($0.label), $0.cell] },
            id: "headline",
            rowKeys: headline.map(\.key)
        ).render()
        body += "<dl class=\"facts\"><dt>\(HTML.escape(text(.strategicAssessed)))</dt><dd>\(k.strategicAssessed.count) / \(k.strategic.count)</dd>"
        body += "<dt>\(HTML.escape(text(.suppliersPerTier)))</dt><dd>\(HTML.escape(tiers))</dd></dl>\n"
        // The target and the progress towards it.
        body += "<h2>\(HTML.escape(text(.targetProgress)))</h2>\n"
        if let target {
            body +=
                "<p>\(text(.target)): \(text.percent(target.share)) (\(HTML.escape(target.basis == .emissions ? text(.emissionsBasis) : text(.spendBasis))), "
                + "\(HTML.escape(target.boundary.label))), \(text.date(target.deadline)).</p>\n"
            if let p = progress {
                var rows: [(String, String, HTMLTable.Cell)] = [
                    ("share", text(.share), .figure(text.percent(p.share), value: "\(p.share)")),
                    (
                        "baseline_share", "\(text(.baseline)) (\(text.date(p.baselineDate)))",
                        .figure(text.percent(p.baselineShare), value: "\(p.baselineShare)")
                    ),
                    ("path_share", text(.pathShare), .figure(text.percent(p.expectedShare), value: "\(p.expectedShare)")),
                    ("gap", text(.gap), .figure(text.percent(p.gap), value: "\(p.gap)")),
                ]
                let state = p.reached ? text(.reached) : p.missed ? text(.missed) : p.onTrack ? text(.onTrack) : text(.behind)
                rows.append(("on_track", text(.status), .text(state)))
                body += HTMLTable(
                    caption: text(.targetProgress),
                    header: [text(.part), "%"],
                    numeric: [1],
                    rows: rows.map { [.text($0.1), $0.2] },
                    id: "progress",
                    rowKeys: rows.map(\.0)
                ).render()
            }
            if let (_, history) = try figures.engagement() {
                body += WebChart.engagementWithTable(history, target: target.share, text: text)
            }
        } else {
            body += "<p>\(HTML.escape(text(.noTrendTarget)))</p>\n"
        }
        // The data requests: how many, how many overdue; the list on their page.
        body += "<h2>\(HTML.escape(text(.requests)))</h2>\n"
        body +=
            "<p><span id=\"requests-count\" data-value=\"\(requests.count)\">\(text.count(requests.count))</span> · "
            + "\(HTML.escape(text(.overdueCount))): <span id=\"overdue-count\" data-value=\"\(overdue.count)\">\(text.count(overdue.count))</span> "
            + "(\(text(.asOf)) \(text.date(today))). <a href=\"/app/engagement/requests\">\(HTML.escape(text(.allRequests)))</a> · "
            + "<a href=\"/app/engagement/requests?status=overdue\">\(HTML.escape(text(.overdueOnly)))</a></p>\n"
        body += requestsTable(overdue, asOf: today, text: text, showSupplier: true)
        return try render(context, title: text(.engagementTitle), current: "/app/engagement", body: body)
    }

    /// Every data request (or only the overdue ones, `?status=overdue`) as of today, as `engagement requests list`.
    func requests(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .engagement)
        let text = WebText(language: user.language)
        let today = Workspace.today()
        let onlyOverdue = request.uri.queryParameters.get("status") == "overdue"
        let requests = try workspace.suppliers.engagementRequests().filter { !onlyOverdue || $0.isOverdue(asOf: today) }
        if Self.wantsCSV(request) {
            var rows = [["id", "supplier", "kind", "ask", "product", "channel", "requested_on", "due_on", "status", "overdue"]]
            for r in requests {
                rows.append([
                    String(r.id), r.supplier, r.kind.rawValue, r.ask, r.product ?? "", r.channel.rawValue, r.requestedOn, r.dueOn, r.status.rawValue,
                    r.isOverdue(asOf: today) ? "yes" : "no",
                ])
            }
            return WebResponse.csv(rows, file: "requests.csv")
        }
        var body = "<p class=\"crumbs\"><a href=\"/app/engagement\">\(HTML.escape(text(.engagementTitle)))</a></p>\n"
        body +=
            "<nav class=\"pages\" aria-label=\"\(HTML.escape(text(.requests)))\"><a href=\"/app/engagement/requests\"\(onlyOverdue ? "" : " aria-current=\"page\"")>\(HTML.escape(text(.allRequests)))</a>"
            + "<a href=\"/app/engagement/requests?status=overdue\"\(onlyOverdue ? " aria-current=\"page\"" : "")>\(HTML.escape(text(.overdueOnly)))</a></nav>\n"
        body += csvLink(request, text)
        body += requestsTable(requests, asOf: today, text: text, showSupplier: true)
        return try render(context, title: text(.requestsTitle), current: "/app/engagement", body: body)
    }
}
