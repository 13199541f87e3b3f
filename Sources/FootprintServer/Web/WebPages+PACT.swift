import FootprintCore
import FootprintStore
import Foundation
import Hummingbird

/// The PACT exchange, read-only: our API clients (`pact clients list`, never a secret), partners'
/// hosts (`pact partners list`, never a secret), our published footprints (`pact list`) and the
/// events received and to send (`pact events`). Each table is a CSV with `?format=csv&part=NAME`.
extension WebApplication {
    static let pactEventsShown = 50

    func pact(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .pact)
        let text = WebText(language: user.language)
        let clients = try workspace.pact.pactClients()
        let partners = try workspace.pact.pactPartners()
        let footprints = try workspace.pact.ownFootprints()
        let inbox = try workspace.pact.pactInbox(limit: Self.pactEventsShown)
        let outbox = try workspace.pact.pactOutbox(limit: Self.pactEventsShown)
        func product(_ row: OwnFootprintRow) -> (name: String, kg: String, unit: String) {
            let json = (try? JSONValue.parse(row.json)) ?? .null
            return (
                json["productNameCompany"]?.stringValue ?? "", json["pcf"]?["pcfExcludingBiogenicUptake"]?.stringValue ?? "",
                json["pcf"]?["declaredUnitOfMeasurement"]?.stringValue ?? ""
            )
        }
        let eventType = { (type: String) in String(type.split(separator: ".").dropLast().last ?? "") }
        if Self.wantsCSV(request) {
            switch request.uri.queryParameters.get("part") ?? "footprints" {
            case "clients":
                return WebResponse.csv(
                    [["name", "client_id", "partner", "created_at", "revoked_at"]]
                        + clients.map { [$0.name, $0.clientID, $0.partner ?? "", $0.createdAt, $0.revokedAt ?? ""] },
                    file: "pact-clients.csv"
                )
            case "partners":
                return WebResponse.csv(
                    [["name", "base_url", "auth_base_url", "client_id", "supplier", "updated_at"]]
                        + partners.map { [$0.name, $0.baseURL, $0.authBaseURL ?? "", $0.clientID, $0.supplierID ?? "", $0.updatedAt] },
                    file: "pact-partners.csv"
                )
            case "inbox":
                return WebResponse.csv(
                    [["id", "received_at", "type", "event_id", "status", "outcome"]]
                        + inbox.map { ["\($0.id)", $0.receivedAt, $0.type, $0.eventID, $0.status, $0.outcome ?? ""] },
                    file: "pact-events-received.csv"
                )
            case "outbox":
                return WebResponse.csv(
                    [["id", "created_at", "type", "to", "attempts", "status", "last_error"]]
                        + outbox.map { ["\($0.id)", $0.createdAt, $0.eventType, $0.targetURL, "\($0.attempts)", $0.status, $0.lastError ?? ""] },
                    file: "pact-events-to-send.csv"
                )
            case "footprints":
                return WebResponse.csv(
                    [
                        [
                            "id", "status", "product", "pcf_excluding_biogenic_uptake", "declared_unit", "shared_with", "stored_at", "deprecated_at",
                            "superseded_by",
                        ]
                    ]
                        + footprints.map { r in
                            let p = product(r)
                            return [
                                r.id, r.status, p.name, p.kg, p.unit, r.sharedWith.joined(separator: ";"), r.storedAt, r.deprecatedAt ?? "",
                                r.supersededBy ?? "",
                            ]
                        },
                    file: "pact-footprints.csv"
                )
            default: throw HTTPError(.notFound)
            }
        }
        func download(_ part: String) -> String {
            "<p class=\"download\"><a href=\"/app/pact?format=csv&amp;part=\(part)\" download>\(HTML.escape(text(.downloadCSV)))</a></p>\n"
        }
        /// A section: its title, its CSV link and its table (captioned by the title unless `caption` says
        /// otherwise, its id the part), or "None." for a table without rows.
        func section(
            _ title: WebText.Phrase,
            _ part: String,
            caption: String? = nil,
            header: [String],
            numeric: Set<Int> = [],
            rows: [[HTMLTable.Cell]]
        ) -> String {
            let table = HTMLTable(caption: caption ?? text(title), header: header, numeric: numeric, rows: rows, id: part)
            return "<h2>\(HTML.escape(text(title)))</h2>\n" + download(part)
                + (rows.isEmpty ? "<p>\(HTML.escape(text(.nothingYet)))</p>\n" : table.render())
        }
        var body = ""
        // 50 a page: a company publishes thousands (the CSV has them all).
        let shown = paged(footprints, request)
        body += section(
            .ownFootprints,
            "footprints",
            caption: text(.ownFootprints) + (shown.pages > 1 ? " (\(text(.page)) \(shown.page) / \(shown.pages))" : ""),
            header: ["id", text(.status), text(.product), text(.kgco2e), text(.per), text(.sharedWith)],
            numeric: [3],
            rows: shown.items.map { r in
                let p = product(r)
                return [
                    .raw("<code>\(HTML.escape(r.id))</code>"), .text(r.status), .text(p.name), .figure(text.decimal(p.kg), value: p.kg),
                    .text(p.unit),
                    .text(r.sharedWith.joined(separator: ", ")),
                ]
            }
        )
        body += pageNavigation(base: "/app/pact?page=", page: shown.page, pages: shown.pages, text)
        body += section(
            .clients,
            "clients",
            header: [text(.userName), text(.clientID), text(.partner), text(.created), text(.status)],
            rows: clients.map { c in
                [
                    .text(c.name), .raw("<code>\(HTML.escape(c.clientID))</code>"), .text(c.partner ?? ""), .text(String(c.createdAt.prefix(19))),
                    .text(c.revokedAt == nil ? text(.active) : text(.revoked)),
                ]
            }
        )
        body += section(
            .partners,
            "partners",
            header: [text(.userName), text(.baseURL), text(.clientID), text(.supplier), text(.updated)],
            rows: partners.map { p in
                [
                    .text(p.name), .text(p.baseURL), .raw("<code>\(HTML.escape(p.clientID))</code>"), .text(p.supplierID ?? ""),
                    .text(String(p.updatedAt.prefix(19))),
                ]
            }
        )
        body += "<p class=\"run\">\(HTML.escape(text(.latestEvents))).</p>\n"
        body += section(
            .eventsReceived,
            "inbox",
            header: ["#", text(.received), text(.type), text(.eventID), text(.status), text(.outcome)],
            rows: inbox.map { e in
                [
                    .text("\(e.id)"), .text(String(e.receivedAt.prefix(19))), .text(eventType(e.type)),
                    .raw("<code>\(HTML.escape(e.eventID))</code>"),
                    .text(e.status), .text(e.outcome ?? ""),
                ]
            }
        )
        body += section(
            .eventsToSend,
            "outbox",
            header: ["#", text(.queued), text(.type), text(.to), text(.attempts), text(.status), text(.lastError)],
            rows: outbox.map { e in
                [
                    .text("\(e.id)"), .text(String(e.createdAt.prefix(19))), .text(eventType(e.eventType)), .text(e.targetURL),
                    .text("\(e.attempts)"),
                    .text(e.status), .text(String((e.lastError ?? "").prefix(200))),
                ]
            }
        )
        return try render(context, title: text(.pactTitle), current: "/app/pact", body: body)
    }
}
