import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

@Suite("Factor library installation and SHA-256")
struct FactorsInstallerTests {
    @Test func sha256OfKnownInputs() throws {
        #expect(sha256Hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(sha256Hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let folder = try TempFolder()
        defer { folder.remove() }
        // Larger than one read piece (1 MiB), so the streamed hash is checked across pieces.
        let big = Data((0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try big.write(to: URL(fileURLWithPath: folder.path("big.bin")))
        #expect(try sha256Hex(of: URL(fileURLWithPath: folder.path("big.bin"))) == sha256Hex(of: big))
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.epa13), "shared/data with the EPA v1.3 CSV is absent"))
    func theSharedEPACopyHasThePublishedHash() throws {
        #expect(try sha256Hex(of: SharedFolder.file(SharedFolder.epa13)) == FactorLibraryCatalog.epaUSEEIO1_3.sha256)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.desnz2024), "shared/data with the DESNZ workbook is absent"))
    func theSharedDESNZCopyHasThePublishedHash() throws {
        #expect(try sha256Hex(of: SharedFolder.file(SharedFolder.desnz2024)) == FactorLibraryCatalog.desnz2024.sha256)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.epa13), "shared/data with the EPA v1.3 CSV is absent"))
    func installsFromAFileURL() async throws {
        let url = try SharedFolder.file(SharedFolder.epa13)
        #expect(url.absoluteString.hasPrefix("file://"))
        let installed = try await FactorLibraryInstaller().install("epa-useeio-1.3", from: url)
        #expect(installed.verified)
        #expect(installed.sha256 == FactorLibraryCatalog.epaUSEEIO1_3.sha256)
        #expect(installed.content.info.sha256 == installed.sha256)
        #expect(installed.content.factors.count == 1016)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.desnz2024), "shared/data with the DESNZ workbook is absent"))
    func installsDESNZFromALocalFile() throws {
        let installed = try FactorLibraryInstaller().install("desnz-2024", file: SharedFolder.file(SharedFolder.desnz2024).path)
        #expect(installed.verified)
        #expect(installed.content.info.id == "desnz-2024")
        #expect(installed.content.info.sha256 == FactorLibraryCatalog.desnz2024.sha256)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.epa13), "shared/data with the EPA v1.3 CSV is absent"))
    func aChangedFileIsRejectedNamingBothHashesUnlessAllowed() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var data = try Data(contentsOf: SharedFolder.file(SharedFolder.epa13))
        data.append(contentsOf: Array("999999,Invented Industry,All GHGs,\"kg CO2e/2022 USD, purchaser price\",0.1,0,0.1,999999\n".utf8))
        let path = folder.path("epa-newer.csv")
        try data.write(to: URL(fileURLWithPath: path))
        let actual = sha256Hex(of: data)

        let error = try #require(throws: FactorLibraryError.self) { try FactorLibraryInstaller().install("epa-useeio-1.3", file: path) }
        #expect(error.description.contains(actual))
        #expect(error.description.contains(FactorLibraryCatalog.epaUSEEIO1_3.sha256))
        #expect(error.description.contains("--allow-unverified"))
        await #expect(throws: FactorLibraryError.self) {
            try await FactorLibraryInstaller().install("epa-useeio-1.3", from: URL(fileURLWithPath: path))
        }

        let installed = try FactorLibraryInstaller(allowUnverified: true).install("epa-useeio-1.3", file: path)
        #expect(!installed.verified)
        #expect(installed.sha256 == actual)
        #expect(installed.content.info.sha256 == actual)
        #expect(installed.content.factors.count == 1017)
    }

    @Test func unknownLibraryAndNoDownloadAddress() async throws {
        #expect(throws: FactorLibraryError.self) { try FactorLibraryInstaller().install("ecoinvent", file: "/nonexistent") }
        let error = await #expect(throws: FactorLibraryError.self) { try await FactorLibraryInstaller().install("desnz-2024") }
        #expect(error?.description.contains("gov.uk") == true)
        let missing = try #require(throws: FactorLibraryError.self) {
            try FactorLibraryInstaller().install("epa-useeio-1.3", file: "/nonexistent/x.csv")
        }
        #expect(missing.description.hasPrefix("cannot read '/nonexistent/x.csv'"))
    }
}
