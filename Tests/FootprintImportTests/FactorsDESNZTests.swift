import FootprintCore
import FootprintImport
import FootprintTestSupport
import Foundation
import Testing

@Suite("DESNZ 2024 conversion factors")
struct FactorsDESNZTests {
    static let available = SharedFolder.isAvailable(SharedFolder.desnz2024)

    @Test(.enabled(if: available, "shared/data with the DESNZ 2024 workbook is absent"))
    func extractsTheSheets() throws {
        let library = try DESNZConversionFactors.read(path: SharedFolder.file(SharedFolder.desnz2024).path, sha256: "558116ed")
        #expect(library.info.id == "desnz-2024")
        #expect(library.info.version == "2024 v1.1")
        #expect(library.info.sha256 == "558116ed")
        var counts: [String: Int] = [:]
        for f in library.factors { counts[String(f.category.split(separator: "/")[1]), default: 0] += 1 }
        print(
            "DESNZ factors per sheet:",
            counts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
            "total",
            library.factors.count
        )
        for f in library.factors {
            guard case .activity(let unit) = f.basis else {
                Issue.record("\(f.category) is not average-data")
                continue
            }
            #expect(unit.dimension != nil, "\(f.category): \(unit)")
            #expect(f.kgPerUnit >= 0)
            #expect(f.source.contains("OGL v3.0"))
        }
        func factor(_ category: String, _ unit: String) throws -> EmissionFactor {
            try #require(library.factors.first { $0.category == category && $0.unitText == unit }, "\(category) in \(unit)")
        }
        let weee = try factor("desnz/waste-disposal/electrical-items/weee-mixed/landfill", "t")
        #expect(weee.kgPerUnitText == "8.88386")
        #expect(weee.source.contains("sheet 'Waste disposal', row 59, cell I59"))
        #expect(try factor("desnz/waste-disposal/electrical-items/weee-mixed/open-loop", "t").kgPerUnit == 6.41061)
        #expect(library.scope3Defaults[weee.category] == .wasteGeneratedInOperations)
        let hotel = try factor("desnz/hotel-stay/uk", "room-night")
        #expect(hotel.kgPerUnitText == "10.4")
        #expect(try factor("desnz/hotel-stay/united-states", "room-night").kgPerUnitText == "16.1")
        #expect(library.scope3Defaults[hotel.category] == .businessTravel)
        let air = try factor("desnz/business-travel-air/flights/long-haul-to-from-uk/economy-class/with-rf", "pkm")
        #expect(air.kgPerUnitText == "0.20011")
        #expect(air.name == "Business travel- air: Flights, Long-haul, to/from UK, Economy class, With RF")
        #expect(try factor("desnz/business-travel-air/flights/long-haul-to-from-uk/economy-class/without-rf", "pkm").kgPerUnitText == "0.11812")
        #expect(try factor("desnz/business-travel-land/rail/national-rail", "pkm").kgPerUnitText == "0.03546")
        #expect(try factor("desnz/business-travel-land/taxis/regular-taxi", "km").kgPerUnitText == "0.20805")
        #expect(try factor("desnz/business-travel-sea/ferry/foot-passenger", "pkm").kgPerUnitText == "0.01871")
        #expect(try factor("desnz/uk-electricity/electricity-generated/electricity-uk", "kWh").kgPerUnitText == "0.20705")
        #expect(library.scope3Defaults["desnz/uk-electricity/electricity-generated/electricity-uk"] == nil)
        #expect(try factor("desnz/transmission-and-distribution/t-d-uk-electricity/electricity-uk", "kWh").kgPerUnitText == "0.0183")
        #expect(try factor("desnz/fuels/liquid-fuels/diesel-average-biofuel-blend", "l").kgPerUnitText == "2.51279")
        #expect(try factor("desnz/fuels/liquid-fuels/diesel-average-biofuel-blend/net-cv", "kWh").kgPerUnitText == "0.25403")
        #expect(try factor("desnz/fuels/gaseous-fuels/natural-gas", "m3").kgPerUnitText == "2.04542")
        #expect(try factor("desnz/material-use/electrical-items/electrical-items-it/primary-material-production", "t").kgPerUnitText == "24865.47556")
        #expect(try factor("desnz/freighting-goods/rail/freight-train", "tkm").kgPerUnitText == "0.02779")
        #expect(try factor("desnz/freighting-goods/hgv-all-diesel/all-hgvs/average-laden", "tkm").unitText == "tkm")
        #expect(
            try factor("desnz/business-travel-land/cars-by-size/average-car/petrol", "mi").basis == .activity(unit: MeasureUnit(parsing: "miles"))
        )
        // Category ids are unique per unit.
        #expect(Set(library.factors.map { "\($0.category) \($0.unitText)" }).count == library.factors.count)
    }

    @Test(arguments: [
        ("Business travel- air", "business-travel-air"), ("Long-haul, to/from UK", "long-haul-to-from-uk"),
        ("Rigid (>3.5 - 7.5 tonnes)", "rigid-3.5-7.5-tonnes"), ("50% Laden", "50pct-laden"), ("T&D- UK electricity", "t-d-uk-electricity"),
        ("WEEE - mixed", "weee-mixed"),
    ])
    func slugs(_ text: String, _ slug: String) {
        #expect(DESNZConversionFactors.slug(text) == slug)
    }

    @Test(arguments: [
        ("passenger.km", "pkm", nil), ("Room per night", "room-night", nil), ("kWh (Net CV)", "kWh", "Net CV"),
        ("tonne.km", "tkm", nil), ("tonnes", "t", nil), ("litres", "l", nil), ("cubic metres", "m3", nil), ("miles", "mi", nil), ("km", "km", nil),
    ])
    func units(_ text: String, _ symbol: String, _ qualifier: String?) {
        let parsed = DESNZConversionFactors.unit(text)
        #expect(parsed.unit.symbol == symbol)
        #expect(parsed.unit.dimension != nil)
        #expect(parsed.qualifier == qualifier)
    }
}
