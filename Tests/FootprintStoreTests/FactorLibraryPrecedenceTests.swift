import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import GRDB
import Testing

@testable import FootprintStore

/// Factor libraries in a workspace: a user's factors file beats an installed library, which beats
/// the built-in default, for the same category; every run records the libraries it read.
@Suite struct FactorLibraryPrecedenceTests {
    static let usd = CurrencyCode("USD")!

    static func workspace() throws -> TemporaryWorkspace {
        let t = try TemporaryWorkspace()
        _ = try t.workspace.importFile(.rates, try t.file("rates.csv", "currency,year,per_usd\nUSD,2022,1\n"))
        _ = try t.workspace.importFile(.priceIndex, try t.file("price_index.csv", "year,index\n2022,292.655\n"))
        _ = try t.workspace.importFile(
            .purchases,
            try t.file(
                "purchases.csv",
                """
                id,date,supplier,category,amount,currency,product,quantity,unit,customer
                P1,2022-06-01,S1,computers,1000,USD,,,,
                P2,2022-06-01,S1,334111,1000,USD,,,,

                """
            )
        )
        return t
    }

    static func kg(_ run: CalculationRun, _ category: String) -> Double? { run.summary.kgByCategory[category]?.value }

    @Test func userFileBeatsInstalledLibraryBeatsBuiltIn() throws {
        let t = try Self.workspace()
        defer { t.cleanUp() }
        // The built-in library alone: 'computers' is 0.058 kg/USD (EPA v1.3, 334111), NAICS codes are unknown.
        let builtIn = try t.workspace.runs.calculate(CalculationOptions())
        #expect(close(Self.kg(builtIn, "computers") ?? .nan, 58))
        #expect(Self.kg(builtIn, "334111") == nil)
        #expect(builtIn.summary.unmapped.keys.contains(.noFactor(category: "334111")))
        #expect(builtIn.inputs.libraries.map(\.key) == [DefaultFactorLibrary.content.info.id])
        #expect(builtIn.inputs.libraries.first?.version == DefaultFactorLibrary.content.info.version)

        // An installed library with 'computers' at 0.5 kg/USD comes before the built-in one.
        let info = FactorLibraryInfo(id: "test-published", title: "A published library", version: "9.1", publisher: "test", licence: "test")
        let published = FactorLibraryContent(
            info: info,
            factors: [
                EmissionFactor(
                    category: "computers",
                    name: "computers",
                    kgPerUnit: 0.5,
                    kgPerUnitText: "0.5",
                    basis: .spend(currency: Self.usd, priceYear: 2022),
                    source: "test"
                )
            ]
        )
        _ = try t.workspace.imports.installLibrary(
            published,
            fileName: "published.csv",
            digest: String(repeating: "ab", count: 32),
            byteCount: 10,
            replacing: nil
        )
        let withPublished = try t.workspace.runs.calculate(CalculationOptions())
        #expect(close(Self.kg(withPublished, "computers") ?? .nan, 500))
        #expect(withPublished.inputs.libraries.map(\.key) == ["test-published", DefaultFactorLibrary.content.info.id])
        #expect(withPublished.inputs.libraries.first?.version == "9.1")

        // The user's own factors file comes first of all.
        let user = try t.workspace.importFile(
            .factors,
            try t.file(
                "my-factors.csv",
                """
                category,name,kgco2e_per_unit,unit,price_year,source
                computers,my computers,0.9,USD,2022,own study
                334111,my NAICS 334111,0.7,USD,2022,own study

                """
            )
        )
        let withUser = try t.workspace.runs.calculate(CalculationOptions())
        #expect(close(Self.kg(withUser, "computers") ?? .nan, 900))
        #expect(close(Self.kg(withUser, "334111") ?? .nan, 700))
        #expect(withUser.inputs.libraries.map(\.key) == ["my-factors", "test-published", DefaultFactorLibrary.content.info.id])
        #expect(withUser.inputs.libraries.first?.sha256 == user.record.sha256)

        // Taking the user's file out: the installed library applies again.
        _ = try t.workspace.imports.removeImport(id: user.record.id)
        let without = try t.workspace.runs.calculate(CalculationOptions())
        #expect(close(Self.kg(without, "computers") ?? .nan, 500))
        #expect(without.inputs.libraries.map(\.key) == ["test-published", DefaultFactorLibrary.content.info.id])
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.epa13), "../shared/data with the EPA v1.3 CSV is absent"))
    func epaV13InstalledFromTheSharedFile() throws {
        let file = try SharedFolder.file(SharedFolder.epa13).path
        let t = try Self.workspace()
        defer { t.cleanUp() }
        let installed = try FactorLibraryInstaller().install("epa-useeio-1.3", file: file)
        #expect(installed.verified)
        #expect(installed.sha256 == (try systemSHA256(file)))
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
        let outcome = try t.workspace.imports.installLibrary(
            installed.content,
            fileName: (file as NSString).lastPathComponent,
            digest: installed.sha256,
            byteCount: size,
            replacing: nil
        )
        #expect(!outcome.alreadyImported)
        #expect(outcome.record.kind == .factorLibrary)
        #expect(outcome.record.sha256 == installed.sha256)
        #expect(outcome.record.rowCount == installed.content.factors.count)
        let library = try #require(try t.workspace.imports.libraries().first { $0.key == "epa-useeio-1.3" })
        #expect(library.factorCount == installed.content.factors.count)
        #expect(library.tier == ImportStore.publishedTier)
        // Installing it again changes nothing.
        let counts = try t.workspace.tableCounts()
        let again = try t.workspace.imports.installLibrary(
            installed.content,
            fileName: "again.csv",
            digest: installed.sha256,
            byteCount: size,
            replacing: nil
        )
        #expect(again.alreadyImported)
        #expect(try t.workspace.tableCounts() == counts)

        // NAICS 334111 is 0.058 kg CO2e per 2022 USD with margins (column 'Supply Chain Emission Factors with Margins').
        let run = try t.workspace.runs.calculate(CalculationOptions())
        #expect(close(Self.kg(run, "334111") ?? .nan, 58))
        #expect(close(Self.kg(run, "computers") ?? .nan, 58), "the built-in default still covers its own categories")
        #expect(run.inputs.libraries.map(\.key) == ["epa-useeio-1.3", DefaultFactorLibrary.content.info.id])
        #expect(run.inputs.libraries.first?.version == installed.content.info.version)
        #expect(run.inputs.libraries.first?.sha256 == installed.sha256)

        // A user's factors file beats the installed EPA library for the same NAICS code.
        _ = try t.workspace.importFile(
            .factors,
            try t.file("factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\n334111,mine,0.07,USD,2022,own\n")
        )
        let withUser = try t.workspace.runs.calculate(CalculationOptions())
        #expect(close(Self.kg(withUser, "334111") ?? .nan, 70))
        #expect(withUser.inputs.libraries.map(\.key) == ["factors", "epa-useeio-1.3", DefaultFactorLibrary.content.info.id])
    }
}
