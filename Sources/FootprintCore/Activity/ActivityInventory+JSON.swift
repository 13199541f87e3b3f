extension ActivityInventory {
    /// The inventory as JSON, snake_case keys: totals first (`scope1_kgco2e`,
    /// `scope2_location_based_kgco2e`, `scope2_market_based_kgco2e`, `category3_kgco2e`,
    /// `biogenic_co2_kg`), then kWh by carrier, instruments, exclusions and the lines.
    public func json(includingLines: Bool = true) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("period", period.json()),
            ("scope1_kgco2e", .number(scope1Kg)),
            ("scope1_stationary_combustion_kgco2e", .number(scope1StationaryKg)),
            ("scope1_mobile_combustion_kgco2e", .number(scope1MobileKg)),
            ("scope1_fugitive_kgco2e", .number(scope1FugitiveKg)),
            ("scope2_location_based_kgco2e", .number(scope2LocationKg)),
            ("scope2_market_based_kgco2e", .number(scope2MarketKg)),
            ("category3_kgco2e", .number(category3Kg)),
            ("category3_fuels_wtt_kgco2e", .number(category3FuelsWellToTankKg)),
            ("category3_electricity_wtt_kgco2e", .number(category3ElectricityWellToTankKg)),
            ("category3_td_losses_kgco2e", .number(category3LossesKg)),
            ("biogenic_co2_kg", .number(biogenicKg)),
            ("kwh_by_carrier", .object(EnergyCarrier.allCases.map { ($0.rawValue, .number(kwhByCarrier[$0] ?? 0)) })),
            ("instrument_covered_kwh", .number(coveredKWh)),
            (
                "instruments",
                .array(
                    coverage.map {
                        .object([
                            ("id", .string($0.id)), ("type", .string($0.kind.rawValue)), ("volume_kwh", .number($0.volumeKWh)),
                            ("covered_kwh", .number($0.coveredKWh)),
                        ])
                    }
                )
            ),
            (
                "excluded",
                .object([
                    ("count", .integer(exclusions.count)),
                    ("reasons", .object(exclusionCounts.map { ($0.reason.rawValue, .integer($0.count)) })),
                    (
                        "items",
                        .array(
                            exclusions.map {
                                .object([
                                    ("reason", .string($0.reason.rawValue)), ("file", .string($0.source.file)), ("line", .integer($0.source.line)),
                                    ("detail", .string($0.detail)),
                                ])
                            }
                        )
                    ),
                ])
            ),
        ]
        if includingLines { members.append(("lines", .array(lines.map(Self.json)))) }
        return .object(members)
    }

    static func json(_ line: ActivityLine) -> JSONValue {
        .object([
            ("file", .string(line.source.file)), ("line", .integer(line.source.line)), ("kind", .string(line.kind.rawValue)),
            ("site", .string(line.site)), ("activity", .string(line.activity)), ("quantity", .number(line.quantity)), ("unit", .string(line.unit)),
            ("scope1_kgco2e", .number(line.scope1Kg)), ("scope2_location_based_kgco2e", .number(line.scope2LocationKg)),
            ("scope2_market_based_kgco2e", .number(line.scope2MarketKg)), ("category3_kgco2e", .number(line.category3Kg)),
            ("biogenic_co2_kg", .number(line.biogenicKg)), ("equity_share", .number(line.equityShare)),
            (
                "factors",
                .array(
                    line.factors.map { f in
                        .object([
                            ("role", .string(f.role)), ("kgco2e_per_unit", .number(f.kgPerUnit)), ("year", f.year.map { .integer($0) } ?? .null),
                            ("area", f.area.map { .string($0) } ?? .null), ("source", .string(f.source)), ("verified", .bool(f.verified)),
                        ])
                    }
                )
            ),
            (
                "instruments",
                .array(
                    line.instruments.map {
                        .object([("id", .string($0.id)), ("kwh", .number($0.kwh)), ("kgco2e_per_kwh", .number($0.kgPerKWh))])
                    }
                )
            ),
        ])
    }
}
