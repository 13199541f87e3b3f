/// How the company sets its organisational boundary (GHG Protocol Corporate Standard, chapter 3):
/// which operations' emissions it reports as its own.
public enum ConsolidationApproach: String, Sendable, CaseIterable, Hashable {
    /// 100% of the emissions of operations the company (or a subsidiary) has the authority to run;
    /// the default, as most companies choose it.
    case operationalControl = "operational-control"
    /// 100% of the operations whose financial and operating policies it directs to gain from them.
    case financialControl = "financial-control"
    /// Each operation's emissions by the company's share of its equity.
    case equityShare = "equity-share"

    public var title: String {
        switch self {
        case .operationalControl: "operational control"
        case .financialControl: "financial control"
        case .equityShare: "equity share"
        }
    }
}
