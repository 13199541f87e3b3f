import FootprintCore
import FootprintImport
import Foundation
import Testing

/// The reference files of a data folder, read into ReferenceData; duplicate keys are errors.
@Suite("ReferenceDataReader")
struct ReferenceDataReaderTests {
    func read(_ files: [String: String]) throws -> ReferenceData { try TempFolder.reading(files, with: ReferenceDataReader.read(directory:)) }

    func errors(_ files: [String: String]) throws -> [String] { try TempFolder.errors(files, with: ReferenceDataReader.read(directory:)) }

    @Test func readsTheFixture() throws {
        let data = try read([
            "factors.csv": Fixture.factors, "rates.csv": Fixture.rates, "price_index.csv": Fixture.priceIndex,
            "supplier_emissions.csv": Fixture.disclosures, "product_footprints.csv": Fixture.footprints,
            "suppliers.csv": "id,name,country\nS1,Supplier One,NO\nS2,,SE\n",
        ])
        #expect(data.factors.count == 3)
        #expect(data.factors[0].basis == .activity(unit: MeasureUnit(parsing: "kWh")))
        #expect(data.factors[1].basis == .spend(currency: CurrencyCode("EUR")!, priceYear: 2022))
        #expect(data.factors[2].basis == .spend(currency: CurrencyCode("NOK")!, priceYear: nil))
        #expect(data.factors[1].kgPerUnit == 0.2)
        #expect(data.factors[1].kgPerUnitText == "0.2")
        #expect(data.factors[1].location == SourceLocation(file: "factors.csv", line: 3))
        #expect(data.exchangeRates[CurrencyCode("NOK")!] == [2024: 10.5])
        #expect(data.priceIndex == [2022: 100, 2024: 110])
        #expect(data.disclosures.count == 1)
        #expect(data.disclosures[0].kgPerCurrencyUnit == 0.1)
        #expect(data.footprints.map(\.product) == ["P1"])
        #expect(data.suppliers.map(\.name) == ["Supplier One", "S2"])
        #expect(data.suppliers.map(\.country) == ["NO", "SE"])
    }

    @Test func onlyFactorsAreRequired() throws {
        let data = try read(["factors.csv": Fixture.factors])
        #expect(data.exchangeRates.isEmpty && data.disclosures.isEmpty && data.footprints.isEmpty)
        #expect(try errors([:]).count == 1)
        #expect(try errors([:]).first?.hasPrefix("factors.csv:0: missing:") == true)
    }

    @Test func duplicateSpendBasedFactor() throws {
        let factors = "category,name,kgco2e_per_unit,unit,price_year,source\nx,X,1,NOK,,s\nx,X2,2,EUR,2022,s\n"
        #expect(
            try errors(["factors.csv": factors]) == [
                "factors.csv:3: column 'category': duplicate spend-based factor for category 'x'; it is already on line 2 "
                    + "(at most one per category, and one per category and unit)"
            ]
        )
    }

    @Test func duplicateAverageDataFactorAfterUnitAliases() throws {
        let factors = "category,name,kgco2e_per_unit,unit,price_year,source\ny,Y,1,kg,,s\ny,Y3,2,t,,s\ny,Y2,2,kilogram,,s\n"
        #expect(
            try errors(["factors.csv": factors]) == [
                "factors.csv:4: column 'category': duplicate average-data factor for category 'y' in 'kg'; it is already on line 2 "
                    + "(at most one per category, and one per category and unit)"
            ]
        )
    }

    @Test func duplicateFootprint() throws {
        let footprints = "supplier,product,kgco2e_per_unit,unit\nS1,P1,2.5,kg\nS1,P1,3,t\nS1,P2,1,kg\nS1,P1,2.6,kgs\n"
        #expect(
            try errors(["factors.csv": Fixture.factors, "product_footprints.csv": footprints]) == [
                "product_footprints.csv:5: column 'product': duplicate footprint for supplier 'S1', product 'P1' in 'kg'; it is already on line 2"
            ]
        )
    }

    @Test func everyFileIsCheckedAndReportedInOrder() throws {
        let result = try errors([
            "factors.csv": "category,name,kgco2e_per_unit,unit,price_year,source\nx,X,abc,NOK,,s\nz,Z,1,NOK,22,s\n",
            "rates.csv": "currency,year,per_usd\nNOK,2024,10\nNOK,2024,11\nnok,2024,1\nSEK,2024,0\n",
            "price_index.csv": "year,index\n2024,100\n2024,101\n",
        ])
        #expect(
            result == [
                "factors.csv:2: column 'kgco2e_per_unit': 'abc' is not a number; expected a decimal number with '.' as the decimal point, such as 1234.50",
                "factors.csv:3: column 'price_year': '22' is not a year; expected four digits, such as 2024",
                "price_index.csv:3: column 'year': duplicate price index for 2024; it is already on line 2",
                "rates.csv:3: column 'year': duplicate rate for NOK 2024; it is already on line 2",
                "rates.csv:4: column 'currency': 'nok' is not a currency code; expected three upper-case letters (ISO 4217), such as NOK",
                "rates.csv:5: column 'per_usd': '0' is not a rate; expected a positive number of units per USD",
            ]
        )
    }

    @Test func missingColumnInAReferenceFile() throws {
        #expect(
            try errors(["factors.csv": "category,name,unit\nx,X,NOK\n"]) == [
                "factors.csv:1: missing required column 'kgco2e_per_unit'; the header has 'category', 'name', 'unit'"
            ]
        )
    }
}
