import FootprintStore
import Hummingbird

/// Checks `Authorization: Bearer …` once for the routes behind it (everything but the token
/// endpoint and discovery): the client the token names goes into the context for the handlers, or
/// the request is answered with a 401 here. An invalid token gets `BadRequest` and an expired one
/// `TokenExpired`, both 401 with `WWW-Authenticate`, as the PACT specification and RFC 6750 ask.
struct PACTAuthenticationMiddleware: RouterMiddleware {
    typealias Context = PACTRequestContext
    let tokens: AccessTokens
    /// Where the active clients are: a revoked client's tokens stop working when the catalogue reloads.
    let holder: CatalogHolder

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        switch authenticate(request, catalog: holder.catalog) {
        case .refused(let response):
            return response
        case .client(let client):
            var context = context
            context.client = client
            return try await next(request, context)
        }
    }

    enum Outcome {
        case client(PACTClientRecord)
        case refused(Response)
    }

    func authenticate(_ request: Request, catalog: FootprintCatalog) -> Outcome {
        guard let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            return .refused(
                refusal(
                    "invalid_request",
                    code: "BadRequest",
                    message: "an access token is required: 'Authorization: Bearer <token>' from POST /auth/token"
                )
            )
        }
        let token = header.dropFirst(7).drop(while: { $0 == " " })
        switch tokens.verify(token) {
        case .valid(let clientID):
            guard let client = catalog.clients[clientID] else {
                return .refused(refusal("invalid_token", code: "BadRequest", message: "the access token's client is no longer active"))
            }
            return .client(client)
        case .expired:
            return .refused(
                refusal("invalid_token", code: "TokenExpired", message: "the access token has expired; request a new one from the token endpoint")
            )
        case .invalid:
            return .refused(refusal("invalid_token", code: "BadRequest", message: "the access token is invalid"))
        }
    }

    private func refusal(_ error: String, code: String, message: String) -> Response {
        PACTResponse.error(.unauthorized, code: code, message: message, headers: [.wwwAuthenticate: "Bearer error=\"\(error)\""])
    }
}
