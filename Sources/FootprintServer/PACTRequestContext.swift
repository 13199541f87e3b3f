import FootprintStore
import Hummingbird

/// The request context of the PACT host: Hummingbird's core context, and the API client the
/// request's bearer token names, which `PACTAuthenticationMiddleware` sets for the routes behind it.
public struct PACTRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated client; nil on the routes that need no token (the token endpoint, discovery).
    public var client: PACTClientRecord?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        client = nil
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
