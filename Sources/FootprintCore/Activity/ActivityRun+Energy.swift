extension ActivityRun {
    /// Checks every instrument against the Quality Criteria the data allows (cancelled, produced in
    /// a period overlapping the reporting period, same market as the site it is claimed for);
    /// a failing one is excluded with its reason. An id on two rows is an error.
    mutating func checkInstruments() {
        var seen: [String: SourceLocation] = [:]
        for instrument in data.instruments {
            if let first = seen[instrument.id] {
                fail(instrument.location, "id", "instrument '\(instrument.id)' is claimed twice; it is already on line \(first.line)")
                continue
            }
            seen[instrument.id] = instrument.location
            func exclude(_ reason: ActivityExclusion.Reason, _ detail: String) {
                exclusions.append(ActivityExclusion(reason: reason, source: instrument.location, detail: "instrument '\(instrument.id)': \(detail)"))
            }
            guard instrument.cancelledOn != nil else {
                exclude(.instrumentNotCancelled, "not cancelled (no cancelled_on); only a cancelled instrument can be claimed")
                continue
            }
            guard instrument.productionStart <= period.end, instrument.productionEnd >= period.start else {
                exclude(
                    .instrumentProductionOutsidePeriod,
                    "produced \(Self.text(instrument.productionStart)) to \(Self.text(instrument.productionEnd)), "
                        + "which does not overlap the reporting period \(period) (\(period.startText) to \(period.endText))"
                )
                continue
            }
            if let id = instrument.site {
                guard let site = sites[id] else {
                    fail(instrument.location, "site", "unknown site '\(id)'; every site must be a row of sites.csv")
                    continue
                }
                guard site.consolidated else {
                    exclude(.instrumentSiteOutsideBoundary, "claimed for site '\(id)', which is not consolidated")
                    continue
                }
                let market = ElectricityMarket.of(country: site.country)
                guard ElectricityMarket.of(country: instrument.country) == market else {
                    exclude(
                        .instrumentOtherMarket,
                        "produced in \(instrument.country) (market \(ElectricityMarket.of(country: instrument.country))), "
                            + "claimed for site '\(id)' in \(site.country) (market \(market))"
                    )
                    continue
                }
            }
            valid.append(instrument)
            remaining[instrument.id] = instrument.kwh
        }
    }

    mutating func add(_ use: EnergyUse) {
        guard let site = included(site: use.site, day: use.firstDay, dayText: use.monthText, at: use.location) else { return }
        let areas = [site.biddingZone, site.country].compactMap { $0 }
        func grid(_ basis: GridFactor.Basis) -> GridFactor? {
            if let found = self.grid.factor(areas: areas, basis: basis, year: use.year) { return found }
            let years = self.grid.years(areas: areas, basis: basis)
            fail(
                use.location,
                "site",
                "no \(basis.rawValue) factor for \(areas.joined(separator: " or ")) in \(use.year) or earlier"
                    + (years.isEmpty ? "" : " (there are for \(years.map(String.init).joined(separator: ", ")))")
                    + "; add a grid_factors.csv row (area,year,basis,kgco2e_per_kwh,source)"
            )
            return nil
        }
        var line = ActivityLine(
            source: use.location,
            kind: .electricity,
            site: use.site,
            activity: "\(use.carrier.rawValue) \(use.monthText)",
            quantity: use.kwh,
            unit: "kWh"
        )
        switch use.carrier {
        case .districtHeating, .districtCooling:
            let basis: GridFactor.Basis = use.carrier == .districtHeating ? .districtHeating : .districtCooling
            guard let factor = grid(basis) else { return }
            line.kind = use.carrier == .districtHeating ? .districtHeating : .districtCooling
            line.scope2LocationKg = use.kwh * factor.kgPerKWh
            line.scope2MarketKg = line.scope2LocationKg
            line.factors.append(Self.factor(basis.rawValue, factor))
        case .electricity:
            let location = grid(.location)
            let residual = grid(.residualMix)
            guard let location, let residual else { return }
            line.scope2LocationKg = use.kwh * location.kgPerKWh
            line.electricityWellToTankKg = line.scope2LocationKg * ElectricityUpstream.wellToTankShare
            line.lossesKg = line.scope2LocationKg * ElectricityUpstream.lossShare
            line.factors.append(Self.factor("location", location))
            var uncovered = use.kwh
            var market = 0.0
            let siteMarket = ElectricityMarket.of(country: site.country)
            let siteFirst =
                valid.filter { $0.site == use.site } + valid.filter { $0.site == nil && ElectricityMarket.of(country: $0.country) == siteMarket }
            for instrument in siteFirst where uncovered > 0 {
                let left = remaining[instrument.id] ?? 0
                guard left > 0 else { continue }
                let take = min(left, uncovered)
                remaining[instrument.id] = left - take
                uncovered -= take
                market += take * instrument.kgPerKWh
                line.instruments.append(ActivityLine.InstrumentUse(id: instrument.id, kwh: take, kgPerKWh: instrument.kgPerKWh))
            }
            if uncovered > 0 {
                market += uncovered * residual.kgPerKWh
                line.factors.append(Self.factor("residual-mix", residual))
            }
            line.scope2MarketKg = market
            line.factors.append(
                ActivityLine.Factor(
                    role: "electricity-upstream",
                    kgPerUnit: location.kgPerKWh * (ElectricityUpstream.wellToTankShare + ElectricityUpstream.lossShare),
                    source: ElectricityUpstream.source,
                    year: location.year,
                    area: location.area,
                    verified: location.verified
                )
            )
        }
        lines.append(line)
    }

    /// Every valid instrument's volume and the kWh it covered, in file order.
    func coverage() -> [ActivityInventory.Coverage] {
        valid.map { ActivityInventory.Coverage(id: $0.id, kind: $0.kind, volumeKWh: $0.kwh, coveredKWh: $0.kwh - (remaining[$0.id] ?? 0)) }
    }
}
