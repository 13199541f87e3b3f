import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

/// Every built-in activity figure taken from the DESNZ 2024 workbook equals the cell it cites.
@Suite struct ActivityFactorsWorkbookTests {
    static func cited(_ source: String) -> (sheet: String, cell: String)? {
        guard let match = source.firstMatch(of: /sheet '([^']+)', cell ([A-Z]+\d+)/) else { return nil }
        return (String(match.1), String(match.2))
    }

    @Test(.enabled(if: SharedFolder.isAvailable(SharedFolder.desnz2024), "shared/data with the DESNZ workbook is absent"))
    func builtInFiguresMatchTheWorkbook() throws {
        let workbook = try XLSXWorkbook(path: SharedFolder.file(SharedFolder.desnz2024).path)
        var sheets: [String: XLSXSheet] = [:]
        func value(_ source: String) throws -> Double {
            let (name, cell) = try #require(Self.cited(source), "\(source)")
            if sheets[name] == nil { sheets[name] = try workbook.sheet(named: name) }
            return try #require(sheets[name]?.cell(cell)?.number, "\(name) \(cell)")
        }
        var checked = 0
        for fuel in FuelFactor.Fuel.allCases {
            for unit in FuelFactor.units(of: fuel) {
                let factor = try #require(FuelFactor.builtIn(fuel, unit))
                let scale = unit == .kg ? 0.001 : 1
                for figure in [factor.combustion, factor.wellToTank] + (factor.biogenic.map { [$0] } ?? []) {
                    #expect(abs(figure.value - (try value(figure.source)) * scale) < 1e-12, "\(fuel) \(unit): \(figure.source)")
                    #expect(figure.verified)
                    checked += 1
                }
            }
        }
        // AR5 GWPs of the pure gases are DESNZ's 'Refrigerant & other' cells; the blends computed from them
        // round to DESNZ's own blend figures (R410A D76, R404A D64, R407C D69).
        for gas in Refrigerant.allCases {
            guard let figure = gas.gwp(.ar5) else { continue }
            if gas.composition.count == 1 {
                #expect(figure.value == (try value(figure.source)), "\(gas)")
            } else {
                let cell = [Refrigerant.r410a: "D76", .r404a: "D64", .r407c: "D69"][gas]!
                #expect((figure.value).rounded() == (try value("sheet 'Refrigerant & other', cell \(cell)")), "\(gas)")
            }
            checked += 1
        }
        for factor in GridFactor.builtIn where factor.area == "GB" {
            #expect(factor.kgPerKWh == (try value(factor.source)))
            checked += 1
        }
        // The electricity upstream shares' figures.
        #expect(try value("sheet 'UK electricity', cell E25") == 0.20705)
        #expect(try value("sheet 'WTT- UK electricity', cell E19") == 0.0459)
        #expect(try value("sheet 'WTT- UK electricity', cell E24") == 0.00397)
        #expect(try value("sheet 'Transmission and distribution', cell E22") == 0.0183)
        #expect(checked == 62)
    }
}
