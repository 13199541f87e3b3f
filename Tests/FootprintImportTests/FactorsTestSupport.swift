import FootprintTestSupport
import Foundation

/// The shared data files the factor tests read (paths inside ../shared; see `SharedFolder`).
extension SharedFolder {
    static let epa13 = "data/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_CO2e_USD2022.csv"
    static let epa13ByGHG = "data/SupplyChainGHGEmissionFactors_v1.3.0_NAICS_byGHG_USD2022.csv"
    static let desnz2024 = "data/ghg-conversion-factors-2024-full_set__for_advanced_users__v1_1.xlsx"
    static let sbtiSample = "samples/sbti-companies-sample.xlsx"
}
