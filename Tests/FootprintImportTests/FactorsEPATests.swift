import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

@Suite("US EPA supply-chain factors")
struct FactorsEPATests {
    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.epa13), "shared/data with the EPA v1.3 CSV is absent"))
    func readsTheOfficialV1_3File() throws {
        let library = try EPASupplyChainFactors.read(path: SharedFolder.file(SharedFolder.epa13).path)
        #expect(library.factors.count == 1016)
        #expect(library.info.id == "epa-useeio-1.3")
        #expect(library.info.version == "1.3.0")
        #expect(library.info.doi == "10.23719/1531143")
        let computers = try #require(library.factors.first { $0.category == "334111" })
        #expect(computers.name == "Electronic Computer Manufacturing")
        #expect(computers.kgPerUnitText == "0.058")
        #expect(computers.kgPerUnit == 0.058)
        #expect(computers.basis == .spend(currency: CurrencyCode("USD")!, priceYear: 2022))
        #expect(computers.source.contains("v1.3.0"))
        #expect(computers.source.contains("Supply Chain Emission Factors with Margins"))
        #expect(computers.source.contains("10.23719/1531143"))
        #expect(computers.location?.line == 2 + library.factors.firstIndex { $0.category == "334111" }!)
        #expect(library.factors.first { $0.category == "518210" }?.kgPerUnitText == "0.093")
        #expect(library.scope3Defaults["334111"] == .purchasedGoodsAndServices)
        #expect(library.scope3Defaults["481111"] == .businessTravel)
        #expect(library.scope3Defaults["481112"] == .upstreamTransportationAndDistribution)
        #expect(library.scope3Defaults["484121"] == .upstreamTransportationAndDistribution)
        #expect(library.scope3Defaults["562111"] == .wasteGeneratedInOperations)
        #expect(library.scope3Defaults["721110"] == .businessTravel)
        #expect(library.scope3Defaults["485310"] == .businessTravel)
        #expect(library.scope3Defaults.count == 1016)
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.epa13ByGHG), "shared/data with the EPA by-GHG CSV is absent"))
    func rejectsTheByGasFile() throws {
        let error = try #require(throws: InputError.self) {
            try EPASupplyChainFactors.read(path: SharedFolder.file(SharedFolder.epa13ByGHG).path)
        }
        #expect(error.diagnostics.first?.description.contains("column 'GHG'") == true)
    }

    static let v1_2 = """
        "NAICS Code 2017","NAICS Title 2017","GHG","Unit","Without Margins","Margins","With Margins","Reference USEEIO Code"
        111110,Soybean Farming,All GHGs,"kg CO2e/2021 USD, purchaser price",0.6,0.05,0.65,1111A0
        334111,Electronic Computer Manufacturing,All GHGs,"kg CO2e/2021 USD, purchaser price",0.034,0.03,0.064,334111
        541512,Computer Systems Design Services,All GHGs,"kg CO2e/2021 USD, purchaser price",0.1,0,0.100,541512

        """

    @Test func readsTheV1_2HeaderVariant() throws {
        let library = try EPASupplyChainFactors.parse(data: Data(Self.v1_2.utf8), file: "v12.csv", sha256: "abc")
        #expect(library.info.id == "epa-useeio-1.2")
        #expect(library.info.version == "1.2.0")
        #expect(library.info.sha256 == "abc")
        #expect(library.factors.map(\.category) == ["111110", "334111", "541512"])
        let design = try #require(library.factors.last)
        #expect(design.kgPerUnitText == "0.100")
        #expect(design.basis == .spend(currency: CurrencyCode("USD")!, priceYear: 2021))
        #expect(design.source.contains("column 'With Margins'"))
    }

    @Test func reportsEveryBadRow() throws {
        let text = """
            2017 NAICS Code,2017 NAICS Title,GHG,Unit,Supply Chain Emission Factors without Margins,Margins of Supply Chain Emission Factors,Supply Chain Emission Factors with Margins,Reference USEEIO Code
            33411,Short code,All GHGs,"kg CO2e/2022 USD, purchaser price",0.03,0.028,0.058,334111
            334112,Storage,All GHGs,"kg CO2e/2022 USD, purchaser price",0.04,0.031,0,071,334112
            334118,Peripherals,All GHGs,"kg CO2e/2022 USD, purchaser price",0.116,0.027,abc,334118
            334210,Telephones,All GHGs,"kg CO2e/2021 USD, purchaser price",0.051,0.045,0.096,334210
            334290,Comms,Carbon dioxide,"kg CO2e/2022 USD, purchaser price",0.038,0.042,0.08,334290
            511210,Software,All GHGs,"kg CO2e/2022 USD, purchaser price",0.036,0.045,-0.08,511200
            511210,Software again,All GHGs,"kg CO2e/2022 USD, purchaser price",0.036,0.045,0.08,511200
            511210,Software thrice,All GHGs,"kg CO2e/2022 USD, purchaser price",0.036,0.045,0.08,511200

            """
        let error = try #require(throws: InputError.self) {
            try EPASupplyChainFactors.parse(data: Data(text.utf8), file: "epa.csv")
        }
        let lines = error.diagnostics.map(\.description)
        #expect(
            lines == [
                "epa.csv:2: column '2017 NAICS Code': '33411' is not a 6-digit NAICS code",
                "epa.csv:3: the record has 9 fields; expected 8, as in the header",
                "epa.csv:4: column 'Supply Chain Emission Factors with Margins': 'abc' is not a factor; expected a decimal number of zero or more, such as 0.058",
                "epa.csv:5: column 'Unit': 'kg CO2e/2021 USD, purchaser price' is in 2021 USD, but line 2 is in 2022 USD; one file has one price year",
                "epa.csv:6: column 'GHG': 'Carbon dioxide' is one gas; this reader takes the CO2e file, whose GHG is 'All GHGs' on every row (the by-GHG file is not a CO2e factor list)",
                "epa.csv:7: column 'Supply Chain Emission Factors with Margins': '-0.08' is not a factor; expected a decimal number of zero or more, such as 0.058",
                "epa.csv:9: column '2017 NAICS Code': duplicate NAICS code '511210'; it is already on line 8",
            ]
        )
    }

    @Test func wrongLayoutNamesTheExpectedHeaders() throws {
        let error = try #require(throws: InputError.self) {
            try EPASupplyChainFactors.parse(data: Data("category,name,kgco2e_per_unit,unit\nx,y,1,USD\n".utf8), file: "factors.csv")
        }
        let message = try #require(error.diagnostics.first?.description)
        #expect(message.hasPrefix("factors.csv:1: not a US EPA Supply Chain GHG Emission Factors CO2e file"))
        #expect(message.contains("'2017 NAICS Code'"))
        #expect(message.contains("'With Margins' (v1.2)"))
        #expect(message.contains("the header has 'category', 'name', 'kgco2e_per_unit', 'unit'"))
    }

    @Test func editionFromUnit() {
        #expect(EPASupplyChainFactors.edition(unit: "kg CO2e/2022 USD, purchaser price")?.version == "1.3.0")
        #expect(EPASupplyChainFactors.edition(unit: "kg CO2e/2021 USD, purchaser price")?.version == "1.2.0")
        #expect(EPASupplyChainFactors.edition(unit: "kg/2022 USD, purchaser price") == nil)
    }
}
