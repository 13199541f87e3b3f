import FootprintCore
import Testing

/// Category 7, hand-computed: respondents' years, their mean, times the headcount.
@Suite("Travel: Category 7")
struct TravelCommutingTests {
    static let period = ReportingPeriod(fiscalYear: 2024)!
    static let staff = Workforce(location: SourceLocation(file: "workforce.csv", line: 2), year: 2024, headcount: 10, workingWeeks: 46)

    static func answer(_ who: String, _ mode: CommuteMode, _ km: Double?, _ days: Double, line: Int = 2) -> CommuteAnswer {
        CommuteAnswer(
            location: SourceLocation(file: "commuting_survey.csv", line: line),
            respondent: who,
            mode: mode,
            oneWayKm: km,
            daysPerWeek: days
        )
    }

    static func run(_ survey: [CommuteAnswer], _ settings: TravelSettings = TravelSettings(), staff: [Workforce] = [staff]) throws -> TravelResult {
        try TravelCalculator.calculate(TravelData(survey: survey, workforce: staff), period: period, settings: settings)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test(arguments: [
        (CommuteMode.carPetrol, 0.1645, 0.04599), (.carDiesel, 0.16984, 0.04146), (.carElectric, 0.04745, 0.01049),
        (.carAverage, 0.16691, 0.04399), (.motorbike, 0.11367, 0.02956), (.bus, 0.10846, 0.02649), (.rail, 0.03546, 0.00897),
        (.metroTram, 0.0286, 0.00749), (.bicycle, 0, 0), (.walk, 0, 0),
    ])
    func eachMode(mode: CommuteMode, factor: Double, wtt: Double) throws {
        // One respondent, 10 km one way, 5 days a week, 46 weeks: 4,600 km a year; headcount 10 -> x10.
        let result = try Self.run([Self.answer("R1", mode, 10, 5)])
        let c = try #require(result.commuting)
        #expect(Self.close(c.kg(mode), 4600 * factor * 10))
        #expect(Self.close(c.wellToTankKg, 4600 * wtt * 10))
        #expect(Self.close(c.totalKg, 4600 * (factor + wtt) * 10))
        #expect(result.lines[0].activity == 4600)
    }

    @Test func extrapolationIsTheSampleMeanTimesTheHeadcount() throws {
        // R1: rail 20 km x 2 x 4 days x 46 = 7,360 pkm; R2: bus 5 km x 2 x 5 x 46 = 2,300 pkm, and 2 days at home
        // = 2 x 46 x 7.5 = 690 FTE hours; R3 walks. Three respondents of 12 FTE (25%: under 30%, a warning).
        let staff = Workforce(location: SourceLocation(file: "workforce.csv", line: 3), year: 2024, headcount: 12)
        let result = try Self.run(
            [
                Self.answer("R1", .rail, 20, 4), Self.answer("R2", .bus, 5, 5, line: 3), Self.answer("R2", .homeWorking, nil, 2, line: 4),
                Self.answer("R3", .walk, 1.5, 5, line: 5),
            ],
            staff: [staff]
        )
        let c = try #require(result.commuting)
        let sample = 7360 * (0.03546 + 0.00897) + 2300 * (0.10846 + 0.02649) + 690 * 0.33378
        #expect(c.respondents == 3)
        #expect(Self.close(c.sampleKg, sample))
        #expect(Self.close(c.meanKgPerRespondent, sample / 3))
        #expect(Self.close(c.totalKg, sample / 3 * 12))
        #expect(Self.close(c.homeworkingKg, 690 * 0.33378 * 4))
        #expect(c.responseRate == 0.25)
        #expect(
            result.warnings == [
                "commuting: 3 respondents for a headcount of 12 is a response rate of 25%, under 30%; the survey may not represent the workforce"
            ]
        )
        #expect(result.kgByCategory == [.employeeCommuting: c.totalKg])
        let json = result.json().rendered()
        #expect(json.contains(#""respondents": 3"#) && json.contains(#""response_rate": 0.25"#) && json.contains(#""category6_kgco2e": null"#))
    }

    @Test func homeworkingIsAStatedChoice() throws {
        let survey = [Self.answer("R1", .homeWorking, nil, 5)]
        let included = try #require(try Self.run(survey).commuting)
        #expect(Self.close(included.totalKg, 5 * 46 * 7.5 * 0.33378 * 10))
        let excludedResult = try Self.run(survey, TravelSettings(includeHomeworking: false))
        #expect(excludedResult.commuting!.totalKg == 0)
        #expect(excludedResult.lines[0].note == "home-working not included (setting)")
        #expect(excludedResult.text().contains("home-working not included"))
    }

    @Test func noWorkforceRowForThePeriodIsAnError() throws {
        let other = Workforce(location: SourceLocation(file: "workforce.csv", line: 2), year: 2023, headcount: 10)
        #expect(throws: TravelCalculationError.self) { try Self.run([Self.answer("R1", .rail, 10, 5)], staff: [other]) }
        do {
            _ = try Self.run([Self.answer("R1", .rail, 10, 5)], staff: [other])
        } catch let error as TravelCalculationError {
            #expect(error.description.contains("workforce.csv: no row for 2024 (it has 2023)"))
        }
    }

    @Test func anEmptySurveyIsAnError() throws {
        #expect(throws: TravelCalculationError.self) { try Self.run([]) }
    }
}
