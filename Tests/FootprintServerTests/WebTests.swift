import FootprintCore
import FootprintServer
import FootprintStore
import Foundation
import NIOHTTP1
import Testing

/// The web app on the real server (docs/web.md): sign-in with its CSRF cookie, sessions in
/// `__Host-` cookies, CSRF on every POST, login limits, security headers, and the role rules (a
/// customer user sees its own statement and 404 everywhere else). The pages' figures and the
/// browser checks are in Tests/web/test_web.py.
@Suite("Web app: sessions, CSRF, login limits, roles")
struct WebTests {
    static let password = "correct horse battery staple"
    static let fast = PasswordHash.Parameters(logN: 10, r: 8, p: 1)

    /// A browser's worth of state: the cookies the server set.
    final class Browser: @unchecked Sendable {
        let client: TestClient
        let base: String
        var cookies: [String: String] = [:]

        init(_ host: TestHost) throws {
            client = try TestClient(trusting: [host.certificate.certificatePEM])
            base = host.base
        }

        func send(
            _ method: HTTPMethod,
            _ path: String,
            form: [(String, String)]? = nil,
            multipart: [(name: String, file: String?, content: String)]? = nil
        ) async throws -> TestClient.Answer {
            var headers: [(String, String)] = []
            if !cookies.isEmpty { headers.append(("Cookie", cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))) }
            var body: [UInt8]?
            if let multipart {
                let boundary = "----footprint-test-boundary"
                headers.append(("Content-Type", "multipart/form-data; boundary=\(boundary)"))
                var text = ""
                for part in multipart {
                    text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
                    if let file = part.file { text += "; filename=\"\(file)\"\r\nContent-Type: text/csv" }
                    text += "\r\n\r\n\(part.content)\r\n"
                }
                body = Array((text + "--\(boundary)--\r\n").utf8)
            }
            if let form {
                headers.append(("Content-Type", "application/x-www-form-urlencoded"))
                body = Array(form.map { "\($0.0)=\(Self.encode($0.1))" }.joined(separator: "&").utf8)
            }
            let answer = try await client.send(method, base + path, headers: headers, body: body)
            for header in answer.headers[canonicalForm: "Set-Cookie"] {
                let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = pair.count > 1 ? String(pair[1]) : ""
                if value.isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = value }
            }
            return answer
        }

        static func encode(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
        }

        /// The CSRF token of the first form on the page.
        static func token(_ answer: TestClient.Answer) -> String? {
            guard let range = answer.text.range(of: "name=\"_csrf\" value=\"") else { return nil }
            return String(answer.text[range.upperBound...].prefix { $0 != "\"" })
        }

        func signIn(_ name: String, _ password: String = WebTests.password) async throws -> TestClient.Answer {
            cookies = [:]
            let page = try await send(.GET, "/app/login")
            return try await send(.POST, "/app/login", form: [("_csrf", Self.token(page) ?? ""), ("name", name), ("password", password)])
        }
    }

    /// A host with the example company calculated and its customers, and a user of each role.
    static func host(_ web: WebConfiguration = WebConfiguration()) async throws -> TestHost {
        try await TestHost.start(web: web) { ws in
            try ServiceFootprintTests.prepare(ws)
            for (name, role) in [("ada", UserRole.administrator), ("ann", .analyst), ("vera", .viewer), ("audun", .auditor)] {
                _ = try ws.users.addUser(name: name, role: role, password: password, parameters: fast)
            }
            _ = try ws.users.addUser(name: "cust", role: .customer, customer: "CUST-001", password: password, parameters: fast)
        }
    }

    @Test("sign-in: the CSRF cookie and field, a __Host- session cookie (HttpOnly, Secure, SameSite=Strict), security headers, sign-out")
    func signIn() async throws {
        let host = try await Self.host()
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        let root = try await browser.send(.GET, "/")
        #expect(root.status == 303 && root.headers["Location"].first == "/app/")
        let away = try await browser.send(.GET, "/app/overview")
        #expect(away.status == 303 && away.headers["Location"].first == "/app/login")
        let page = try await browser.send(.GET, "/app/login")
        #expect(page.status == 200)
        let csp = page.headers["Content-Security-Policy"].first ?? ""
        #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") && !csp.contains("script-src"))
        #expect(page.headers["X-Content-Type-Options"].first == "nosniff")
        #expect(page.headers["Referrer-Policy"].first == "no-referrer")
        #expect(page.headers["Strict-Transport-Security"].first?.hasPrefix("max-age=") == true)
        #expect(!page.text.contains("<script") && !page.text.contains(" style="))
        // Without the login cookie's token in the form: 403, and no session.
        let forged = try await browser.send(.POST, "/app/login", form: [("_csrf", "made-up"), ("name", "ada"), ("password", Self.password)])
        #expect(forged.status == 403)
        #expect(browser.cookies["__Host-footprint-session"] == nil)
        let signedIn = try await browser.signIn("ada")
        #expect(signedIn.status == 303 && signedIn.headers["Location"].first == "/app/overview")
        let cookie = try #require(signedIn.headers["Set-Cookie"].first { $0.hasPrefix("__Host-footprint-session=") })
        for part in ["Path=/", "Secure", "HttpOnly", "SameSite=Strict"] { #expect(cookie.contains(part)) }
        #expect(!cookie.contains("Domain"))
        let overview = try await browser.send(.GET, "/app/overview")
        #expect(overview.status == 200 && overview.text.contains("data-key=\"scope3_kgco2e\""))
        #expect(overview.headers["Content-Security-Policy"].first == csp)
        let css = try await browser.send(.GET, "/app/static/app.css")
        #expect(css.status == 200 && css.headers["Content-Type"].first?.hasPrefix("text/css") == true)
        // Every POST needs the session's token: without it 403, and the session goes on.
        #expect(try await browser.send(.POST, "/app/logout", form: []).status == 403)
        #expect(try await browser.send(.POST, "/app/language", form: [("language", "nb"), ("_csrf", "x")]).status == 403)
        #expect(try await browser.send(.GET, "/app/overview").status == 200)
        let token = try #require(Browser.token(overview))
        #expect(try await browser.send(.POST, "/app/language", form: [("language", "nb"), ("_csrf", token)]).status == 303)
        let norwegian = try await browser.send(.GET, "/app/overview")
        #expect(norwegian.text.contains("<html lang=\"nb\">") && norwegian.text.contains("Oversikt"))
        // An upload is a multipart form: its token is checked the same way, and nothing is stored without it.
        let categories = "category,scope3_category,excluded,reason\n"
        let imports = try host.workspace.imports.list().count
        let upload: [(name: String, file: String?, content: String)] = [
            (name: "kind", file: nil, content: "categories"), (name: "file", file: "categories.csv", content: categories),
        ]
        #expect(try await browser.send(.POST, "/app/imports", multipart: upload).status == 403)
        #expect(try await browser.send(.POST, "/app/imports", multipart: upload + [(name: "_csrf", file: nil, content: "forged")]).status == 403)
        #expect(try host.workspace.imports.list().count == imports)
        let accepted = try await browser.send(.POST, "/app/imports", multipart: upload + [(name: "_csrf", file: nil, content: token)])
        // Accepted: the import runs as a job (WebJobTests), and the browser is sent to its page.
        #expect(accepted.status == 303 && accepted.headers["Location"].first?.hasPrefix("/app/jobs/") == true)
        let session = browser.cookies["__Host-footprint-session"]!
        #expect(try await browser.send(.POST, "/app/logout", form: [("_csrf", token)]).status == 303)
        // The old session id no longer works, even replayed.
        browser.cookies["__Host-footprint-session"] = session
        #expect(try await browser.send(.GET, "/app/overview").status == 303)
        // The PACT API answers as before on the same port.
        let api = try await browser.send(.GET, "/3/footprints")
        #expect(api.status == 401 && api.json?["code"]?.stringValue == "BadRequest")
        let unknown = try await browser.send(.GET, "/no-such-path")
        #expect(unknown.status == 404 && unknown.json?["code"]?.stringValue == "NotFound")
    }

    @Test("login limits: a name locked after its failures (even with the right password), an address after its own, unknown names alike")
    func loginLimits() async throws {
        var web = WebConfiguration()
        web.maxFailuresPerUser = 3
        web.maxFailuresPerAddress = 6
        let host = try await Self.host(web)
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        for _ in 0..<3 { #expect(try await browser.signIn("vera", "wrong password").status == 401) }
        let locked = try await browser.signIn("vera")
        #expect(locked.status == 429 && locked.text.contains("Too many failed sign-ins"))
        #expect(browser.cookies["__Host-footprint-session"] == nil)
        // Another name still signs in from the address (4 failures so far < 6).
        #expect(try await browser.signIn("ann").status == 303)
        #expect(try await browser.signIn("nobody", "x").status == 401)
        #expect(try await browser.signIn("nobody-else", "x").status == 401)
        // Six failures from the address: every name is refused from it now.
        #expect(try await browser.signIn("audun").status == 429)
    }

    @Test("roles: internal roles read every page; a customer user its own statement only, 404 for everything else")
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
            browser.cookies = [:]
            #expect(try await browser.signIn(name).status == 303)
            for path in [
                "/app/overview", "/app/inventory", "/app/inventory?category=1", "/app/customers", "/app/customers/CUST-002", "/app/suppliers",
                "/app/runs",
            ] {
                #expect(try await browser.send(.GET, path).status == 200, "\(name) \(path)")
            }
            // A run's inputs, hashes and lines: every internal role but the viewer.
            #expect(try await browser.send(.GET, "/app/runs/1").status == (name == "vera" ? 404 : 200), "\(name)")
            #expect(try await browser.send(.GET, "/app/runs/999").status == 404)
            #expect(try await browser.send(.GET, "/app/imports").status == (["vera", "audun"].contains(name) ? 404 : 200), "\(name)")
            #expect(try await browser.send(.GET, "/app/no-such-page").status == 404)
        }
        browser.cookies = [:]
        let signedIn = try await browser.signIn("cust")
        #expect(signedIn.headers["Location"].first == "/app/customers/CUST-001")
        let own = try await browser.send(.GET, "/app/customers/CUST-001")
        #expect(own.status == 200 && !own.text.contains("/app/overview") && !own.text.contains("/app/inventory"))
        #expect(try await browser.send(.GET, "/app/customers/CUST-001?format=csv").status == 200)
        for path in [
            "/app/overview", "/app/inventory", "/app/inventory?category=1&supplier=SUP-0001", "/app/customers", "/app/customers?format=csv",
            "/app/customers/CUST-002", "/app/customers/CUST-002?format=csv", "/app/customers/cust-001", "/app/customers/%43UST-002",
            "/app/runs", "/app/runs/1", "/app/runs/1?format=csv", "/app/suppliers", "/app/imports", "/app/users",
        ] {
            let answer = try await browser.send(.GET, path)
            #expect(answer.status == 404, "\(path)")
            #expect(!answer.text.contains("CUST-002"))
        }
        #expect(try await browser.send(.POST, "/app/customers/CUST-002", form: [("_csrf", "x")]).status == 403)
        // With its own valid token, a customer user's forms elsewhere answer 404 too, and store nothing.
        let token = try #require(Browser.token(own))
        let imports = try host.workspace.imports.list().count
        for path in ["/app/customers/CUST-002", "/app/overview", "/app/no-such-form"] {
            #expect(try await browser.send(.POST, path, form: [("_csrf", token)]).status == 404, "\(path)")
        }
        let upload: [(name: String, file: String?, content: String)] = [
            (name: "_csrf", file: nil, content: token), (name: "kind", file: nil, content: "customers"),
            (name: "file", file: "customers.csv", content: "id,name\nCUST-999,Intruder\n"),
        ]
        #expect(try await browser.send(.POST, "/app/imports", multipart: upload).status == 404)
        #expect(try host.workspace.imports.list().count == imports)
    }

    /// `rows` as the pages' CSV downloads write them.
    static func csv(_ rows: [[String]]) -> String {
        var out: [UInt8] = []
        for row in rows {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(44) }
                ProvenanceCSV.append(field, to: &out)
            }
            out += [13, 10]
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("drill-down figures: every category's suppliers and every supplier's lines (all, and page by page) are `runs lines`' lines")
    func drillDown() async throws {
        var web = WebConfiguration()
        web.linesPerPage = 3
        let host = try await Self.host(web)
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        #expect(try await browser.signIn("audun").status == 303)
        // What `runs lines` gives for the latest run, by Scope 3 category and supplier, in its order.
        let run = try host.workspace.runs.run(id: nil)
        var lines: [Scope3Category: [String: [RunLine]]] = [:]
        _ = try host.workspace.runs.runLines(id: run.id) { line in
            guard line.provenance.exclusion == nil else { return }
            lines[line.scope3, default: [:]][line.supplier, default: []].append(line)
        }
        #expect(!lines.isEmpty)
        let names = try host.workspace.imports.supplierNames()
        func nanoKg(_ lines: [RunLine]) -> Int128 { lines.reduce(0) { $0 + ($1.method == nil ? 0 : AggregateAccumulator.nanoKg($1.kg)) } }
        var checkedPages = 0
        for category in Scope3Category.allCases {
            let bySupplier = lines[category] ?? [:]
            let sorted = bySupplier.sorted { a, b in nanoKg(a.value) != nanoKg(b.value) ? nanoKg(a.value) > nanoKg(b.value) : a.key < b.key }
            let page = try await browser.send(.GET, "/app/inventory?category=\(category.rawValue)&format=csv")
            #expect(page.status == 200)
            let activity = page.text.split(separator: "\r\n").filter { $0.contains(",activity data,") }.map { $0 + "\r\n" }.joined()
            let expected =
                Self.csv(
                    [["scope3_category", "supplier", "supplier_name", "lines", "kgco2e"]]
                        + sorted.map { supplier, l in
                            [String(category.rawValue), supplier, names[supplier] ?? "", String(l.count), "\(Double(nanoKg(l)) / 1e9)"]
                        }
                ) + activity
            #expect(page.text == expected, "category \(category.rawValue)")
            for (supplier, l) in sorted {
                let base = "/app/inventory?category=\(category.rawValue)&supplier=\(supplier)"
                let all = try await browser.send(.GET, base + "&format=csv")
                #expect(all.text == Self.csv([RunLinesCSV.columns] + l.map(RunLinesCSV.fields)), "\(supplier) in \(category.rawValue)")
                let html = try await browser.send(.GET, base)
                #expect(
                    html.text.contains("id=\"supplier-total\"")
                        && html.text.contains("data-value=\"\(Double(nanoKg(l)) / 1e9)\" id=\"supplier-total\"")
                )
                #expect(html.text.contains("id=\"supplier-lines\" data-value=\"\(l.count)\""))
                // Page 2 holds lines 4 to 6, in `runs lines`' order.
                if l.count > 3 {
                    let second = try await browser.send(.GET, base + "&page=2")
                    for line in l[3..<min(6, l.count)] { #expect(second.text.contains(">\(line.file):\(line.sourceLine)<"), "\(supplier) page 2") }
                    #expect(!second.text.contains(">\(l[0].file):\(l[0].sourceLine)<"))
                    checkedPages += 1
                }
            }
        }
        #expect(checkedPages > 0)
        // A supplier the run does not have: no lines, a total of zero.
        let none = try await browser.send(.GET, "/app/inventory?category=1&supplier=NO-SUCH-SUPPLIER&format=csv")
        #expect(none.status == 200 && none.text == Self.csv([RunLinesCSV.columns]))
    }

    @Test("kept figures follow the workspace: a customer's statement after its usage is replaced is the new allocation's")
    func keptAllocationFollowsImports() async throws {
        let host = try await Self.host()
        let browser = try Browser(host)
        defer {
            Task {
                await browser.client.shutdown()
                await host.stop()
            }
        }
        #expect(try await browser.signIn("ada").status == 303)
        func expected() throws -> String {
            let allocation = try host.workspace.customers.allocate(runID: nil, scope2Basis: .market)
            var context = allocation.context(verified: false)
            context.customers = context.customers.mapValues { ($0.name, .en) }
            return allocation.allocation.statement(for: "CUST-001", context: context).csv
        }
        let before = try await browser.send(.GET, "/app/customers/CUST-001?format=csv").text
        #expect(before == (try expected()))
        #expect(try await browser.send(.GET, "/app/customers/CUST-001?format=csv").text == before)
        // CUST-001 uses half as much of every service: its share changes, and so does the page at once.
        let usage = try String(contentsOfFile: ServiceFootprintTests.example + "/service_usage.csv", encoding: .utf8)
        let halved = usage.split(separator: "\n").map { line -> String in
            guard line.hasPrefix("CUST-001,") else { return String(line) }
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[3] = "\((Double(fields[3]) ?? 0) / 2)"
            return fields.joined(separator: ",")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("web-usage-\(UUID().uuidString).csv")
        try (halved.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let old = try #require(try host.workspace.imports.list().last { $0.kind == .serviceUsage && $0.status == .active })
        _ = try host.workspace.customers.importFile(kind: .serviceUsage, path: file.path, displayName: "service_usage.csv", replacing: old.id)
        let after = try await browser.send(.GET, "/app/customers/CUST-001?format=csv").text
        #expect(after != before)
        #expect(after == (try expected()))
    }
}
