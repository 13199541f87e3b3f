extension FuelFactor {
    static let edition = "DESNZ GHG Conversion Factors 2024 v1.1"

    static func cell(_ value: Double, _ sheet: String, _ cell: String, _ row: String) -> CitedFigure {
        CitedFigure(value, source: "\(edition), sheet '\(sheet)', cell \(cell) (\(row)); OGL v3.0", verified: true)
    }

    /// Every figure is the value the cited cell shows (FuelFactorWorkbookTests reads them back).
    /// `kg` is the `tonnes` row divided by 1000.
    static let table: [FuelFactor] = {
        var rows: [FuelFactor] = [
            FuelFactor(
                fuel: .diesel,
                unit: .litres,
                combustion: cell(2.51279, "Fuels", "D72", "Diesel (average biofuel blend), litres"),
                wellToTank: cell(0.61101, "WTT- fuels", "D71", "Diesel (average biofuel blend), litres"),
                biogenic: cell(0.16, "Outside of scopes", "D22", "Diesel (average biofuel blend), litres")
            ),
            FuelFactor(
                fuel: .diesel,
                unit: .kwh,
                combustion: cell(0.23902, "Fuels", "D74", "Diesel (average biofuel blend), kWh (Gross CV)"),
                wellToTank: cell(0.05816, "WTT- fuels", "D73", "Diesel (average biofuel blend), kWh (Gross CV)"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .diesel,
                unit: .tonnes,
                combustion: cell(3014.09462, "Fuels", "D71", "Diesel (average biofuel blend), tonnes"),
                wellToTank: cell(733.64436, "WTT- fuels", "D70", "Diesel (average biofuel blend), tonnes"),
                biogenic: cell(194.5, "Outside of scopes", "D21", "Diesel (average biofuel blend), tonnes")
            ),
            FuelFactor(
                fuel: .dieselMineral,
                unit: .litres,
                combustion: cell(2.66155, "Fuels", "D76", "Diesel (100% mineral diesel), litres"),
                wellToTank: cell(0.62409, "WTT- fuels", "D75", "Diesel (100% mineral diesel), litres"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .dieselMineral,
                unit: .tonnes,
                combustion: cell(3203.91143, "Fuels", "D75", "Diesel (100% mineral diesel), tonnes"),
                wellToTank: cell(752.0276, "WTT- fuels", "D74", "Diesel (100% mineral diesel), tonnes"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .petrol,
                unit: .litres,
                combustion: cell(2.0844, "Fuels", "D96", "Petrol (average biofuel blend), litres"),
                wellToTank: cell(0.58094, "WTT- fuels", "D95", "Petrol (average biofuel blend), litres"),
                biogenic: cell(0.13, "Outside of scopes", "D25", "Petrol (average biofuel blend), litres")
            ),
            FuelFactor(
                fuel: .petrol,
                unit: .kwh,
                combustion: cell(0.22013, "Fuels", "D98", "Petrol (average biofuel blend), kWh (Gross CV)"),
                wellToTank: cell(0.0614, "WTT- fuels", "D97", "Petrol (average biofuel blend), kWh (Gross CV)"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .petrol,
                unit: .tonnes,
                combustion: cell(2778.52935, "Fuels", "D95", "Petrol (average biofuel blend), tonnes"),
                wellToTank: cell(777.33392, "WTT- fuels", "D94", "Petrol (average biofuel blend), tonnes"),
                biogenic: cell(171.77, "Outside of scopes", "D24", "Petrol (average biofuel blend), tonnes")
            ),
            FuelFactor(
                fuel: .naturalGas,
                unit: .m3,
                combustion: cell(2.04542, "Fuels", "D40", "Natural gas, cubic metres"),
                wellToTank: cell(0.3366, "WTT- fuels", "D39", "Natural gas, cubic metres"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .naturalGas,
                unit: .kwh,
                combustion: cell(0.1829, "Fuels", "D42", "Natural gas, kWh (Gross CV)"),
                wellToTank: cell(0.03021, "WTT- fuels", "D41", "Natural gas, kWh (Gross CV)"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .naturalGas,
                unit: .tonnes,
                combustion: cell(2568.16441, "Fuels", "D39", "Natural gas, tonnes"),
                wellToTank: cell(423.16368, "WTT- fuels", "D38", "Natural gas, tonnes"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .lpg,
                unit: .litres,
                combustion: cell(1.55713, "Fuels", "D36", "LPG, litres"),
                wellToTank: cell(0.18551, "WTT- fuels", "D35", "LPG, litres"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .lpg,
                unit: .kwh,
                combustion: cell(0.2145, "Fuels", "D38", "LPG, kWh (Gross CV)"),
                wellToTank: cell(0.02548, "WTT- fuels", "D37", "LPG, kWh (Gross CV)"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .lpg,
                unit: .tonnes,
                combustion: cell(2939.36095, "Fuels", "D35", "LPG, tonnes"),
                wellToTank: cell(349.29282, "WTT- fuels", "D34", "LPG, tonnes"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .gasOil,
                unit: .litres,
                combustion: cell(2.75541, "Fuels", "D84", "Gas oil, litres"),
                wellToTank: cell(0.62665, "WTT- fuels", "D83", "Gas oil, litres"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .gasOil,
                unit: .kwh,
                combustion: cell(0.25649, "Fuels", "D86", "Gas oil, kWh (Gross CV)"),
                wellToTank: cell(0.05913, "WTT- fuels", "D85", "Gas oil, kWh (Gross CV)"),
                biogenic: nil
            ),
            FuelFactor(
                fuel: .gasOil,
                unit: .tonnes,
                combustion: cell(3226.57859, "Fuels", "D83", "Gas oil, tonnes"),
                wellToTank: cell(743.83524, "WTT- fuels", "D82", "Gas oil, tonnes"),
                biogenic: nil
            ),
        ]
        for tonnes in rows where tonnes.unit == .tonnes {
            func perKg(_ f: CitedFigure) -> CitedFigure {
                CitedFigure(f.value / 1000, source: f.source + ", divided by 1000 (per kg)", verified: f.verified)
            }
            rows.append(
                FuelFactor(
                    fuel: tonnes.fuel,
                    unit: .kg,
                    combustion: perKg(tonnes.combustion),
                    wellToTank: perKg(tonnes.wellToTank),
                    biogenic: tonnes.biogenic.map(perKg)
                )
            )
        }
        return rows
    }()
}
