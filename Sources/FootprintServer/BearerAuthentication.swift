import FootprintStore
import Hummingbird

/// Reads `Authorization: Bearer …` and checks the token: the client it names, or the 401 to send.
/// An invalid token gets `BadRequest` and an expired one `TokenExpired`, both 401 with
/// `WWW-Authenticate`, as the PACT specification and RFC 6750 ask.
struct BearerAuthentication: Sendable {
    let tokens: AccessTokens

    enum Outcome {
        case client(PACTClientRecord)
        case refused(Response)
    }

    func authenticate(_ request: Request, catalog: FootprintCatalog) -> Outcome {
        guard let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            return .refused(refusal("invalid_request", code: "BadRequest", message: "an access token is required: 'Authorization: Bearer <token>' from POST /auth/token"))
        }
        let token = header.dropFirst(7).drop(while: { $0 == " " })
        switch tokens.verify(token) {
        case .valid(let clientID):
            guard let client = catalog.clients[clientID] else {
                return .refused(refusal("invalid_token", code: "BadRequest", message: "the access token's client is no longer active"))
            }
            return .client(client)
        case .expired:
            return .refused(refusal("invalid_token", code: "TokenExpired", message: "the access token has expired; request a new one from the token endpoint"))
        case .invalid:
            return .refused(refusal("invalid_token", code: "BadRequest", message: "the access token is invalid"))
        }
    }

    private func refusal(_ error: String, code: String, message: String) -> Response {
        PACTResponse.error(.unauthorized, code: code, message: message, headers: [.wwwAuthenticate: "Bearer error=\"\(error)\""])
    }
}
