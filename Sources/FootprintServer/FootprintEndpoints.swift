import FootprintCore
import FootprintPACT
import FootprintStore
import Hummingbird
import NIOCore

/// `GET /3/footprints` (ListFootprints: filters, `limit`, `Link: <…>; rel="next"`) and
/// `GET /3/footprints/{id}` (GetFootprint). A client sees only the footprints shared with it or
/// with everyone; any other footprint is, to it, one that does not exist.
struct FootprintEndpoints: Sendable {
    let holder: CatalogHolder
    let defaultPageSize: Int
    let maxPageSize: Int

    /// The query parameter that carries the position of the next page (opaque to clients).
    static let cursorParameter = "x-footprint-after"
    static let linkField = HTTPFields.Element.Name("Link")!

    /// Registers the endpoints on `router`, which authenticates (`PACTAuthenticationMiddleware`).
    func register(on router: some RouterMethods<PACTRequestContext>) {
        router.get("/3/footprints") { request, context in list(request, client: try context.authenticatedClient().clientID) }
        router.get("/3/footprints/:id") { request, context in
            get(request, id: context.parameters.get("id") ?? "", client: try context.authenticatedClient().clientID)
        }
    }

    func list(_ request: Request, client: String) -> Response {
        let catalog = holder.catalog
        let base = BaseURL.of(request)
        let cacheKey = client + "\u{0}" + base + "\u{0}" + (request.uri.query ?? "")
        if let cached = catalog.cachedPage(cacheKey) { return Self.response(cached) }
        let query = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
        var limit = defaultPageSize
        var after: Int64?
        for item in query {
            if item.name == "limit" {
                guard let value = Int(item.value), value >= 1 else {
                    return PACTResponse.badRequest("limit must be a whole number of at least 1, not '\(item.value)'")
                }
                limit = min(value, maxPageSize)
            } else if item.name == Self.cursorParameter {
                guard let value = Int64(item.value) else {
                    return PACTResponse.badRequest("the pagination link is not valid; start again from /3/footprints")
                }
                after = value
            }
        }
        let filter: PACTFilter
        do { filter = try PACTFilter(query: query) } catch {
            return PACTResponse.badRequest(error.description)
        }
        let page = catalog.page(filter: filter, clientID: client, after: after, limit: limit)
        var size = 12
        for entry in page.entries { size += entry.bytes.count + 1 }
        var buffer = ByteBufferAllocator().buffer(capacity: size)
        buffer.writeStaticString("{\"data\":[")
        for (i, entry) in page.entries.enumerated() {
            if i > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeBytes(entry.bytes)
        }
        buffer.writeStaticString("]}")
        var link: String?
        if let next = page.next {
            var items = query.filter { $0.name != "limit" && $0.name != Self.cursorParameter }
            items.append((name: "limit", value: String(limit)))
            items.append((name: Self.cursorParameter, value: String(next)))
            let target = base + "/3/footprints?" + items.map { FormBody.encode($0.name) + "=" + FormBody.encode($0.value) }.joined(separator: "&")
            link = "<\(target)>; rel=\"next\""
        }
        let answer = FootprintCatalog.CachedPage(body: buffer, link: link)
        catalog.cache(answer, for: cacheKey)
        return Self.response(answer)
    }

    static func response(_ page: FootprintCatalog.CachedPage) -> Response {
        var headers: HTTPFields = [.contentType: PACTResponse.jsonType]
        if let link = page.link { headers[linkField] = link }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: page.body))
    }

    func get(_ request: Request, id: String, client: String) -> Response {
        let catalog = holder.catalog
        guard UUIDText.isValid(id) else {
            return PACTResponse.badRequest("'\(id.prefix(80))' is not a footprint id: expected a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6")
        }
        guard let entry = catalog.footprint(id: id, clientID: client) else {
            return PACTResponse.error(.notFound, code: "NotFound", message: "no footprint \(id.lowercased()) is available to this client")
        }
        var buffer = ByteBufferAllocator().buffer(capacity: entry.bytes.count + 10)
        buffer.writeStaticString("{\"data\":")
        buffer.writeBytes(entry.bytes)
        buffer.writeStaticString("}")
        return Response(status: .ok, headers: [.contentType: PACTResponse.jsonType], body: ResponseBody(byteBuffer: buffer))
    }
}

/// UUIDs in their 8-4-4-4-12 hexadecimal text form.
enum UUIDText {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if !((b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102)) {
                return false
            }
        }
        return true
    }
}
