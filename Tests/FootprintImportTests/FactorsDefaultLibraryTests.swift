import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

@Suite("Built-in default factor library")
struct FactorsDefaultLibraryTests {
    @Test func loadsWithEveryFigureSourcedAndValidUnits() throws {
        let library = DefaultFactorLibrary.content
        #expect(library.info.id == "footprint-default")
        #expect(library.info.sha256 == nil)
        #expect(Set(library.factors.map(\.category)) == Set(DefaultFactorLibrary.categories))
        #expect(library.factors.count == 24)
        for factor in library.factors {
            #expect(factor.kgPerUnit > 0, "\(factor.category)")
            switch factor.basis {
            case .spend(let currency, let year):
                #expect(currency.description == "USD")
                #expect(year == 2022)
                #expect(
                    factor.source.hasPrefix("US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS ")
                )
            case .activity(let unit):
                #expect(unit.dimension != nil, "\(factor.category): \(unit)")
                #expect(factor.source.hasPrefix("DESNZ GHG Conversion Factors 2024 v1.1, sheet '"))
                #expect(factor.source.hasSuffix("OGL v3.0"))
            }
        }
        #expect(library.scope3Defaults["computers"] == .capitalGoods)
        #expect(library.scope3Defaults["air-travel"] == .businessTravel)
        #expect(library.scope3Defaults["freight"] == .upstreamTransportationAndDistribution)
        #expect(library.scope3Defaults["waste-weee"] == .wasteGeneratedInOperations)
        #expect(library.scope3Defaults["electricity"] == nil)
    }

    /// Every EPA figure equals the published file's with-margins value for the NAICS code it cites.
    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.epa13), "shared/data with the EPA v1.3 CSV is absent"))
    func spendFiguresMatchTheEPAFile() throws {
        let epa = try EPASupplyChainFactors.read(path: SharedFolder.file(SharedFolder.epa13).path)
        for factor in DefaultFactorLibrary.content.factors where factor.unitText == "USD" {
            let naics = try #require(factor.source.firstMatch(of: /NAICS (\d{6})/)?.1)
            let published = try #require(epa.factors.first { $0.category == naics })
            #expect(factor.kgPerUnitText == published.kgPerUnitText, "\(factor.category): NAICS \(naics)")
            #expect(factor.source.contains("(\(published.name))"))
        }
    }

    /// Every DESNZ figure equals the workbook's value in the cell it cites, in the same unit.
    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.desnz2024), "shared/data with the DESNZ workbook is absent"))
    func activityFiguresMatchTheDESNZWorkbook() throws {
        let desnz = try DESNZConversionFactors.read(path: SharedFolder.file(SharedFolder.desnz2024).path)
        for factor in DefaultFactorLibrary.content.factors where factor.unitText != "USD" {
            let match = try #require(factor.source.firstMatch(of: /sheet '([^']+)', row (\d+), cell ([A-Z]+\d+)/))
            let published = try #require(
                desnz.factors.first { $0.source.contains("sheet '\(match.1)', row \(match.2), cell \(match.3);") && $0.unitText == factor.unitText },
                "\(factor.category): \(match.0)"
            )
            #expect(factor.kgPerUnitText == published.kgPerUnitText, "\(factor.category): \(published.category)")
        }
    }

    @Test func tableErrorsAreReported() throws {
        let csv = "category,name,kgco2e_per_unit,unit,price_year,source,scope3_category\na,A,1,USD,2022,s,1\na,A,2,kg,,s,6\nb,B,1,kg,,s,16\n"
        let error = try #require(throws: InputError.self) {
            try DefaultFactorLibrary.read(csv: csv, file: "t.csv", info: DefaultFactorLibrary.info)
        }
        #expect(
            error.diagnostics.map(\.description) == [
                "t.csv:3: column 'scope3_category': category 'a' has Scope 3 category 1 on line 2; one category has one default",
                "t.csv:4: column 'scope3_category': '16' is not a Scope 3 category; expected 1 to 15, or empty for none",
            ]
        )
    }
}
