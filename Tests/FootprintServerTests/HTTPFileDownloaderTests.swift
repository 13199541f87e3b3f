import FootprintCore
import FootprintImport
import FootprintServer
import FootprintTestSupport
import Foundation
import Hummingbird
import NIOCore
import Testing

/// `footprint factors install` downloads the official file through AsyncHTTPClient: here from a
/// real HTTP server the test runs, which serves the EPA v1.3 file of ../shared/data, behind a redirect.
@Suite struct HTTPFileDownloaderTests {
    static let epa = "data/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv"

    /// Runs `body` with the port of a server that serves `file` at /files/epa.csv (after a redirect
    /// from /latest), 500 bytes at /small.bin, and 404 elsewhere.
    static func withServer(_ file: Data, _ body: (Int) async throws -> Void) async throws {
        let router = Router(context: BasicRequestContext.self)
        router.get("/files/epa.csv") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/csv"], body: .init(byteBuffer: ByteBuffer(bytes: file)))
        }
        router.get("/latest") { _, _ in Response(status: .found, headers: [.location: "/files/epa.csv"]) }
        router.get("/small.bin") { _, _ in Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: (0..<500).map { UInt8($0 % 256) }))) }
        let (port, task) = try await LoopbackServer.start(router)
        defer { task.cancel() }
        try await body(port)
    }

    static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fp-download-\(UUID().uuidString)")
    }

    @Test func downloadsTheBodyAndRefusesErrors() async throws {
        try await Self.withServer(Data()) { port in
            let file = Self.temporaryFile()
            defer { try? FileManager.default.removeItem(at: file) }
            try await HTTPFileDownloader().download(from: URL(string: "http://127.0.0.1:\(port)/small.bin")!, to: file)
            #expect(try Data(contentsOf: file) == Data((0..<500).map { UInt8($0 % 256) }))
            let error = await #expect(throws: (any Error).self) {
                try await HTTPFileDownloader().download(from: URL(string: "http://127.0.0.1:\(port)/nothing-here")!, to: Self.temporaryFile())
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("HTTP 404"))
        }
    }

    @Test(.enabled(if: SharedFolder.isAvailable(epa), "../shared/data with the EPA v1.3 CSV is absent"))
    func installsTheOfficialFileOverHTTP() async throws {
        let official = try Data(contentsOf: SharedFolder.file(Self.epa))
        try await Self.withServer(official) { port in
            let installer = FactorLibraryInstaller(downloader: HTTPFileDownloader())
            let installed = try await installer.install("epa-useeio-1.3", from: URL(string: "http://127.0.0.1:\(port)/latest")!)
            #expect(installed.verified)
            #expect(installed.sha256 == FactorLibraryCatalog.epaUSEEIO1_3.sha256)
            #expect(installed.content.factors.count == 1016)
            // A 404 is a download failure that names the address, and nothing is installed.
            let error = await #expect(throws: FactorLibraryError.self) {
                try await installer.install("epa-useeio-1.3", from: URL(string: "http://127.0.0.1:\(port)/gone.csv")!)
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("127.0.0.1:\(port)/gone.csv"))
            // Without a downloader only local files can be installed.
            await #expect(throws: FactorLibraryError.self) {
                try await FactorLibraryInstaller().install("epa-useeio-1.3", from: URL(string: "http://127.0.0.1:\(port)/latest")!)
            }
        }
    }
}
