import FootprintCore
import FootprintImport
import FootprintServer
import FootprintStore
import FootprintTestSupport
import Foundation
import NIOHTTP1
import Testing

/// The method mix, a supplier's page, engagement, the runs diff and verification, the PACT pages
/// and ERP uploads (docs/web.md) on the real server: who reads them, that their figures are the
/// store's (the functions the CLI prints from), and that a bad ERP export stores nothing. The
/// browser checks against the CLI's JSON are in Tests/web/test_web.py.
@Suite("Web app: method mix, supplier, engagement, runs diff and verification, PACT, ERP uploads")
struct WebPagesTests {
    typealias Browser = WebTests.Browser

    static let pages = [
        "/app/methods", "/app/methods?format=csv", "/app/suppliers/SUP-0001", "/app/suppliers/SUP-0001?format=csv", "/app/engagement",
        "/app/engagement?format=csv", "/app/engagement/requests", "/app/engagement/requests?status=overdue", "/app/runs/diff",
        "/app/runs/diff?before=1&after=2", "/app/runs/diff?before=1&after=2&format=csv", "/app/pact", "/app/pact?format=csv&part=clients",
    ]

    /// A host whose workspace has two runs (2023, then 2024) and a data request, and a user of each role.
    static func host() async throws -> TestHost {
        try await TestHost.start(web: WebConfiguration()) { ws in
            try ServiceFootprintTests.prepare(ws)
            _ = try ws.runs.calculate(CalculationOptions(full: true, period: .fiscalYear(2023)))
            _ = try ws.suppliers.addEngagementRequest(
                supplier: "SUP-0001",
                kind: .pcf,
                ask: "product footprints",
                dueOn: "2020-02-28",
                requestedOn: "2020-01-06"
            )
            for (name, role) in [("ada", UserRole.administrator), ("ann", .analyst), ("vera", .viewer), ("audun", .auditor)] {
                _ = try ws.users.addUser(name: name, role: role, password: WebTests.password, parameters: WebTests.fast)
            }
            _ = try ws.users.addUser(name: "cust", role: .customer, customer: "CUST-001", password: WebTests.password, parameters: WebTests.fast)
        }
    }

    /// The `data-value` of the element with `id`, or of the row with `data-key` (its first figure).
    static func value(_ html: String, id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\" data-value=\"") else { return nil }
        return String(html[start.upperBound...].prefix { $0 != "\"" })
    }

    static func rowValues(_ html: String, key: String) -> [String] {
        guard let start = html.range(of: "<tr data-key=\"\(key)\">"), let end = html[start.upperBound...].range(of: "</tr>") else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "data-value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("every internal role reads the pages (a viewer not a run's verification); a customer user gets 404 on all of them")
    func roles() async throws {
        let host = try await Self.host()
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        for name in ["ada", "ann", "vera", "audun"] {
            #expect(try await browser.signIn(name).status == 303)
            for path in Self.pages { #expect(try await browser.send(.GET, path).status == 200, "\(name) \(path)") }
            let overview = try await browser.send(.GET, "/app/overview")
            for link in ["/app/methods", "/app/engagement", "/app/pact"] { #expect(overview.text.contains("href=\"\(link)\""), "\(name): \(link)") }
            #expect(try await browser.send(.GET, "/app/runs/2/verify").status == (name == "vera" ? 404 : 200), "\(name)")
            #expect(try await browser.send(.GET, "/app/suppliers/NO-SUCH").status == 404)
            #expect(try await browser.send(.GET, "/app/runs/diff?before=1&after=99").status == 404)
            #expect(try await browser.send(.GET, "/app/pact?format=csv&part=secrets").status == 404)
        }
        // Starting the split and the verification: whoever reads the diff may split it (a viewer too), a viewer may not verify.
        #expect(try await browser.signIn("vera").status == 303)
        let diffPage = try await browser.send(.GET, "/app/runs/diff?before=1&after=2")
        let token = try #require(Browser.token(diffPage))
        #expect(diffPage.text.contains("id=\"start-split\""))
        #expect(try await browser.send(.POST, "/app/runs/2/verify", form: [("_csrf", token)]).status == 404)
        #expect(try await browser.send(.POST, "/app/runs/diff", form: [("before", "1"), ("after", "2")]).status == 403)
        #expect(try await browser.send(.POST, "/app/runs/diff", form: [("_csrf", token), ("before", "1"), ("after", "99")]).status == 404)
        let started = try await browser.send(.POST, "/app/runs/diff", form: [("_csrf", token), ("before", "1"), ("after", "2")])
        #expect(started.status == 303)
        let job = try await WebJobTests.finish(browser, try #require(started.headers["Location"].first))
        #expect(job.text.contains("data-state=\"done\"") && job.text.contains("href=\"/app/runs/diff?before=1&amp;after=2\""))
        // Another user does not see the viewer's job.
        #expect(try await browser.signIn("audun").status == 303)
        #expect(try await browser.send(.GET, try #require(started.headers["Location"].first)).status == 404)
        #expect(try await browser.signIn("cust").status == 303)
        for path in Self.pages + ["/app/runs/2/verify"] {
            let answer = try await browser.send(.GET, path)
            #expect(answer.status == 404, "\(path)")
            #expect(!answer.text.contains("SUP-0001"))
        }
        let own = try await browser.send(.GET, "/app/customers/CUST-001")
        let customerToken = try #require(Browser.token(own))
        #expect(try await browser.send(.POST, "/app/runs/diff", form: [("_csrf", customerToken), ("before", "1"), ("after", "2")]).status == 404)
        #expect(try await browser.send(.POST, "/app/runs/2/verify", form: [("_csrf", customerToken)]).status == 404)
    }

    @Test("the figures are the store's: method mix and a supplier's methods per run, engagement KPIs, the diff's parts, the verified lines")
    func figures() async throws {
        let host = try await Self.host()
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        let ws = host.workspace
        #expect(try await browser.signIn("audun").status == 303)
        let runs = try ws.runs.list()
        #expect(runs.count == 2)
        // The method mix: per run and method, kg and share as `report --by method`.
        let methods = try await browser.send(.GET, "/app/methods")
        for run in runs {
            for row in InventoryReport(run.aggregate, by: .method).rows where row.key != CalculationMethod.unmappedName {
                let shown = Self.rowValues(methods.text, key: "\(run.id) \(row.key)")
                #expect(shown.count >= 2 && shown[0] == "\(row.kg)" && shown[1] == "\(row.share)", "run \(run.id) \(row.key): \(shown)")
            }
        }
        #expect(methods.text.contains("<title id=\"mix-kg-title\">") && methods.text.contains("<desc id=\"mix-kg-desc\">"))
        // A supplier's history of methods, as `report --by supplier`.
        let supplier = try await browser.send(.GET, "/app/suppliers/SUP-0001")
        for run in runs {
            guard let row = InventoryReport(run.aggregate, by: .supplier).rows.first(where: { $0.key == "SUP-0001" }) else { continue }
            let shown = Self.rowValues(supplier.text, key: "run-\(run.id)")
            #expect(shown.last == "\(row.kg)", "run \(run.id): \(shown)")
            #expect(Set(shown.dropLast()) == Set(row.kgByMethod.values.map { "\($0)" }))
        }
        let overview = try #require(try ws.suppliers.supplierOverviews(id: "SUP-0001").first)
        #expect(Self.value(supplier.text, id: "emissions") == overview.emissionsKg.map { "\($0)" })
        #expect(supplier.text.contains("<tr data-key=\"1\">") || supplier.text.contains("data-key=\"1\""))
        #expect(supplier.text.contains("class=\"overdue\""))
        // Engagement: the KPIs of the latest run, and the overdue request.
        let (_, kpis) = try ws.suppliers.engagementKPIs()
        let engagement = try await browser.send(.GET, "/app/engagement")
        #expect(Self.rowValues(engagement.text, key: "total_kg").first == "\(kpis.totalKg)")
        #expect(Self.rowValues(engagement.text, key: "primary_data_share").first == kpis.primaryDataShare.map { "\($0)" })
        #expect(Self.value(engagement.text, id: "overdue-count") == "1")
        // The diff: the totals at once from the stored inventories; the parts once the split's job has ended, exact, as `runs diff 1 2 --json`.
        let parts = try ws.runs.changeAttribution(before: 1, after: 2)
        let unsplit = try await browser.send(.GET, "/app/runs/diff?before=1&after=2")
        #expect(Self.rowValues(unsplit.text, key: "delta_kgco2e").first == "\(runs[1].aggregate.total.kg - runs[0].aggregate.total.kg)")
        #expect(unsplit.text.contains("id=\"split\" data-state=\"absent\"") && !unsplit.text.contains("<tr data-key=\"total\">"))
        #expect(unsplit.text.contains("id=\"why\"") || unsplit.text.contains("<h2>"))
        let unsplitCSV = try await browser.send(.GET, "/app/runs/diff?before=1&after=2&format=csv")
        #expect(unsplitCSV.status == 200 && !unsplitCSV.text.contains("\nattribution,"))
        let token = try #require(Browser.token(unsplit))
        let started = try await browser.send(.POST, "/app/runs/diff", form: [("_csrf", token), ("before", "1"), ("after", "2")])
        #expect(started.status == 303)
        let splitJob = try await WebJobTests.finish(browser, try #require(started.headers["Location"].first))
        #expect(splitJob.text.contains("data-state=\"done\"") && splitJob.text.contains("id=\"result\""))
        let diff = try await browser.send(.GET, "/app/runs/diff?before=1&after=2")
        #expect(!diff.text.contains("id=\"split\" data-state=\"absent\""))
        #expect(
            Self.rowValues(diff.text, key: "total")
                == [
                    parts.total.before, parts.total.after, parts.total.delta, parts.total.parts.activity, parts.total.parts.methodSwitch,
                    parts.total.parts.figures,
                ]
                .map { ChangeAttribution.exactKg($0) }
        )
        let splitCSV = try await browser.send(.GET, "/app/runs/diff?before=1&after=2&format=csv")
        #expect(splitCSV.text.contains("\nattribution,total,\(ChangeAttribution.exactKg(parts.total.before)),"))
        // Split once: starting it again goes straight to the diff.
        let again = try await browser.send(.POST, "/app/runs/diff", form: [("_csrf", token), ("before", "1"), ("after", "2")])
        #expect(again.status == 303 && again.headers["Location"].first == "/app/runs/diff?before=1&after=2")
        // The verification, as `runs show 2`: a button first, then the job's page, then the run's page shows it.
        let verification = try ws.runs.verifyRun(id: 2)
        let unverified = try await browser.send(.GET, "/app/runs/2/verify")
        #expect(unverified.text.contains("id=\"start-verification\"") && !unverified.text.contains("id=\"verified-lines\""))
        let verifying = try await browser.send(.POST, "/app/runs/2/verify", form: [("_csrf", token)])
        #expect(verifying.status == 303)
        let verifyJob = try await WebJobTests.finish(browser, try #require(verifying.headers["Location"].first))
        #expect(verifyJob.text.contains("data-state=\"done\"") && verifyJob.text.contains("href=\"/app/runs/2/verify\""))
        #expect(Self.value(verifyJob.text, id: "verified-lines") == "\(verification.lines)")
        let verify = try await browser.send(.GET, "/app/runs/2/verify")
        #expect(verify.text.contains("id=\"verified-at\""))
        #expect(Self.value(verify.text, id: "verified-lines") == "\(verification.lines)")
        #expect(Self.value(verify.text, id: "verified-kg") == "\(verification.kg)")
        // The PACT page never shows a secret.
        let pact = try await browser.send(.GET, "/app/pact")
        #expect(pact.status == 200 && !pact.text.lowercased().contains("secret"))
    }

    @Test("an ERP export with its mapping: a bad one lists its rows by line and column and stores nothing; a mapping for another kind is refused")
    func erpUpload() async throws {
        let host = try await Self.host()
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        let erp = SharedFolder.packageRoot.appendingPathComponent("examples/erp/nordic")
        // The example's mapping, reading UTF-8 (the multipart parts here are text): an export in its layout, two rows bad.
        let mapping = try String(contentsOf: erp.appendingPathComponent("mapping.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"encoding\": \"windows-1252\"", with: "\"encoding\": \"utf-8\"")
        #expect(mapping.contains("\"encoding\": \"utf-8\""))
        // The file of more rules the mapping names (`categories_file`), uploaded beside it.
        let travel = try String(contentsOf: erp.appendingPathComponent("travel-accounts.csv"), encoding: .utf8)
        let export = """
            Bilagsnr;Linje;Dato;Leverandør;Konto;Kontonavn;Tekst;Kunde;Beløp;Valuta
            24009;1;19.09.2024;Telia Norge AS;6900;Telefon;Faktura;;5 953,68;NOK
            24009;2;31.02.2024;Telenor Norge AS;6900;Telefon;Abonnement;;9 110,79;NOK
            24017;1;05.10.2024;Dustin Norge AS;6551;Datautstyr;Bestilling;;1 6x4,07;NOK

            """
        #expect(try await browser.signIn("ann").status == 303)
        let page = try await browser.send(.GET, "/app/imports")
        #expect(page.text.contains("name=\"mapping\""))
        let token = try #require(Browser.token(page))
        let before = try host.workspace.imports.list()
        let refused = try await browser.send(
            .POST,
            "/app/imports",
            multipart: [
                (name: "_csrf", file: nil, content: token), (name: "kind", file: nil, content: "suppliers"),
                (name: "file", file: "suppliers.csv", content: "id,name\nSUP-9999,X\n"), (name: "mapping", file: "mapping.json", content: mapping),
            ]
        )
        #expect(refused.status == 422 && refused.text.contains("An ERP mapping applies to purchases only"))
        let rejected = try await browser.send(
            .POST,
            "/app/imports",
            multipart: [
                (name: "_csrf", file: nil, content: token), (name: "kind", file: nil, content: "purchases"),
                (name: "file", file: "hovedbok.csv", content: export), (name: "mapping", file: "mapping.json", content: mapping),
                (name: "mapping", file: "travel-accounts.csv", content: travel),
            ]
        )
        // The upload runs as a job (WebJobTests): its page ends failed, with the problems.
        #expect(rejected.status == 303)
        let job = try await WebJobTests.finish(browser, try #require(rejected.headers["Location"].first))
        #expect(job.text.contains("data-state=\"failed\"") && job.text.contains("id=\"problems\""))
        // Both bad rows, by the export's own line (3 and 4) and a column, against the export's own name.
        #expect(job.text.contains("<th scope=\"row\">hovedbok.csv</th><td class=\"num\">3</td>"))
        #expect(job.text.contains("<th scope=\"row\">hovedbok.csv</th><td class=\"num\">4</td>"))
        #expect(try host.workspace.imports.list() == before)
    }
}
