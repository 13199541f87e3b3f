import FootprintCore
import FootprintServer
import FootprintStore
import FootprintTestSupport
import Foundation
import Hummingbird
import HummingbirdTLS
import NIOCore
import NIOSSL
import Synchronization
import Testing

/// Pulling from a host that still speaks PACT v2 (`/2/footprints`, no `/3`): the footprints are
/// mapped to v3 and stored with their v2 originals.
@Suite("PACT pull from a v2 host")
struct V2HostTests {
    @Test(
        "a v2 host's list is followed through its Link header and mapped to v3",
        .enabled(if: SharedFolder.isAvailable("pact/example-get-footprint-v2.json"), "../shared/pact/example-get-footprint-v2.json is absent")
    )
    func pullV2() async throws {
        let example = try Data(contentsOf: SharedFolder.file("pact/example-get-footprint-v2.json"))
        let v2 = try #require(try JSONValue.parse(example)["data"])
        let second = v2.setting("id", to: .string("0e4e3a1e-4c70-4bb4-9a4b-8a4f3a0a52e1"))
        let certificate = try SelfSignedCertificate(hosts: ["localhost", "127.0.0.1"])
        let port = Mutex(0)
        let router = Router(context: BasicRequestContext.self)
        router.post("/auth/token") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: "{\"access_token\":\"v2-token\"}"))
            )
        }
        router.get("/2/footprints") { request, _ -> Response in
            guard request.headers[.authorization] == "Bearer v2-token" else { return Response(status: .unauthorized) }
            let page = request.uri.queryParameters.get("page") ?? "1"
            let body = JSONValue.object([("data", .array([page == "1" ? v2 : second]))])
            var headers: HTTPFields = [.contentType: "application/json"]
            if page == "1" {
                headers[HTTPFields.Element.Name("Link")!] = "<https://localhost:\(port.withLock { $0 })/2/footprints?limit=100&page=2>; rel=\"next\""
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body.compactData())))
        }
        let (started, task) = try await LoopbackServer.start(router, certificate: certificate)
        port.withLock { $0 = started }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fp-v2-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let (ws, _) = try Workspace.create(path: folder.appendingPathComponent("footprint.sqlite").path)
        let suppliers = folder.appendingPathComponent("suppliers.csv").path
        try "id,name,country\nS-V2,Legacy Vendor Inc,US\n".write(toFile: suppliers, atomically: true, encoding: .utf8)
        _ = try ws.imports.importReference(kind: .suppliers, path: suppliers, displayName: "suppliers.csv", replacing: nil)
        let partner = try ws.pact.setPACTPartner(
            name: "legacy",
            baseURL: "https://localhost:\(port.withLock { $0 })",
            authBaseURL: nil,
            clientID: "us",
            clientSecret: "secret",
            supplierID: "S-V2"
        )
        let client = try PACTClient(trust: .init(certificatesPEM: [certificate.certificatePEM]))
        let outcome = try await PACTPuller(receiver: FootprintReceiver(client: client, store: ws.pact)).pull(partner)
        try await client.shutdown()
        task.cancel()
        _ = try? await task.value
        #expect(outcome.version == "2")
        #expect(outcome.pages == 2)
        #expect(outcome.footprints == 2)
        #expect(try ws.pact.pactImportedCount() == 2)
        try? FileManager.default.removeItem(at: folder)
    }
}
