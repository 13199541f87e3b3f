public import FootprintCore

extension EPASupplyChainFactors {
    /// The Scope 3 category a purchase in a NAICS commodity falls in by default.
    ///
    /// - 481 air transportation: passenger and other air 6 (business travel); the two freight
    ///   codes 481112 and 481212: 4.
    /// - 482 rail (US line-haul and short-line railroads carry freight), 484 trucking, 488 support
    ///   activities for transportation, 491 postal, 492 couriers, 493 warehousing: 4 (upstream
    ///   transportation and distribution, which includes third-party warehousing).
    /// - 483 water transportation: 4, except the passenger codes 483112, 483114, 483212: 6.
    /// - 485 transit and ground passenger transportation (taxi, bus, commuter rail): 6.
    /// - 562 waste management: 5. 721 accommodation: 6.
    /// - Everything else: 1 (purchased goods and services). A NAICS code cannot tell a capital
    ///   good (category 2) from a consumable; that is the user's mapping to make.
    public static func defaultScope3(naics: String) -> Scope3Category {
        switch naics {
        case "481112", "481212": return .upstreamTransportationAndDistribution
        case "483112", "483114", "483212": return .businessTravel
        default: break
        }
        switch naics.prefix(3) {
        case "481", "485", "721": return .businessTravel
        case "482", "483", "484", "488", "491", "492", "493": return .upstreamTransportationAndDistribution
        case "562": return .wasteGeneratedInOperations
        default: return .purchasedGoodsAndServices
        }
    }
}
