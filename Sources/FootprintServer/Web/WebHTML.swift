import FootprintCore
import FootprintStore
import Hummingbird
import NIOCore

/// HTML text built by appending, every interpolated text escaped (`HTML.escape`).
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A query string component, percent-encoded.
    static func query(_ text: String) -> String { FormBody.encode(text) }
}

/// The shell every page shares: the header with the navigation the user's role allows, the
/// language form and sign-out (each a POST with the CSRF token), then the page's content.
struct WebPage {
    var title: String
    var session: WebSession?
    var text: WebText
    /// The navigation entry that is the current page.
    var current: String = ""
    var body: String
    /// Seconds after which the page loads itself again (a running job's page: there is no script).
    var refresh: Int? = nil

    func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="\(text.code)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(refresh.map { "<meta http-equiv=\"refresh\" content=\"\($0)\">\n" } ?? "")<title>\(HTML.escape(title)) · Footprint</title>
            <link rel="stylesheet" href="/app/static/app.css">
            </head>
            <body>
            <a class="skip" href="#main">\(text(.skip))</a>
            <header class="top">
            <p class="brand">Footprint</p>

            """
        if let session {
            html += "<nav aria-label=\"\(HTML.escape(text(.appName)))\"><ul>"
            for (path, key) in WebAccess.navigation(for: session.user) {
                let here = path == current
                html += "<li><a href=\"\(path)\"\(here ? " aria-current=\"page\"" : "")>\(HTML.escape(text(key)))</a></li>"
            }
            html += "</ul></nav>\n"
            html += """
                <div class="account">
                <p>\(text(.signedInAs)) <strong>\(HTML.escape(session.user.name))</strong> (\(HTML.escape(session.user.role.rawValue)))</p>
                <form method="post" action="/app/language" class="inline">
                \(csrfField(session))
                <label for="language">\(text(.language))</label>
                <select id="language" name="language">
                <option value="en"\(text.language == .en ? " selected" : "")>English</option>
                <option value="nb"\(text.language == .nb ? " selected" : "")>Norsk (bokmål)</option>
                </select>
                <button type="submit">\(text(.save))</button>
                </form>
                <form method="post" action="/app/logout" class="inline">
                \(csrfField(session))
                <button type="submit">\(text(.signOut))</button>
                </form>
                </div>

                """
        }
        html += "</header>\n<main id=\"main\">\n<h1>\(HTML.escape(title))</h1>\n"
        html += body
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    func csrfField(_ session: WebSession) -> String {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(HTML.escape(session.csrfToken))\">"
    }
}

/// A table of rows, each cell escaped unless given as `.raw`; numeric columns right-aligned.
struct HTMLTable {
    enum Cell {
        case text(String)
        /// A figure: its text and the exact value it shows, kept in `data-value` (the tests compare it with the CLI's JSON).
        case figure(String, value: String?)
        case raw(String)
    }

    var caption: String
    var header: [String]
    var numeric: Set<Int> = []
    var rows: [[Cell]]
    var id: String?
    /// A key per row, kept in `data-key` (the JSON key of the CLI the row's figure equals).
    var rowKeys: [String] = []

    func render() -> String {
        var html = "<div class=\"table-wrap\"><table\(id.map { " id=\"\($0)\"" } ?? "")>\n<caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        for (i, h) in header.enumerated() { html += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            html += r < rowKeys.count ? "<tr data-key=\"\(HTML.escape(rowKeys[r]))\">" : "<tr>"
            for (i, cell) in row.enumerated() {
                let tag = i == 0 ? "th scope=\"row\"" : "td"
                let close = i == 0 ? "th" : "td"
                let cls = numeric.contains(i) ? " class=\"num\"" : ""
                switch cell {
                case .text(let t): html += "<\(tag)\(cls)>\(HTML.escape(t))</\(close)>"
                case .raw(let r): html += "<\(tag)\(cls)>\(r)</\(close)>"
                case .figure(let t, let value):
                    html += "<\(tag)\(cls)\(value.map { " data-value=\"\($0)\"" } ?? "")>\(HTML.escape(t))</\(close)>"
                }
            }
            html += "</tr>\n"
        }
        html += "</tbody></table></div>\n"
        return html
    }
}

/// Responses of the web app.
enum WebResponse {
    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A CSV download (RFC 4180), named `file`.
    static func csv(_ rows: [[String]], file: String) -> Response {
        var out: [UInt8] = []
        for row in rows {
            for (i, field) in row.enumerated() {
                if i > 0 { out.append(44) }
                ProvenanceCSV.append(field, to: &out)
            }
            out += [13, 10]
        }
        return csv(ByteBuffer(bytes: out), file: file)
    }

    /// A CSV download of `body` (CSV already), named `file`.
    static func csv(_ body: ByteBuffer, file: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(file)\"", .cacheControl: "no-store",
            ],
            body: ResponseBody(byteBuffer: body)
        )
    }

    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        return Response(status: .seeOther, headers: fields)
    }
}
