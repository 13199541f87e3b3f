import FootprintCore
import FootprintPACT
import FootprintStore
import Foundation
import Hummingbird
import NIOFoundationCompat

/// `POST /3/events`: validates the CloudEvent, keeps it in the store's inbox and answers 200 at
/// once; the event processor answers requests (by a callback to the requester's `/3/events`) and
/// refreshes published footprints afterwards. Malformed events get 400 and nothing is kept.
struct EventEndpoint: Sendable {
    let store: any PACTHostStore
    let maxBodyBytes: Int
    let processor: EventProcessor

    /// Registers the endpoint on `router`, which authenticates (`PACTAuthenticationMiddleware`).
    func register(on router: some RouterMethods<PACTRequestContext>) {
        router.post("/3/events") { request, context in try await post(request, client: try context.authenticatedClient()) }
    }

    func post(_ request: Request, client: PACTClientRecord) async throws -> Response {
        if let type = request.headers[.contentType]?.lowercased(), !type.contains("json") {
            return PACTResponse.badRequest("events are sent as application/cloudevents+json, not \(type)")
        }
        var request = request
        let body = Data(buffer: try await request.collectBody(upTo: maxBodyBytes))
        let event: PACTEvent
        do { event = try PACTEvent.parse(body) } catch {
            return PACTResponse.badRequest(error.description)
        }
        if case .requestCreated = event.kind {
            do { _ = try EventRouting.partner(for: event.source, client: client, store: store) } catch {
                return PACTResponse.badRequest(error.description)
            }
        }
        _ = try store.receivePACTEvent(client: client.clientID, eventID: event.id, type: event.type.rawValue, source: event.source, body: body)
        processor.wake()
        return Response(status: .ok)
    }
}

/// Where answers to an event go: the partner whose credentials we use and the URL to post to.
/// A callback only ever goes to the host of a partner we know (the one linked to the client, or
/// else one registered for the event's source host), never to an arbitrary `source`.
enum EventRouting {
    struct Target: Sendable {
        var partner: PACTPartnerRecord
        var url: String
    }

    static func partner(for source: String, client: PACTClientRecord?, store: any PACTHostStore) throws(EventRoutingError) -> Target {
        guard let url = PACTEvent.callbackURL(source: source), let host = URL(string: url)?.host?.lowercased() else {
            throw .badSource(source)
        }
        let partners: [PACTPartnerRecord]
        do { partners = try store.pactPartners() } catch { throw .noPartner(source: source, host: "(workspace error: \(error))") }
        if let linked = client?.partner {
            guard let partner = partners.first(where: { $0.name == linked }) else { throw .noPartner(source: source, host: host) }
            guard hosts(of: partner).contains(host) else { throw .foreignSource(source: source, partner: partner.name) }
            return Target(partner: partner, url: url)
        }
        guard let partner = partners.first(where: { hosts(of: $0).contains(host) }) else { throw .noPartner(source: source, host: host) }
        return Target(partner: partner, url: url)
    }

    static func hosts(of partner: PACTPartnerRecord) -> Set<String> {
        Set([partner.baseURL, partner.authBaseURL].compactMap { $0.flatMap { URL(string: $0)?.host?.lowercased() } })
    }
}

enum EventRoutingError: Error, CustomStringConvertible {
    case badSource(String)
    case noPartner(source: String, host: String)
    case foreignSource(source: String, partner: String)

    var description: String {
        switch self {
        case .badSource(let source): "source '\(source.prefix(200))' is not a URL we can answer to; expected https://host or //host/3/events"
        case .noPartner(let source, let host):
            "no partner with credentials for \(host) is registered, so the answer to '\(source.prefix(200))' could not be delivered; the host's operator adds it with 'footprint pact partners add'"
        case .foreignSource(let source, let partner):
            "source '\(source.prefix(200))' is not a host of partner '\(partner)', which this client is linked to"
        }
    }
}
