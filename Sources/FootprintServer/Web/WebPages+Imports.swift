import FootprintCore
import FootprintImport
import FootprintStore
import Foundation
import Hummingbird
import NIOPosix

/// The imports (`footprint imports`) and uploading a file (`footprint import KIND FILE [--replace ID]`,
/// through the same `Workspace.importFile`): whole or not at all; when any row is bad, every
/// problem is shown by file, line and column, and nothing is stored.
extension WebApplication {
    /// The kinds a file upload takes (PACT files, factor libraries, register edits and the SBTi workbook have commands of their own).
    static let uploadKinds = ImportKind.allCases.filter { ![.pact, .factorLibrary, .supplierEdit, .sbtiWorkbook].contains($0) }

    func imports(_ request: Request, context: PACTRequestContext) throws -> Response {
        let user = try context.user(allowedTo: .imports)
        let text = WebText(language: user.language)
        let records = try workspace.imports.list()
        if Self.wantsCSV(request) {
            var rows = [["id", "kind", "file", "rows", "bytes", "sha256", "imported_at", "status", "replaces"]]
            for r in records {
                rows.append([
                    String(r.id), r.kind.rawValue, r.fileName, String(r.rowCount), String(r.byteCount), r.sha256, r.importedAt, r.status.rawValue,
                    r.replaces.map { String($0) } ?? "",
                ])
            }
            return WebResponse.csv(rows, file: "imports.csv")
        }
        return try render(
            context,
            title: text(.imports),
            current: "/app/imports",
            body: importsBody(request, records: records, text: text, context: context)
        )
    }

    func importsBody(_ request: Request, records: [ImportRecord], text: WebText, context: PACTRequestContext, result: String = "") -> String {
        var body = result
        body += "<h2>\(text(.upload))</h2>\n"
        body += """
            <form method="post" action="/app/imports" enctype="multipart/form-data" class="upload">
            <input type="hidden" name="_csrf" value="\(HTML.escape(context.webSession?.csrfToken ?? ""))">
            <p><label for="kind">\(text(.kind))</label>
            <select id="kind" name="kind">
            \(Self.uploadKinds.map { "<option value=\"\($0.rawValue)\"\($0 == .purchases ? " selected" : "")>\($0.rawValue)</option>" }.joined())
            </select></p>
            <p><label for="file">\(text(.file))</label>
            <input id="file" name="file" type="file" required></p>
            <p><label for="mapping">\(text(.mapping))</label>
            <input id="mapping" name="mapping" type="file" multiple aria-describedby="mapping-help">
            <span id="mapping-help" class="run">\(HTML.escape(text(.mappingHelp)))</span></p>
            <p><label for="replace">\(text(.replaces))</label>
            <select id="replace" name="replace">
            <option value="">—</option>
            \(records.filter { $0.status == .active }.map { "<option value=\"\($0.id)\">#\($0.id) \(HTML.escape($0.kind.rawValue)) \(HTML.escape($0.fileName))</option>" }.joined())
            </select></p>
            <p><button type="submit">\(text(.upload))</button></p>
            </form>

            """
        body += csvLink(request, text)
        body += HTMLTable(
            caption: text(.imports),
            header: ["#", text(.kind), text(.file), text(.lines), text(.date), text(.status), "SHA-256"],
            numeric: [3],
            rows: records.reversed().map { r in
                [
                    .text(String(r.id)), .text(r.kind.rawValue), .text(r.fileName), .text(text.count(r.rowCount)), .text(text.date(r.importedAt)),
                    .text(r.status.rawValue + (r.replaces.map { " (#\($0))" } ?? "")),
                    .raw("<code>\(HTML.escape(String(r.sha256.prefix(12))))</code>"),
                ]
            },
            id: "imports"
        ).render()
        return body
    }

    /// An uploaded file's own name, without any folder (a browser may send a path), newlines or NULs.
    static func uploadName(_ given: String?, fallback: String) -> String {
        let name =
            (given ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)?
            .filter { !$0.isNewline && $0 != "\0" } ?? ""
        return name.isEmpty || name == "." || name == ".." ? fallback : String(name.prefix(200))
    }

    func upload(_ request: Request, context: PACTRequestContext) async throws -> Response {
        let user = try context.user(allowedTo: .imports)
        let text = WebText(language: user.language)
        var request = request
        // The middleware has read the body (and checked its CSRF token); this reads it again from memory.
        let body = try await request.collectBody(upTo: configuration.maxUploadBytes)
        guard let boundary = WebMultipart.boundary(request.headers[.contentType]), let form = WebMultipart(body, boundary: boundary),
            let kind = form.text("kind").flatMap(ImportKind.init(rawValue:)), Self.uploadKinds.contains(kind), let file = form["file"]
        else { throw HTTPError(.badRequest) }
        let replacing = form.text("replace").flatMap { Int64($0) }
        // An ERP export's mapping (`footprint import purchases FILE --mapping MAPPING`): purchases only.
        // The mapping (JSON) and the files it names (`categories_file`, relative to it): one folder, each under its own name.
        let mappingParts = form.parts.filter { $0.name == "mapping" && !$0.data.isEmpty }
        if !mappingParts.isEmpty && kind != .purchases {
            let records = try workspace.imports.list()
            let result = "<div class=\"error-box\" role=\"alert\" id=\"result\"><p class=\"error\">\(HTML.escape(text(.mappingOnly)))</p></div>\n"
            let page = WebPage(
                title: text(.imports),
                session: context.webSession,
                text: text,
                current: "/app/imports",
                body: importsBody(request, records: records, text: text, context: context, result: result)
            )
            return WebResponse.html(page.render(), status: .unprocessableContent)
        }
        let displayName = Self.uploadName(file.fileName, fallback: "upload")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("footprint-upload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Each file under its own name in a folder of its own (an ERP import records the export's and the mapping's names).
        let path = folder.appendingPathComponent("export").appendingPathComponent(displayName).path
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: Data(file.data)) else { throw HTTPError(.internalServerError) }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        var mapping: String?
        if !mappingParts.isEmpty {
            let mappingFolder = folder.appendingPathComponent("mapping")
            do {
                try FileManager.default.createDirectory(at: mappingFolder, withIntermediateDirectories: true)
                for (i, part) in mappingParts.enumerated() {
                    let path = mappingFolder.appendingPathComponent(Self.uploadName(part.fileName, fallback: "mapping-\(i).json")).path
                    guard FileManager.default.createFile(atPath: path, contents: Data(part.data)) else { throw HTTPError(.internalServerError) }
                    if mapping == nil && path.lowercased().hasSuffix(".json") { mapping = path }
                }
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw error
            }
            if mapping == nil {
                mapping = mappingFolder.appendingPathComponent(Self.uploadName(mappingParts[0].fileName, fallback: "mapping-0.json")).path
            }
        }
        let workspace = self.workspace
        let mappingPath = mapping
        // The import runs as a job (WebPages+Jobs.swift), off the event loop; the browser goes to its page.
        let response = try startJob(.upload(kind: kind, file: displayName), task: "import \(displayName)", user: user, context: context) {
            progress in
            defer { try? FileManager.default.removeItem(at: folder) }
            do throws(WorkspaceError) {
                return .imported(
                    try workspace.importFile(
                        kind: kind,
                        path: path,
                        displayName: displayName,
                        replacing: replacing,
                        mapping: mappingPath,
                        progress: progress
                    )
                )
            } catch {
                return .failed(error)
            }
        }
        if response.status != .seeOther { try? FileManager.default.removeItem(at: folder) }
        return response
    }

    /// What an import came to, for its job's page: its summary, or every problem by file, line and
    /// column with nothing stored.
    func importResult(_ outcome: Result<ImportOutcome, WorkspaceError>, text: WebText) -> String {
        var result = ""
        switch outcome {
        case .success(let o):
            let r = o.record
            if o.alreadyImported {
                result = "<p class=\"notice\" role=\"status\" id=\"result\">\(HTML.escape(text(.alreadyImported))) #\(r.id).</p>\n"
            } else {
                result =
                    "<p class=\"notice\" role=\"status\" id=\"result\">\(HTML.escape(text(.imported))) #\(r.id): \(HTML.escape(r.fileName)), "
                    + "\(text.count(r.rowCount)) \(HTML.escape(r.kind.rawValue))"
                    + (o.superseded.map { "; \(HTML.escape(text(.supersedes))) #\($0)" } ?? "") + ".</p>\n"
            }
        case .failure(let error):
            result = "<div class=\"error-box\" role=\"alert\" id=\"result\"><p class=\"error\">\(HTML.escape(text(.nothingImported)))</p>\n"
            if case .input(let input) = error {
                result += HTMLTable(
                    caption: "\(text(.problems)): \(text.count(input.diagnostics.count))",
                    header: [text(.file), text(.line), text(.column), text(.problem)],
                    numeric: [1],
                    rows: input.diagnostics.map { d in [.text(d.file), .text(String(d.line)), .text(d.column ?? ""), .text(d.message)] },
                    id: "problems"
                ).render()
            } else {
                result += "<pre class=\"problems\">\(HTML.escape(error.description))</pre>\n"
            }
            result += "</div>\n"
        }
        return result
    }
}
