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

    /// manufacturers.csv: one row per (invoicing supplier, product); a maker named as its own distributor is refused.
    @Test func manufacturers() throws {
        let rows = "product,manufacturer,manufacturer_product,supplier\nSW-48,NetMaker,,\nB-77,NetMaker,SW-48,DistB\n"
        let data = try read(["factors.csv": Fixture.factors, "manufacturers.csv": rows])
        #expect(data.manufacturers.map(\.makersProduct) == ["SW-48", "SW-48"])
        #expect(data.manufacturers.map(\.supplier) == [nil, "DistB"])
        #expect(data.manufacturers[1].location == SourceLocation(file: "manufacturers.csv", line: 3))
        let bad = "product,manufacturer,supplier\nSW-48,NetMaker,\nSW-48,Other,\nSW-48,Other,DistB\nRT-1,NetMaker,NetMaker\n,NetMaker,\n"
        #expect(
            try errors(["factors.csv": Fixture.factors, "manufacturers.csv": bad]) == [
                "manufacturers.csv:3: column 'product': product 'SW-48' of every supplier already has a manufacturer on line 2; give one row per product and supplier",
                "manufacturers.csv:5: column 'supplier': 'NetMaker' is both the manufacturer and the invoicing supplier; its own footprints already reach its lines, so leave supplier empty or name a distributor",
                "manufacturers.csv:6: column 'product': the field is empty; a value is required",
            ]
        )
    }

    /// product_footprints.csv's scope columns, as PACT has them: validity (both days included), reference
    /// period, primary-data share and data quality; each checked.
    @Test func footprintScope() throws {
        let footprints = """
            supplier,product,kgco2e_per_unit,unit,valid_from,valid_to,reference_period_start,reference_period_end,primary_data_share,dqi_technological,dqi_geographical,dqi_temporal
            S1,P1,2.5,kg,2024-01-01,2024-12-31,2023-01-01,2023-12-31,45,1.5,2,1
            S1,P2,2.5,kg,,2024-06-30,,,,,,

            """
        let data = try read(["factors.csv": Fixture.factors, "product_footprints.csv": footprints])
        let p1 = data.footprints[0]
        #expect(p1.validity?.firstDate == 20_240_101 && p1.validity?.endDate == 20_250_101)
        #expect(p1.referencePeriod == 20_230_101...20_231_231)
        #expect(p1.primaryDataShare == "45" && p1.dataQuality?.geographical == "2")
        #expect(
            p1.scopeText
                == "valid 2024-01-01 to 2024-12-31; reference period 2023-01-01 to 2023-12-31; primary data 45%; data quality 1.5/2/1 (technological/geographical/temporal)"
        )
        #expect(data.footprints[1].validity?.start == nil && data.footprints[1].validity?.endDate == 20_240_701)
        #expect(data.footprints[1].scopeText == "valid any date to 2024-06-30")
        let bad = """
            supplier,product,kgco2e_per_unit,unit,valid_from,valid_to,reference_period_start,primary_data_share,dqi_technological
            S1,P1,1,kg,2024-02-30,,,,
            S1,P2,1,kg,2024-06-01,2024-05-31,,,
            S1,P3,1,kg,,,2023-01-01,,
            S1,P4,1,kg,,,,120,
            S1,P5,1,kg,,,,,7

            """
        #expect(
            try errors(["factors.csv": Fixture.factors, "product_footprints.csv": bad]) == [
                "product_footprints.csv:2: column 'valid_from': '2024-02-30' is not a date; expected YYYY-MM-DD, such as 2024-01-31",
                "product_footprints.csv:3: column 'valid_to': the footprint's validity ends before it starts (valid_from 2024-06-01); give its last valid day",
                "product_footprints.csv:4: column 'reference_period_end': give both ends of the reference period, or neither",
                "product_footprints.csv:5: column 'primary_data_share': '120' is not a share; expected a percentage from 0 to 100, such as 45",
                "product_footprints.csv:6: column 'dqi_technological': '7' is not a data-quality rating; expected a number from 1 (best) to 5 (worst), as PACT v3 (v2: 1 to 3)",
            ]
        )
    }

    /// supplier_emissions.csv's coverage and evidence columns.
    @Test func disclosureEvidence() throws {
        let header = "supplier,year,scope1,scope2,scope3_upstream,revenue,currency,scope3_categories,scope2_basis,assurance,source_document\n"
        let good = header + "S1,2024,1,2,30,1000,NOK,\"1-4, 6\",market-based,Limited,Annual report\nS2,2024,1,2,0,1000,NOK,none,,,\n"
        let data = try read(["factors.csv": Fixture.factors, "supplier_emissions.csv": good])
        #expect(data.disclosures[0].scope3Categories == [1, 2, 3, 4, 6] && data.disclosures[0].scope2Basis == .market)
        #expect(data.disclosures[0].assurance == .limited && data.disclosures[0].sourceDocument == "Annual report")
        #expect(data.disclosures[1].scope3Categories == [] && !data.disclosures[1].coversUpstreamScope3)
        let bad =
            header + "S1,2024,1,2,30,1000,NOK,1-16,,,\nS2,2024,1,2,0,1000,NOK,1;2,,,\nS3,2024,1,2,3,1000,NOK,,net,,\nS4,2024,1,2,3,1000,NOK,,,high,\n"
        #expect(
            try errors(["factors.csv": Fixture.factors, "supplier_emissions.csv": bad]) == [
                "supplier_emissions.csv:2: column 'scope3_categories': '1-16' is not a list of Scope 3 categories; expected numbers 1 to 15 separated by ';' or spaces, ranges such as 1-8, 'upstream' (1-8) or 'none'",
                "supplier_emissions.csv:3: column 'scope3_categories': the disclosure states upstream Scope 3 categories but scope3_upstream is 0; give their tonnes, or 'none'",
                "supplier_emissions.csv:4: column 'scope2_basis': 'net' is not a Scope 2 basis; expected market or location",
                "supplier_emissions.csv:5: column 'assurance': 'high' is not a level of assurance; expected none, limited or reasonable",
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

    /// A whole-life footprint (a vendor's sheet with the use phase) counts its cradle-to-gate part only:
    /// 500 kg per piece with a use phase of 80% counts 100 kg; a line of 3 pieces is 300 kg, not 1,500.
    @Test func wholeLifeFootprintCountsItsCradleToGatePart() throws {
        let footprints = """
            supplier,product,kgco2e_per_unit,unit,boundary,use_phase_share
            S1,SRV,500,piece,cradle-to-grave,0.8
            S1,LAP,250,piece,,

            """
        let data = try read(["factors.csv": Fixture.factors, "product_footprints.csv": footprints])
        let server = try #require(data.footprints.first { $0.product == "SRV" })
        #expect(abs(server.kgPerUnit - 100) < 1e-9 && server.wholeLifeKgPerUnit == 500 && server.usePhaseShare == 0.8)
        #expect(server.boundaryText == "cradle-to-gate part of a whole-life 500.0 kg per piece (use phase 80.0% left out)")
        #expect(data.footprints.first { $0.product == "LAP" }?.kgPerUnit == 250)
        let engine = InventoryEngine(reference: data)
        let line = LedgerLine(
            supplier: engine.supplierKey("S1"),
            category: engine.categoryKey("office"),
            product: engine.productKey("SRV"),
            unit: engine.unitKey(for: "piece"),
            currency: CurrencyCode("NOK")!,
            year: 2024,
            amount: 90_000,
            quantity: 3
        )
        let r = engine.evaluate(line)
        #expect(r.method == .supplierSpecific && abs(r.kg - 300) < 1e-9)
        #expect(
            ProvenanceLabels(engine: engine).label(for: r).hasSuffix(
                "; cradle-to-gate part of a whole-life 500.0 kg per piece (use phase 80.0% left out)"
            )
        )
    }

    @Test func priceIndicesGeneralAndPerCurrency() throws {
        let index = "year,index,currency\n2022,292.655,\n2024,313.689,\n2022,118,NOK\n2024,133.1,NOK\n"
        let data = try read(["factors.csv": Fixture.factors, "price_index.csv": index])
        #expect(data.priceIndex == [2022: 292.655, 2024: 313.689])
        #expect(data.priceIndexByCurrency == [CurrencyCode("NOK")!: [2022: 118, 2024: 133.1]])
        let bad = "year,index,currency\n2024,133.1,NOK\n2024,134,NOK\n2024,100,nok\n"
        #expect(
            try errors(["factors.csv": Fixture.factors, "price_index.csv": bad]) == [
                "price_index.csv:3: column 'year': duplicate price index for NOK 2024; it is already on line 2",
                "price_index.csv:4: column 'currency': 'nok' is not a currency code; expected three upper-case letters (ISO 4217), or empty for the index of the factors' prices",
            ]
        )
    }

    /// A refurbished laptop bought under its own article number takes its own, lower footprint (40 kg against
    /// the new one's 250 kg), and its line says it is a refurbished unit's; a bad flag is refused with the line.
    @Test func refurbishedPurchaseUsesItsOwnFootprint() throws {
        let footprints = """
            supplier,product,kgco2e_per_unit,unit,refurbished
            S1,LAP,250,piece,
            S1,LAP-R,40,piece,yes

            """
        let data = try read(["factors.csv": Fixture.factors, "product_footprints.csv": footprints])
        #expect(data.footprints.map(\.refurbished) == [false, true])
        let engine = InventoryEngine(reference: data)
        func line(_ product: String) -> LedgerLine {
            LedgerLine(
                supplier: engine.supplierKey("S1"),
                category: engine.categoryKey("office"),
                product: engine.productKey(product),
                unit: engine.unitKey(for: "piece"),
                currency: CurrencyCode("NOK")!,
                year: 2024,
                amount: 30_000,
                quantity: 3
            )
        }
        let refurbished = engine.evaluate(line("LAP-R"))
        let new = engine.evaluate(line("LAP"))
        #expect(refurbished.method == .supplierSpecific && abs(refurbished.kg - 120) < 1e-9 && abs(new.kg - 750) < 1e-9)
        let labels = ProvenanceLabels(engine: engine)
        #expect(labels.label(for: refurbished).hasSuffix("; refurbished unit: its own footprint, not a new one's"))
        #expect(!labels.label(for: new).contains("refurbished"))
        let bad = "supplier,product,kgco2e_per_unit,unit,refurbished\nS1,LAP-R,40,piece,maybe\n"
        #expect(
            try errors(["factors.csv": Fixture.factors, "product_footprints.csv": bad]) == [
                "product_footprints.csv:2: column 'refurbished': 'maybe' is not yes or no; expected yes, no (or true, false), or an empty field for no"
            ]
        )
    }

    @Test func footprintBoundaryErrors() throws {
        let footprints = """
            supplier,product,kgco2e_per_unit,unit,boundary,use_phase_share
            S1,A,1,piece,cradle-to-grave,
            S1,B,1,piece,cradle-to-grave,1.2
            S1,C,1,piece,cradle-to-gate,0.5
            S1,D,1,piece,gate-to-gate,

            """
        #expect(
            try errors(["factors.csv": Fixture.factors, "product_footprints.csv": footprints]) == [
                "product_footprints.csv:2: column 'use_phase_share': a cradle-to-grave footprint needs the share of its use phase (0 to 1), so that only its cradle-to-gate part counts in Categories 1 and 2",
                "product_footprints.csv:3: column 'use_phase_share': '1.2' is not a share; expected a number from 0 up to (not including) 1, such as 0.8",
                "product_footprints.csv:4: column 'use_phase_share': a cradle-to-gate footprint has no use phase; give boundary cradle-to-grave, or leave use_phase_share empty",
                "product_footprints.csv:5: column 'boundary': 'gate-to-gate' is not a boundary; expected cradle-to-gate or cradle-to-grave",
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
