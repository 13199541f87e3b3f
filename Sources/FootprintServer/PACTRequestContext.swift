import FootprintStore
import Hummingbird

/// The request context of the host: Hummingbird's core context, the API client the request's
/// bearer token names, which `PACTAuthenticationMiddleware` sets for the PACT routes behind it, and
/// for the web app's pages the signed-in user's session, which `WebSessionMiddleware` sets.
public struct PACTRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated client; nil on the routes that need no token (the token endpoint, discovery).
    public var client: PACTClientRecord?
    /// The web app's session (its user, CSRF token and end); nil outside the web app and before sign-in.
    public var webSession: WebSession?
    /// The session id of the cookie, when `webSession` was found by it (signing out ends it).
    var webSessionID: String?
    /// The client's IP address (login attempts are counted per address), "unknown" when the channel has none.
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = nil
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The authenticated client, for a handler behind `PACTAuthenticationMiddleware`.
    func authenticatedClient() throws -> PACTClientRecord {
        // Only a route registered outside the middleware could get here without one: a mistake of
        // ours, answered as an internal error (and logged) by PACTErrorMiddleware.
        guard let client else { throw NotAuthenticated() }
        return client
    }

    struct NotAuthenticated: Error, CustomStringConvertible {
        var description: String { "a handler that needs a client is not behind PACTAuthenticationMiddleware" }
    }
}
