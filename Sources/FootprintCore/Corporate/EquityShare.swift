/// The equity-share approach (GHG Protocol Corporate Standard, chapter 3): each operation counts by
/// the company's share of its equity. Footprint applies it where it knows the operation: the activity
/// data, site by site, through the site's legal entity (`sites.csv` `legal_entity`, an entity's `id`
/// or `name` in company.json). The ledger's lines and the travel and commuting files carry no legal
/// entity, so an equity share below 100% cannot be applied to them: such an inventory is refused,
/// never computed at 100% as if the share did not matter.
public enum EquityShare {
    /// `inventory` with each line's emissions multiplied by its site's equity share, when `boundary`
    /// uses the equity-share approach; unchanged under control approaches (every share counts 100%).
    public static func apply(
        to inventory: ActivityInventory,
        sites: [ActivitySite],
        boundary: OrganisationalBoundary
    ) throws(CorporateInventoryError) -> ActivityInventory {
        guard boundary.approach == .equityShare else { return inventory }
        var shareOfSite: [String: Double] = [:]
        for site in sites where site.consolidated {
            guard let entity = boundary.entities.first(where: { $0.id == site.legalEntity || $0.name == site.legalEntity }) else {
                throw .equityShare(
                    "\(site.location): site '\(site.id)' belongs to legal entity '\(site.legalEntity ?? "")', which is not among company.json's entities; under the equity-share approach each site counts by its entity's share, so expected a legal_entity that names an entity's id or name"
                )
            }
            shareOfSite[site.id] = entity.equityShare
        }
        var result = inventory
        for i in result.lines.indices {
            let share = shareOfSite[result.lines[i].site] ?? 1
            guard share != 1 else { continue }
            result.lines[i].scale(by: share)
        }
        return result
    }

    /// Refuses an equity-share inventory whose ledger or travel data would need a share below 100%:
    /// `hasUnattributedData` when the ledger has lines or travel, commuting, sales or returns files are given.
    public static func check(boundary: OrganisationalBoundary, hasUnattributedData: Bool) throws(CorporateInventoryError) {
        guard boundary.approach == .equityShare, hasUnattributedData,
            let partial = boundary.entities.first(where: { $0.equityShare < 1 })
        else { return }
        throw .equityShare(
            "company.json: consolidation approach equity-share, and entity '\(partial.id)' is held at \(InventorySummary.percent(partial.equityShare)); the purchase ledger's lines and the travel, commuting, sales and returns files carry no legal entity, so its share cannot be applied to them (Footprint applies equity shares to the activity data, site by site). Expected operational-control or financial-control, or entities held in full"
        )
    }
}

extension ActivityLine {
    /// Multiplies every emission figure of the line by `share` and records it.
    mutating func scale(by share: Double) {
        scope1Kg *= share
        scope2LocationKg *= share
        scope2MarketKg *= share
        fuelsWellToTankKg *= share
        electricityWellToTankKg *= share
        lossesKg *= share
        biogenicKg *= share
        equityShare = share
    }
}
