import FootprintCore
import FootprintImport
import FootprintStore
import Foundation
import Hummingbird

/// The pages: overview, inventory (scope, category, supplier, lines), customers and a customer's
/// statement. Each answers `?format=csv` with the same figures as a CSV download (kg exact, in
/// the shortest form that reads back to the same number, as the CLI's JSON and CSV).
extension WebApplication {
    static func wantsCSV(_ request: Request) -> Bool { request.uri.queryParameters.get("format") == "csv" }

    static func kgValue(_ kg: Double) -> String { "\(kg)" }

    func render(_ context: PACTRequestContext, title: String, current: String, body: String) throws -> Response {
        let session = context.webSession
        let text = WebText(language: session?.user.language ?? .en)
        return WebResponse.html(WebPage(title: title, session: session, text: text, current: current, body: body).render())
    }

    func csvLink(_ request: Request, _ text: WebText) -> String {
        var query = request.uri.query.map { String($0) } ?? ""
        query = query.split(separator: "&").filter { !$0.hasPrefix("format=") && !$0.hasPrefix("page=") }.joined(separator: "&")
        let href = request.uri.path + "?" + (query.isEmpty ? "" : query + "&") + "format=csv"
        return "<p class=\"download\"><a href=\"\(HTML.escape(href))\" download>\(text(.downloadCSV))</a></p>\n"
    }

    func runLine(_ run: CalculationRun, _ text: WebText) -> String {
        let period = run.period.map { "\(text(.period)) \(HTML.escape($0.name)) (\(text.date($0.startText))–\(text.date($0.endText))), " } ?? ""
        return "<p class=\"run\">\(period)\(text(.run)) #\(run.id), \(text.date(run.createdAt)).</p>\n"
    }

    // MARK: overview

    func overview(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .overview)
        let text = WebText(language: user.language)
        let (run, corporate) = try figures.latest()
        let inventory = corporate.inventory
        let supplierShare = run.summary.supplierDataShare
        // The headline: the keys of `calculate --json` each figure equals.
        var headline: [(key: String, label: WebText.Key, kg: Double?, share: Double?)] = [
            ("scope1_kgco2e", .scope1, inventory.scope1Kg, nil),
            ("scope2_location_based_kgco2e", .scope2Location, inventory.scope2LocationKg, nil),
            ("scope2_market_based_kgco2e", .scope2Market, inventory.scope2MarketKg, nil),
            ("scope3_kgco2e", .scope3, inventory.scope3Kg, nil),
            ("total_market_based_kgco2e", .totalMarket, inventory.totalKg(marketBased: true), nil),
            ("total_location_based_kgco2e", .totalLocation, inventory.totalKg(marketBased: false), nil),
        ]
        if inventory.activity != nil {
            headline.append(("scope3_share_market_based", .scope3Share, nil, inventory.scope3Share(marketBased: true)))
            headline.append(("scope3_share_location_based", .scope3ShareLocation, nil, inventory.scope3Share(marketBased: false)))
        }
        headline.append(("supplier_data_share", .supplierShare, nil, supplierShare))
        let trend = try figures.trend()
        let engagement = try figures.engagement()
        if Self.wantsCSV(request) {
            var rows: [[String]] = [["figure", "value", "unit"]]
            for h in headline {
                if let kg = h.kg { rows.append([h.key, Self.kgValue(kg), "kgCO2e"]) }
                if let share = h.share { rows.append([h.key, "\(share)", "share"]) }
            }
            for p in trend {
                rows.append(["period_\(p.period.name)_scope1_kgco2e", Self.kgValue(p.inventory.scope1Kg ?? 0), "kgCO2e"])
                rows.append(["period_\(p.period.name)_scope2_market_based_kgco2e", Self.kgValue(p.inventory.scope2MarketKg ?? 0), "kgCO2e"])
                rows.append(["period_\(p.period.name)_scope3_kgco2e", Self.kgValue(p.inventory.scope3Kg), "kgCO2e"])
            }
            if let (target, history) = engagement {
                rows.append(["engagement_target_share", "\((Double(target.sharePercent) ?? 0) / 100)", "share by \(target.deadline)"])
                for h in history { rows.append(["engagement_run_\(h.run)_share", "\(h.share)", "share on \(h.date)"]) }
            }
            return WebResponse.csv(rows, file: "overview-run-\(run.id).csv")
        }
        var body = runLine(run, text) + csvLink(request, text)
        body += HTMLTable(
            caption: text(.headline),
            header: [text(.part), text(.tco2e) + " / %"],
            numeric: [1],
            rows: headline.map { h in
                if let kg = h.kg { return [.text(text(h.label)), .figure(text.tonnes(kg), value: Self.kgValue(kg))] }
                return [.text(text(h.label)), .figure(text.percent(h.share ?? 0), value: "\(h.share ?? 0)")]
            },
            id: "headline",
            rowKeys: headline.map(\.key)
        ).render()
        body += "<h2>\(text(.trend))</h2>\n"
        body += WebChart.periods(trend, text: text)
        body += HTMLTable(
            caption: text(.trendText),
            header: [text(.period), text(.scope1), text(.scope2Market), text(.scope3), text(.totalMarket)],
            numeric: [1, 2, 3, 4],
            rows: trend.map { p in
                [
                    .text(p.period.name), .figure(text.tonnes(p.inventory.scope1Kg ?? 0), value: Self.kgValue(p.inventory.scope1Kg ?? 0)),
                    .figure(text.tonnes(p.inventory.scope2MarketKg ?? 0), value: Self.kgValue(p.inventory.scope2MarketKg ?? 0)),
                    .figure(text.tonnes(p.inventory.scope3Kg), value: Self.kgValue(p.inventory.scope3Kg)),
                    .figure(text.tonnes(p.inventory.totalKg(marketBased: true)), value: Self.kgValue(p.inventory.totalKg(marketBased: true))),
                ]
            },
            id: "trend"
        ).render()
        if let (target, history) = engagement {
            let share = (Double(target.sharePercent) ?? 0) / 100
            body += "<h2>\(text(.targetShare))</h2>\n"
            body +=
                "<p>\(text(.target)): \(text.percent(share)) (\(HTML.escape(target.basis == .emissions ? text(.emissionsBasis) : text(.spendBasis)))), \(text.date(target.deadline)).</p>\n"
            body += WebChart.engagementWithTable(history, target: share, text: text)
        } else {
            body += "<p>\(text(.noTrendTarget))</p>\n"
        }
        body += "<h2>\(text(.byCategory))</h2>\n" + scope3Table(inventory, text)
        return try render(context, title: text(.overview), current: "/app/overview", body: body)
    }

    func scope3Table(_ inventory: CorporateInventory, _ text: WebText) -> String {
        HTMLTable(
            caption: text(.byCategory),
            header: [text(.category), text(.tco2e), text(.supplierShare), text(.excluded)],
            numeric: [1, 2],
            rows: inventory.scope3Rows.map { r in
                [
                    .raw(
                        "<a href=\"/app/inventory?category=\(r.category.rawValue)\">\(r.category.rawValue). \(HTML.escape(text.title(r.category)))</a>"
                    ),
                    .figure(text.tonnes(r.kg), value: Self.kgValue(r.kg)),
                    .figure(text.percent(r.supplierDataShare), value: "\(r.supplierDataShare)"),
                    .text(r.exclusion ?? ""),
                ]
            },
            id: "scope3"
        ).render()
    }

    // MARK: inventory

    func inventory(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .inventory)
        let text = WebText(language: user.language)
        let (run, corporate) = try figures.latest()
        let query = request.uri.queryParameters
        let names = figures.supplierNames()
        if let scope = query.get("scope") {
            guard scope == "1" || scope == "2" else { throw HTTPError(.notFound) }
            return try activityLines(request, context: context, run: run, corporate: corporate, scope: Int(scope)!, text: text)
        }
        guard let categoryText = query.get("category") else {
            return try scopes(request, context: context, run: run, corporate: corporate, text: text)
        }
        guard let number = Int(categoryText), let category = Scope3Category(rawValue: number) else { throw HTTPError(.notFound) }
        let row = corporate.inventory.scope3Rows.first { $0.category == category }!
        let crumbs =
            "<nav aria-label=\"breadcrumb\" class=\"crumbs\"><a href=\"/app/inventory\">\(text(.inventory))</a> › "
            + "<a href=\"/app/inventory?category=\(number)\">\(number). \(HTML.escape(text.title(category)))</a>"
        guard let supplier = query.get("supplier") else {
            let sums = try figures.suppliers(run: run, category: category)
            if Self.wantsCSV(request) {
                var rows = [["scope3_category", "supplier", "supplier_name", "lines", "kgco2e"]]
                for s in sums { rows.append([String(number), s.supplier, names[s.supplier] ?? "", String(s.lines), Self.kgValue(s.kg)]) }
                if row.activityKg != 0 { rows.append([String(number), "", "activity data", "", Self.kgValue(row.activityKg)]) }
                return WebResponse.csv(rows, file: "inventory-run-\(run.id)-category-\(number).csv")
            }
            var body = crumbs + "</nav>\n" + runLine(run, text) + csvLink(request, text)
            body +=
                "<p>\(text(.total)): <strong data-value=\"\(Self.kgValue(row.kg))\" id=\"category-total\">\(text.tonnes(row.kg)) t CO2e</strong></p>\n"
            // 50 suppliers a page: a category of the benchmark has 2,000 (the CSV has them all).
            let shown = paged(sums, request)
            var rows: [[HTMLTable.Cell]] = shown.items.map { s in
                let label = names[s.supplier].map { "\(s.supplier) · \($0)" } ?? s.supplier
                return [
                    .raw(
                        "<a href=\"/app/inventory?category=\(number)&amp;supplier=\(HTML.escape(HTML.query(s.supplier)))\">\(HTML.escape(label))</a>"
                    ),
                    .text(text.count(s.lines)), .figure(text.tonnes(s.kg), value: Self.kgValue(s.kg)),
                ]
            }
            if row.activityKg != 0 && shown.page == shown.pages {
                rows.append([.text(text(.activityLines)), .text(""), .figure(text.tonnes(row.activityKg), value: Self.kgValue(row.activityKg))])
            }
            body += HTMLTable(
                caption: "\(number). \(text.title(category))" + (shown.pages > 1 ? " (\(text(.page)) \(shown.page) / \(shown.pages))" : ""),
                header: [text(.supplier), text(.lines), text(.tco2e)],
                numeric: [1, 2],
                rows: rows,
                id: "suppliers"
            ).render()
            body += pageNavigation(base: "/app/inventory?category=\(number)&amp;page=", page: shown.page, pages: shown.pages, text)
            return try render(context, title: "\(text(.inventory)): \(number). \(text.title(category))", current: "/app/inventory", body: body)
        }
        // The supplier's lines through its packs only; the page's lines with their provenance.
        let (reader, supplierLines) = try figures.supplierLines(run: run, supplier: supplier)
        let refs = supplierLines.inventory[category] ?? []
        if Self.wantsCSV(request) {
            return WebResponse.csv(
                [RunLinesCSV.columns] + (try reader.lines(refs)).map(RunLinesCSV.fields),
                file: "inventory-run-\(run.id)-lines.csv"
            )
        }
        let (pageRefs, page, pages) = paged(refs, request)
        let shown = try reader.lines(pageRefs)
        let (lineCount, nanoKg) = supplierLines.figures(category)
        let totalKg = Double(nanoKg) / 1e9
        let label = names[supplier].map { "\(supplier) · \($0)" } ?? supplier
        var body =
            crumbs + " › <a href=\"/app/inventory?category=\(number)&amp;supplier=\(HTML.escape(HTML.query(supplier)))\">"
            + "\(HTML.escape(label))</a></nav>\n" + runLine(run, text) + csvLink(request, text)
        body +=
            "<p>\(text(.total)): <strong data-value=\"\(Self.kgValue(totalKg))\" id=\"supplier-total\">\(text.tonnes(totalKg)) t CO2e</strong>, "
            + "<span id=\"supplier-lines\" data-value=\"\(lineCount)\">\(text.count(lineCount)) \(text(.lines).lowercased())</span>.</p>\n"
        body += HTMLTable(
            caption: "\(label): \(text(.lines)) (\(text(.page)) \(page) / \(pages))",
            header: [
                text(.fileLine), text(.purchaseID), text(.date), text(.amount), text(.method), text(.kgco2e), text(.factor), text(.source),
                text(.steps),
            ],
            numeric: [3, 5],
            rows: shown.map { l in
                let p = l.provenance
                return [
                    .text("\(l.file):\(l.sourceLine)"), .text(l.purchaseID), .text(text.date(l.date)), .text("\(l.amount) \(l.currency)"),
                    .text(l.methodName), .figure(text.number(l.kg, places: 2), value: Self.kgValue(l.kg)),
                    .text([p.factorValue, p.factorUnit].compactMap { $0 }.joined(separator: " ")), .text(p.source?.label ?? ""),
                    .text(Self.steps(p)),
                ]
            },
            id: "lines"
        ).render()
        body += pageNavigation(
            base: "/app/inventory?category=\(number)&amp;supplier=\(HTML.escape(HTML.query(supplier)))&amp;page=",
            page: page,
            pages: pages,
            text
        )
        return try render(context, title: "\(text(.inventory)): \(label)", current: "/app/inventory", body: body)
    }

    /// The part of `items` on the page `?page=` asks for (50 a page, `linesPerPage`), that page and the number of pages.
    func paged<T>(_ items: [T], _ request: Request) -> (items: ArraySlice<T>, page: Int, pages: Int) {
        let perPage = configuration.linesPerPage
        let pages = max(1, (items.count + perPage - 1) / perPage)
        let page = min(max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1), pages)
        return (items[min(items.count, (page - 1) * perPage)..<min(items.count, page * perPage)], page, pages)
    }

    /// The links to the previous and next page (`base` ends in `page=`, escaped for HTML); nothing for one page.
    func pageNavigation(base: String, page: Int, pages: Int, _ text: WebText) -> String {
        guard pages > 1 else { return "" }
        var nav = "<nav class=\"pages\" aria-label=\"\(text(.page))\">"
        if page > 1 { nav += "<a rel=\"prev\" href=\"\(base)\(page - 1)\">\(text(.previous))</a> " }
        nav += "<span>\(text(.page)) \(page) / \(pages)</span>"
        if page < pages { nav += " <a rel=\"next\" href=\"\(base)\(page + 1)\">\(text(.next))</a>" }
        return nav + "</nav>\n"
    }

    /// How a line's figure was obtained: the provenance columns of `runs lines` that apply, after the factor and source.
    static func steps(_ p: LineProvenance) -> String {
        let skip: Set<String> = ["method", "kgco2e", "factor_kgco2e_per_unit", "factor_unit", "source"]
        return zip(ProvenanceCSV.columns, ProvenanceCSV.fields(p)).filter { !skip.contains($0.0) && !$0.1.isEmpty }
            .map { "\($0.0.replacingOccurrences(of: "_", with: " ")) \($0.1)" }.joined(separator: "; ")
    }

    func scopes(_ request: Request, context: PACTRequestContext, run: CalculationRun, corporate: CorporateResult, text: WebText) throws -> Response {
        let inventory = corporate.inventory
        if Self.wantsCSV(request) {
            // The CLI's `report --corporate --format csv` rows: scope, part, kgco2e, note.
            return WebResponse.csv([["scope", "part", "tco2e", "note"]] + inventory.csvRows, file: "inventory-run-\(run.id).csv")
        }
        var body = runLine(run, text) + csvLink(request, text)
        body += HTMLTable(
            caption: text(.inventory),
            header: [text(.scope), text(.part), text(.tco2e), text(.note)],
            numeric: [2],
            // The rows of `report --corporate`, their figures in the user's number format.
            rows: inventory.tableRows.map { r in
                r.enumerated().map { i, cell -> HTMLTable.Cell in
                    if i == 2 { return .figure(text.figure(cell), value: nil) }
                    if i == 0, cell == "Scope 1" || cell == "Scope 2", corporate.activity != nil {
                        return .raw("<a href=\"/app/inventory?scope=\(cell.suffix(1))\">\(cell)</a>")
                    }
                    return .text(cell)
                }
            },
            id: "scopes"
        ).render()
        body += "<h2>\(text(.byCategory))</h2>\n" + scope3Table(inventory, text)
        return try render(context, title: text(.inventory), current: "/app/inventory", body: body)
    }

    /// Scope 1 or 2: the activity data's lines with their factors, as `calculate --json`'s `activity.lines`.
    func activityLines(
        _ request: Request,
        context: PACTRequestContext,
        run: CalculationRun,
        corporate: CorporateResult,
        scope: Int,
        text: WebText
    ) throws -> Response {
        let lines = (corporate.activity?.lines ?? []).filter { scope == 1 ? $0.scope1Kg != 0 : $0.scope2LocationKg != 0 || $0.scope2MarketKg != 0 }
        let factors: (ActivityLine) -> String = { l in
            l.factors.map { "\($0.role) \($0.kgPerUnit) kg/\(l.unit) (\($0.source)\($0.year.map { " \($0)" } ?? ""))" }.joined(separator: "; ")
        }
        if Self.wantsCSV(request) {
            var rows = [
                [
                    "source", "kind", "site", "activity", "quantity", "unit", "scope1_kgco2e", "scope2_location_kgco2e", "scope2_market_kgco2e",
                    "factors",
                ]
            ]
            for l in lines {
                rows.append([
                    l.source.description, l.kind.rawValue, l.site, l.activity, "\(l.quantity)", l.unit, Self.kgValue(l.scope1Kg),
                    Self.kgValue(l.scope2LocationKg), Self.kgValue(l.scope2MarketKg), factors(l),
                ])
            }
            return WebResponse.csv(rows, file: "inventory-run-\(run.id)-scope-\(scope).csv")
        }
        var body = "<nav aria-label=\"breadcrumb\" class=\"crumbs\"><a href=\"/app/inventory\">\(text(.inventory))</a> › Scope \(scope)</nav>\n"
        body += runLine(run, text) + csvLink(request, text)
        let header =
            scope == 1
            ? [text(.fileLine), text(.kind), text(.site), text(.activity), text(.quantity), text(.kgco2e), text(.factor)]
            : [
                text(.fileLine), text(.kind), text(.site), text(.activity), text(.quantity), text(.scope2Location), text(.scope2Market),
                text(.factor),
            ]
        body += HTMLTable(
            caption: "Scope \(scope): \(text(.activityLines))",
            header: header,
            numeric: scope == 1 ? [4, 5] : [4, 5, 6],
            rows: lines.map { l in
                var row: [HTMLTable.Cell] = [
                    .text(l.source.description), .text(l.kind.rawValue), .text(l.site), .text(l.activity),
                    .text(text.number(l.quantity, places: 1) + " " + l.unit),
                ]
                if scope == 1 {
                    row.append(.figure(text.number(l.scope1Kg, places: 1), value: Self.kgValue(l.scope1Kg)))
                } else {
                    row.append(.figure(text.number(l.scope2LocationKg, places: 1), value: Self.kgValue(l.scope2LocationKg)))
                    row.append(.figure(text.number(l.scope2MarketKg, places: 1), value: Self.kgValue(l.scope2MarketKg)))
                }
                row.append(.text(factors(l)))
                return row
            },
            id: "activity"
        ).render()
        return try render(context, title: "\(text(.inventory)): Scope \(scope)", current: "/app/inventory", body: body)
    }

    // MARK: customers

    func customers(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .customerList)
        let text = WebText(language: user.language)
        let (allocation, statements) = try figures.statements(language: user.language)
        if Self.wantsCSV(request) {
            var rows = [["customer", "name", "kgco2e", "scope_1_kgco2e", "scope_2_kgco2e", "scope_3_kgco2e"]]
            for (c, s) in statements {
                let scopes = s.byScope
                rows.append(
                    [c.id, c.name, ChangeAttribution.exactKg(s.totalNanoKg)] + (1...3).map { ChangeAttribution.exactKg(scopes[$0] ?? 0) }
                )
            }
            return WebResponse.csv(rows, file: "customers-run-\(allocation.run.id).csv")
        }
        let shown = paged(statements, request)
        var body = runLine(allocation.run, text) + csvLink(request, text)
        body += HTMLTable(
            caption: text(.customers) + (shown.pages > 1 ? " (\(text(.page)) \(shown.page) / \(shown.pages))" : ""),
            header: [text(.customer), text(.tco2e)],
            numeric: [1],
            rows: shown.items.map { c, s in
                [
                    .raw("<a href=\"/app/customers/\(HTML.escape(HTML.query(c.id)))\">\(HTML.escape(c.id)) · \(HTML.escape(c.name))</a>"),
                    .figure(text.tonnes(Double(s.totalNanoKg) / 1e9), value: ChangeAttribution.exactKg(s.totalNanoKg)),
                ]
            },
            id: "customers"
        ).render()
        body += pageNavigation(base: "/app/customers?page=", page: shown.page, pages: shown.pages, text)
        return try render(context, title: text(.customers), current: "/app/customers", body: body)
    }

    func statement(_ request: Request, context: PACTRequestContext, customer: String) throws -> Response {
        let user = try context.user(allowedTo: .statement(customer: customer))
        let text = WebText(language: user.language)
        // The statement from those kept for every customer (made once per allocation and language).
        let (_, statements) = try figures.statements(language: user.language)
        guard let s = statements.first(where: { $0.0.id == customer })?.1 else { throw HTTPError(.notFound) }
        if Self.wantsCSV(request) {
            // The CLI's `customers statement ID --format csv`, byte for byte.
            return WebResponse.csv(ByteBuffer(string: s.csv), file: "statement-\(run(s))-\(safe(customer)).csv")
        }
        var body = "<p class=\"run\">\(HTML.escape(s.customerName)) · \(text(.period)) \(HTML.escape(s.period)) "
        body += "(\(text.date(s.firstDay))–\(text.date(s.lastDay))), \(text(.run)) #\(s.runID).</p>\n" + csvLink(request, text)
        let scopes = s.byScope
        var rows: [[HTMLTable.Cell]] = [
            [.text(text(.customerTotal)), .figure(text.tonnes(Double(s.totalNanoKg) / 1e9), value: ChangeAttribution.exactKg(s.totalNanoKg))]
        ]
        var keys = ["kgco2e"]
        for scope in scopes.keys.sorted() {
            rows.append([
                .text("Scope \(scope)"), .figure(text.tonnes(Double(scopes[scope]!) / 1e9), value: ChangeAttribution.exactKg(scopes[scope]!)),
            ])
            keys.append("scope_\(scope)")
        }
        rows.append([
            .text(text(.statementSupplierShare)),
            .figure(text.percent(s.supplierDataShare), value: "\((s.supplierDataShare * 10000).rounded() / 10000)"),
        ])
        keys.append("supplier_data_share")
        body += HTMLTable(
            caption: text(.customerTotal),
            header: [text(.part), text(.tco2e) + " / %"],
            numeric: [1],
            rows: rows,
            id: "headline",
            rowKeys: keys
        ).render()
        body += HTMLTable(
            caption: text(.service),
            header: [text(.service), text(.key), text(.quantity), text(.tco2e)],
            numeric: [2, 3],
            rows: s.rows.map { r in
                [
                    .text(r.serviceName), .text(r.key == "usage" ? text(.usage) : r.key == "revenue" ? text(.revenue) : text(.direct)),
                    .text(r.quantity.map { text.decimal(ServiceQuantity.text($0)) + " " + (r.unit ?? "") } ?? ""),
                    .figure(text.tonnes(Double(r.nanoKg) / 1e9), value: ChangeAttribution.exactKg(r.nanoKg)),
                ]
            },
            id: "services"
        ).render()
        // The service footprints published over PACT for this customer (`customers publish`): shared with its client only.
        let footprints = try workspace.pact.ownFootprints(sharedWith: customer).filter { $0.status == "Active" }
        if !footprints.isEmpty {
            body += HTMLTable(
                caption: text(.serviceFootprints),
                header: [text(.service), text(.period), text(.perUnit), "PACT id"],
                numeric: [2],
                rows: footprints.compactMap { f -> [HTMLTable.Cell]? in
                    guard let json = try? JSONValue.parse(f.json), let pcf = json["pcf"] else { return nil }
                    let unit = [pcf["declaredUnitAmount"]?.stringValue, pcf["declaredUnitOfMeasurement"]?.stringValue].compactMap { $0 }.joined(
                        separator: " "
                    )
                    let value = pcf["pcfExcludingBiogenicUptake"]?.stringValue ?? ""
                    let period = [pcf["referencePeriodStart"]?.stringValue, pcf["referencePeriodEnd"]?.stringValue].compactMap {
                        $0.map { text.date($0) }
                    }
                    return [
                        .text(json["productNameCompany"]?.stringValue ?? ""), .text(period.joined(separator: "–")),
                        .figure("\(text.decimal(value)) kg CO2e / \(unit)", value: value), .raw("<code>\(HTML.escape(f.id))</code>"),
                    ]
                },
                id: "service-footprints"
            ).render()
        }
        return try render(context, title: "\(text(.statement)): \(s.customerName)", current: WebAccess.home(for: user), body: body)
    }

    private func run(_ s: CustomerStatement) -> Int64 { s.runID }
    private func safe(_ id: String) -> String { String(id.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" }) }
}
