/// A supplier's energy answer (`requests answer` to an `energy` request) as the assessment reads it:
/// the figures, the date it was received, and the order it was recorded in.
public struct RecordedEnergyAnswer: Sendable, Hashable {
    public var answer: EnergyAnswer
    /// YYYY-MM-DD of the `received` event.
    public var on: String
    /// The `received` event's id: among answers of one year received on one day, the one recorded last wins.
    public var event: Int64

    public init(answer: EnergyAnswer, on: String, event: Int64) {
        self.answer = answer
        self.on = on
        self.event = event
    }

    /// The answer the assessment uses: of the newest reporting year, the one received last (latest
    /// date, then recorded last): a corrected answer is a new answer, and the newest one counts.
    public static func newest(_ answers: [RecordedEnergyAnswer]) -> RecordedEnergyAnswer? {
        answers.max { ($0.answer.year, $0.on, $0.event) < ($1.answer.year, $1.on, $1.event) }
    }
}

extension SupplierAssessment {
    /// The `renewable-electricity` criterion: full credit when the newest energy answer (`RecordedEnergyAnswer.newest`)
    /// says at least `minimum_percent` of the supplier's electricity is renewable; nothing below it; with no
    /// energy answer, not known (`when_unknown` decides whether its weight counts).
    static func judgeRenewableElectricity(_ c: AssessmentCriteria.Criterion, _ input: AssessmentInput, explain: Bool) -> (Double, String, Bool) {
        guard let newest = input.energy else {
            return (
                0,
                explain
                    ? "no energy answer recorded: renewable electricity share unknown ('footprint engagement requests add \(input.supplier.id) --kind energy --ask \"...\" --due YYYY-MM-DD' asks for it)"
                    : "",
                false
            )
        }
        let minimum = c.minimumPercent ?? 100
        guard let share = EngagementAnswer.decimal(newest.answer.renewablePercent) else {
            return (0, explain ? "the energy answer of \(newest.on) gives no renewable share: unknown" : "", false)
        }
        let met = share >= minimum
        guard explain else { return (met ? 1 : 0, "", true) }
        let text =
            "\(newest.answer.renewablePercent)% of \(newest.answer.electricityKWh) kWh electricity renewable in \(newest.answer.year) (energy answer received \(newest.on))"
        return met ? (1, text + ", at least \(fmt(minimum))%", true) : (0, text + ", below \(fmt(minimum))%", true)
    }
}
