import FootprintCore
import FootprintImport
import Foundation
import Testing

/// travel.csv, commuting_survey.csv and workforce.csv: what is read, and every error with its place.
@Suite("Travel: reader")
struct TravelDataReaderTests {
    func read(_ files: [String: String]) throws -> TravelData { try TempFolder.reading(files, with: TravelDataReader.read(directory:)) }

    func errors(_ files: [String: String]) throws -> [String] { try TempFolder.errors(files, with: TravelDataReader.read(directory:)) }

    static let tripsHeader = "date,mode,class,distance_km,return,nights,country,origin,destination,reference\n"

    @Test func readsEveryColumn() throws {
        let data = try read([
            "travel.csv": Self.tripsHeader + "2024-03-01,Air,Business class,5912,yes,,,OSL,JFK,BK-1\n2024-03-02,hotel,,,,4,United States,,,\n",
            "commuting_survey.csv": "respondent,mode,one_way_km,days_per_week\nR1,metro/tram,8,3\nR1,home working,,2\nR2,bicycle,,5\n",
            "workforce.csv": "year,headcount\n2024,118\n",
        ])
        let trips = try #require(data.trips)
        #expect(trips.count == 2)
        #expect(trips[0].seat == .business && trips[0].isReturn && trips[0].distanceKm == 5912 && trips[0].origin == "OSL")
        #expect(trips[0].date == 2024_03_01 && trips[0].reference == "BK-1")
        #expect(trips[1].nights == 4 && trips[1].country == "United States")
        #expect(data.survey?.map(\.mode) == [.metroTram, .homeWorking, .bicycle])
        #expect(data.workforce == [Workforce(location: SourceLocation(file: "workforce.csv", line: 2), year: 2024, headcount: 118)])
    }

    @Test func absentFilesAreNone() throws {
        let data = try read([:])
        #expect(data.trips == nil && data.survey == nil && data.workforce.isEmpty)
    }

    @Test func haulError() throws {
        #expect(
            try errors(["travel.csv": "date,mode,distance_km,haul\n2024-03-01,air,100,galactic\n"]) == [
                "travel.csv:2: column 'haul': 'galactic' is not a haul; expected one of domestic, short-haul, long-haul, international, or empty to pick it by distance"
            ]
        )
    }

    @Test func tripErrors() throws {
        let found = try errors([
            "travel.csv": Self.tripsHeader
                + "2024-13-01,air,,100,,,,,,\n"  // 2
                + "2024-03-01,zeppelin,,100,,,,,,\n"  // 3
                + "2024-03-01,air,sofa,100,,,,,,\n"  // 4
                + "2024-03-01,rail,,,,,,,,\n"  // 5
                + "2024-03-01,taxi,,-5,,,,,,\n"  // 6
                + "2024-03-01,hotel,,,,-1,,,,\n"  // 7
                + "2024-03-01,rail,business,100,maybe,,,,,\n"  // 8
        ])
        #expect(
            found == [
                "travel.csv:2: column 'date': '2024-13-01' is not a date; expected YYYY-MM-DD, such as 2024-03-15",
                "travel.csv:3: column 'mode': 'zeppelin' is not a travel mode; expected one of air, rail, bus, taxi, car-rental, ferry, hotel",
                "travel.csv:4: column 'class': 'sofa' is not a cabin class; expected one of average, economy, premium-economy, business, first, or empty when not known",
                "travel.csv:5: column 'distance_km': the field is empty; mode 'rail' needs the one-way distance in km",
                "travel.csv:6: column 'distance_km': '-5' is negative; expected a distance in km of zero or more",
                "travel.csv:7: column 'nights': '-1' is negative; expected room nights of zero or more",
                "travel.csv:7: column 'country': the field is empty; a value is required",
                "travel.csv:8: column 'class': 'business' is given for mode 'rail'; class applies to air only: leave it empty",
                "travel.csv:8: column 'return': 'maybe' is not yes or no; expected yes, no (or true, false), or an empty field for no",
            ]
        )
    }

    @Test func surveyAndWorkforceErrors() throws {
        let found = try errors([
            "commuting_survey.csv": "respondent,mode,one_way_km,days_per_week\n"
                + "R1,hoverboard,3,5\n"  // 2
                + "R2,car-petrol,,5\n"  // 3
                + "R3,bus,4,8\n"  // 4
                + "R4,rail,-2,3\n"  // 5
                + "R5,rail,10,5\nR5,bus,3,4\n",  // 6, 7
            "workforce.csv": "year,headcount,working_weeks\n2024,0,46\n2023,100,60\n2022,100,\n2022,90,\n",
            "travel.csv": "date,distance_km\n",
        ])
        #expect(
            found == [
                "commuting_survey.csv:2: column 'mode': 'hoverboard' is not a commuting mode; expected one of car-petrol, car-diesel, car-electric, "
                    + "car-average, motorbike, bus, rail, metro-tram, bicycle, walk, home-working",
                "commuting_survey.csv:3: column 'one_way_km': the field is empty; mode 'car-petrol' needs the one-way distance in km",
                "commuting_survey.csv:4: column 'days_per_week': '8' is more than the 7 days of a week; expected 0 to 7",
                "commuting_survey.csv:5: column 'one_way_km': '-2' is negative; expected a distance in km of zero or more",
                "commuting_survey.csv:6: column 'days_per_week': respondent 'R5' reports 9.0 days per week over lines 6, 7; expected at most 7 in all",
                "travel.csv:1: missing required column 'mode'; the header has 'date', 'distance_km'",
                "workforce.csv:2: column 'headcount': '0' is not a headcount; expected a positive number of full-time equivalents",
                "workforce.csv:3: column 'working_weeks': '60' is not a number of working weeks; expected more than 0 and at most 53",
                "workforce.csv:5: column 'year': duplicate workforce row for 2022; it is already on line 4",
            ]
        )
    }

    @Test func aSurveyNeedsTheWorkforce() throws {
        let found = try errors(["commuting_survey.csv": "respondent,mode,one_way_km,days_per_week\nR1,rail,10,5\n"])
        #expect(found.count == 1)
        #expect(found[0].hasPrefix("workforce.csv:0: missing: commuting_survey.csv is extrapolated to the headcount"))
    }
}
