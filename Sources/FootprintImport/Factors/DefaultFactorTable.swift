/// The curated default factors for an IT-services company, as CSV text
/// (`category,name,kgco2e_per_unit,unit,price_year,source,scope3_category`).
///
/// Kept in Swift rather than as a bundle resource so that the `footprint` binary works offline
/// wherever it is copied (`Bundle.module` stops the program when its resource bundle is not
/// beside it). Every figure is copied from its source, which the `source` field names to the row;
/// docs/factor-libraries.md lists them and the tests check each against the published files.
public enum DefaultFactorTable {
    public static let fileName = "default-factors.csv"
    static let version = "2026.1"

    public static let csv = #"""
        category,name,kgco2e_per_unit,unit,price_year,source,scope3_category
        computers,Computers (NAICS 334111 Electronic Computer Manufacturing),0.058,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 334111 (Electronic Computer Manufacturing); doi:10.23719/1531143",2
        network-equipment,Network equipment (NAICS 334210 Telephone Apparatus Manufacturing: includes routers and switches),0.096,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 334210 (Telephone Apparatus Manufacturing); doi:10.23719/1531143",2
        storage,Storage devices (NAICS 334112 Computer Storage Device Manufacturing),0.071,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 334112 (Computer Storage Device Manufacturing); doi:10.23719/1531143",2
        peripherals,Peripherals (NAICS 334118 Computer Terminal and Other Computer Peripheral Equipment Manufacturing),0.143,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 334118 (Computer Terminal and Other Computer Peripheral Equipment Manufacturing); doi:10.23719/1531143",1
        telecom-services,Telecommunication services (NAICS 517311 Wired Telecommunications Carriers),0.075,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 517311 (Wired Telecommunications Carriers); doi:10.23719/1531143",1
        software,Software (NAICS 511210 Software Publishers),0.08,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 511210 (Software Publishers); doi:10.23719/1531143",1
        it-consulting,IT consulting (NAICS 541512 Computer Systems Design Services),0.089,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 541512 (Computer Systems Design Services); doi:10.23719/1531143",1
        data-processing-hosting,"Data processing, hosting and cloud (NAICS 518210)",0.093,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 518210 (Data Processing, Hosting, and Related Services); doi:10.23719/1531143",1
        office-supplies,Office supplies (NAICS 339940 Office Supplies (except Paper) Manufacturing),0.265,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 339940 (Office Supplies (except Paper) Manufacturing); doi:10.23719/1531143",1
        furniture,Office furniture (NAICS 337214 Office Furniture (except Wood) Manufacturing),0.24,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 337214 (Office Furniture (except Wood) Manufacturing); doi:10.23719/1531143",2
        air-travel,Air travel (NAICS 481111 Scheduled Passenger Air Transportation),0.644,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 481111 (Scheduled Passenger Air Transportation); doi:10.23719/1531143",6
        air-travel,"Air travel, short-haul to/from UK, average passenger, with RF",0.18592,pkm,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Business travel- air', row 24, cell E24 (Flights, Short-haul, to/from UK, Average passenger, With RF); OGL v3.0",6
        rail-travel,Rail travel (NAICS 485112 Commuter Rail Systems),0.566,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 485112 (Commuter Rail Systems); doi:10.23719/1531143",6
        rail-travel,"Rail travel, national rail",0.03546,pkm,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Business travel- land', row 87, cell D87 (Rail, National rail); OGL v3.0",6
        taxi,Taxi (NAICS 485310 Taxi Service),0.566,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 485310 (Taxi Service); doi:10.23719/1531143",6
        taxi,"Taxi, regular taxi, per vehicle km",0.20805,km,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Business travel- land', row 72, cell D72 (Taxis, Regular taxi, km); OGL v3.0",6
        taxi,"Taxi, regular taxi, per passenger km",0.14861,pkm,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Business travel- land', row 71, cell D71 (Taxis, Regular taxi, passenger.km); OGL v3.0",6
        hotels,Hotels (NAICS 721110 Hotels (except Casino Hotels) and Motels),0.145,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 721110 (Hotels (except Casino Hotels) and Motels); doi:10.23719/1531143",6
        hotels,"Hotel stay, UK, per room per night",10.4,room-night,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Hotel stay', row 22, cell D22 (Hotel stay, UK); OGL v3.0",6
        freight,Freight and courier services (NAICS 492110 Couriers and Express Delivery Services),0.303,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 492110 (Couriers and Express Delivery Services); doi:10.23719/1531143",4
        freight,"Road freight, all HGVs (diesel), average laden",0.09752,tkm,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Freighting goods', row 63, cell P63 (HGV (all diesel), All HGVs, Average laden); OGL v3.0",4
        electricity,"Electricity, UK grid (location-based, generation)",0.20705,kWh,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'UK electricity', row 25, cell E25 (Electricity generated, Electricity: UK); OGL v3.0",
        waste-weee,WEEE recycling services (NAICS 562920 Materials Recovery Facilities),0.988,USD,2022,"US EPA Supply Chain GHG Emission Factors v1.3.0, 'Supply Chain Emission Factors with Margins', NAICS 562920 (Materials Recovery Facilities); doi:10.23719/1531143",5
        waste-weee,"WEEE, mixed, open-loop recycling",6.41061,t,,"DESNZ GHG Conversion Factors 2024 v1.1, sheet 'Waste disposal', row 59, cell E59 (Electrical items, WEEE - mixed, Open-loop); OGL v3.0",5

        """#
}
