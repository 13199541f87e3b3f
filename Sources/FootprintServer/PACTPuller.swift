import FootprintCore
import FootprintStore
import Foundation

/// `footprint pact pull`: reads every footprint a partner's host shares with us, following `Link`
/// pagination to the end, from a v3 host (`/3/footprints`) or, when it has none, a v2 host
/// (`/2/footprints`, mapped to v3). All pages are read before anything is stored, and then stored in
/// one transaction: a pull applies whole or not at all.
public struct PACTPuller: Sendable {
    public let receiver: FootprintReceiver

    public init(receiver: FootprintReceiver) { self.receiver = receiver }

    public struct Outcome: Sendable {
        public var version: String
        public var pages: Int
        public var footprints: Int
        public var summary: String
    }

    /// Page size asked for.
    static let pageSize = 100
    /// Most pages followed, a guard against a host whose links never end.
    static let maxPages = 100_000

    public func pull(_ partner: PACTPartnerRecord) async throws -> Outcome {
        let base = PACTClient.trimmed(partner.baseURL)
        var version = "3"
        var url: String? = base + "/3/footprints?limit=\(Self.pageSize)"
        var first = try await receiver.client.get(url!, partner: partner)
        if first.status == 404 || first.status == 501 {
            version = "2"
            url = base + "/2/footprints?limit=\(Self.pageSize)"
            first = try await receiver.client.get(url!, partner: partner)
        }
        var answer = first
        var all: [JSONValue] = []
        var pages = 0
        var seen = Set<String>()
        while let current = url {
            if pages > 0 { answer = try await fetch(current, partner: partner) }
            if answer.status == 202 && pages == 0 { answer = try await retryAccepted(current, partner: partner) }
            guard answer.status == 200 else {
                throw PACTClientError.refused(
                    url: current,
                    status: answer.status,
                    detail: PACTClient.errorDetail(answer.body) ?? "the partner did not list its footprints"
                )
            }
            guard let data = answer.body["data"]?.arrayValue else {
                throw PACTClientError.badResponse(url: current, detail: "the body has no \"data\" array")
            }
            all += data
            pages += 1
            url = try next(answer.link, after: current, base: base)
            if let u = url, !seen.insert(u).inserted { throw PACTClientError.badResponse(url: u, detail: "the pagination link repeats itself") }
            if pages >= Self.maxPages { throw PACTClientError.badResponse(url: current, detail: "more than \(Self.maxPages) pages") }
        }
        let summary =
            all.isEmpty
            ? "the partner shares no footprints with us" : try receiver.receive(all, partner: partner, via: "pull from \(base) (v\(version))")
        return Outcome(version: version, pages: pages, footprints: all.count, summary: summary)
    }

    func fetch(_ url: String, partner: PACTPartnerRecord) async throws -> (status: Int, body: JSONValue, link: String?) {
        var delay = 0.5
        for attempt in 0..<4 {
            do {
                let answer = try await receiver.client.get(url, partner: partner)
                if answer.status < 500 && answer.status != 202 { return answer }
                if attempt == 3 { return answer }
            } catch {
                if attempt == 3 { throw error }
            }
            try await Task.sleep(for: .seconds(delay * Double.random(in: 0.8...1.2)))
            delay *= 2
        }
        return try await receiver.client.get(url, partner: partner)
    }

    func retryAccepted(_ url: String, partner: PACTPartnerRecord) async throws -> (status: Int, body: JSONValue, link: String?) {
        try await fetch(url, partner: partner)
    }

    /// The `rel="next"` target of a Link header; it must stay on the partner's host, over https.
    func next(_ link: String?, after current: String, base: String) throws -> String? {
        guard let link else { return nil }
        for part in link.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            guard
                pieces.dropFirst().contains(where: {
                    $0.replacingOccurrences(of: " ", with: "").lowercased() == "rel=\"next\"" || $0.lowercased() == "rel=next"
                })
            else { continue }
            let url = String(target.dropFirst().dropLast())
            guard let host = URL(string: url)?.host?.lowercased(), url.lowercased().hasPrefix("https://"),
                host == URL(string: base)?.host?.lowercased()
            else {
                throw PACTClientError.badResponse(url: current, detail: "the next-page link '\(url.prefix(200))' leaves the partner's https host")
            }
            return url
        }
        return nil
    }
}
