import FootprintCore
import Foundation
import Testing

@testable import FootprintStore

/// A manufacturer's figures in a workspace (manufacturers.csv): they reach the distributors' lines in a
/// run; a distributor's own new figures are an incremental run that leaves the lines computed with the
/// manufacturer's figures as they are; a manufacturer's new figures recompute every line in full.
@Suite struct ManufacturerRunTests {
    static let files: [(ImportKind, String, String)] = [
        (.factors, "factors.csv", "category,name,kgco2e_per_unit,unit,price_year,source\nnetwork,Network equipment,0.5,USD,,test\n"),
        (.rates, "rates.csv", "currency,year,per_usd\nUSD,2024,1\n"),
        (
            .supplierEmissions, "supplier_emissions.csv",
            "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nNetMaker,2024,100,50,1850,10000000,USD\nDistA,2024,10,10,980,1000000,USD\n"
        ),
        (.productFootprints, "product_footprints.csv", "supplier,product,kgco2e_per_unit,unit\nNetMaker,SW-48,410,piece\n"),
        (
            .manufacturers, "manufacturers.csv",
            "product,manufacturer,manufacturer_product,supplier\nSW-48,NetMaker,,\nRT-1,NetMaker,,\nB-77,NetMaker,SW-48,DistB\n"
        ),
        (
            .purchases, "purchases.csv",
            """
            id,date,supplier,category,amount,currency,product,quantity,unit,customer
            A1,2024-03-01,DistA,network,9000,USD,SW-48,3,piece,
            A2,2024-03-02,DistA,network,5000,USD,RT-1,,,
            A3,2024-03-03,DistA,network,5000,USD,,,,
            B1,2024-04-01,DistB,network,6000,USD,B-77,2,piece,
            B2,2024-04-02,DistB,network,100,USD,CABLE,,,

            """
        ),
    ]

    static func kg(_ t: TemporaryWorkspace, run: Int64) throws -> [String: Double] {
        var result: [String: Double] = [:]
        _ = try t.workspace.runs.runLines(id: run) { result[$0.purchaseID] = $0.kg }
        return result
    }

    @Test func distributorsLinesUseTheManufacturersFigures() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        for (kind, name, text) in Self.files { _ = try t.workspace.importFile(kind, try t.file(name, text)) }
        let run = try t.workspace.runs.calculate(CalculationOptions(full: true))
        let kg = try Self.kg(t, run: run.id)
        // 3 x 410; NetMaker's 0.2 kg/USD x 5,000; DistA's own 1 kg/USD x 5,000; B-77 is SW-48: 2 x 410; spend 0.5 x 100.
        #expect(kg == ["A1": 1230, "A2": 1000, "A3": 5000, "B1": 820, "B2": 50])
        _ = try t.workspace.runs.verifyRun(id: run.id)
    }

    @Test func aDistributorsNewDisclosureLeavesTheManufacturersLines() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        var ids: [ImportKind: Int64] = [:]
        for (kind, name, text) in Self.files { ids[kind] = try t.workspace.importFile(kind, try t.file(name, text)).record.id }
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true))
        // DistA's revenue doubles: its own intensity halves (0.5 kg/USD); NetMaker's lines keep theirs.
        let emissions =
            "supplier,year,scope1,scope2,scope3_upstream,revenue,currency\nNetMaker,2024,100,50,1850,10000000,USD\nDistA,2024,10,10,980,2000000,USD\n"
        _ = try t.workspace.importFile(.supplierEmissions, try t.file("e2.csv", emissions), replacing: ids[.supplierEmissions])
        let run = try t.workspace.runs.calculate(CalculationOptions())
        #expect(run.kind == .incremental, "NetMaker's figures are the same: only DistA's lines can change")
        #expect(try Self.kg(t, run: run.id) == ["A1": 1230, "A2": 1000, "A3": 2500, "B1": 820, "B2": 50])
        _ = try t.workspace.runs.verifyRun(id: run.id)
        #expect(try t.workspace.runs.calculate(CalculationOptions(full: true)).aggregate == run.aggregate)
    }

    @Test func aManufacturersNewFootprintRecomputesItsDistributorsLines() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        var ids: [ImportKind: Int64] = [:]
        for (kind, name, text) in Self.files { ids[kind] = try t.workspace.importFile(kind, try t.file(name, text)).record.id }
        _ = try t.workspace.runs.calculate(CalculationOptions(full: true))
        let footprints = "supplier,product,kgco2e_per_unit,unit\nNetMaker,SW-48,400,piece\n"
        _ = try t.workspace.importFile(.productFootprints, try t.file("f2.csv", footprints), replacing: ids[.productFootprints])
        let run = try t.workspace.runs.calculate(CalculationOptions())
        #expect(run.kind == .full)
        #expect(try Self.kg(t, run: run.id) == ["A1": 1200, "A2": 1000, "A3": 5000, "B1": 800, "B2": 50])
    }

    @Test func aSecondManufacturerOfTheSameProductIsRefusedWithBothLines() throws {
        let t = try TemporaryWorkspace()
        defer { t.cleanUp() }
        let path = try t.file("m.csv", "product,manufacturer\nSW-48,NetMaker\nSW-48,OtherMaker\n")
        #expect {
            _ = try t.workspace.importFile(.manufacturers, path)
        } throws: { error in
            "\(error)".contains("m.csv:3") && "\(error)".contains("already has a manufacturer on line 2")
        }
        _ = try t.workspace.importFile(.manufacturers, try t.file("m1.csv", "product,manufacturer\nSW-48,NetMaker\n"))
        #expect {
            _ = try t.workspace.importFile(.manufacturers, try t.file("m2.csv", "product,manufacturer\nSW-48,OtherMaker\n"))
        } throws: { error in
            "\(error)".contains("the manufacturer of product 'SW-48' bought from any supplier is already given by import #")
        }
    }
}
