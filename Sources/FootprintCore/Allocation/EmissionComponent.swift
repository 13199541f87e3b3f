/// What an allocation keeps apart when it shares emissions out: our scope, the Scope 3 category,
/// and how the figure was obtained. Each component of a pool is shared on its own (with the pool's
/// key), so every statement can say how much of a customer's share is Scope 1, 2 or 3, which
/// category, and how much rests on supplier data, and conservation holds per component.
public struct EmissionComponent: Hashable, Comparable, Sendable {
    /// How the figure was obtained: our own activity data (Scope 1 and 2, Category 3 of energy) or a
    /// purchase line's method.
    public enum Source: UInt8, Sendable, Hashable, CaseIterable, Comparable {
        case activity = 0
        case supplierSpecific, hybrid, averageData, spendBased

        public init(_ method: CalculationMethod) {
            switch method {
            case .supplierSpecific: self = .supplierSpecific
            case .hybrid: self = .hybrid
            case .averageData: self = .averageData
            case .spendBased: self = .spendBased
            }
        }

        public var name: String {
            switch self {
            case .activity: "activity-data"
            case .supplierSpecific: CalculationMethod.supplierSpecific.name
            case .hybrid: CalculationMethod.hybrid.name
            case .averageData: CalculationMethod.averageData.name
            case .spendBased: CalculationMethod.spendBased.name
            }
        }

        /// Whether the figure rests on data the supplier delivered (a footprint or a disclosure).
        public var isSupplierData: Bool { self == .supplierSpecific || self == .hybrid }

        /// The uncertainty assumed for a figure of this source, in percent (a 95 % range): our
        /// documented defaults (docs/customers.md), used for the CDP table's uncertainty column.
        public var uncertaintyPercent: Double {
            switch self {
            case .activity: 5
            case .supplierSpecific: 10
            case .hybrid: 20
            case .averageData: 30
            case .spendBased: 50
            }
        }

        public static func < (a: Source, b: Source) -> Bool { a.rawValue < b.rawValue }
    }

    /// 1, 2 or 3.
    public var scope: Int
    /// 1...15 for Scope 3; 0 for Scopes 1 and 2.
    public var scope3Category: Int
    public var source: Source

    public init(scope: Int, scope3Category: Int = 0, source: Source) {
        precondition((1...3).contains(scope) && (scope == 3) == (1...15).contains(scope3Category), "a component's scope and category")
        self.scope = scope
        self.scope3Category = scope3Category
        self.source = source
    }

    /// `Scope 1`, `Scope 2`, `Scope 3 Category 1`.
    public var label: String { scope == 3 ? "Scope 3 Category \(scope3Category)" : "Scope \(scope)" }

    public static func < (a: EmissionComponent, b: EmissionComponent) -> Bool {
        (a.scope, a.scope3Category, a.source.rawValue) < (b.scope, b.scope3Category, b.source.rawValue)
    }
}

/// Exact nano-kg per component.
public typealias ComponentSums = [EmissionComponent: Int128]

extension Dictionary where Key == EmissionComponent, Value == Int128 {
    /// The sum of every component.
    public var totalNanoKg: Int128 { values.reduce(0, +) }

    /// Adds `other`'s sums.
    public mutating func add(_ other: ComponentSums) {
        for (component, nano) in other { self[component, default: 0] += nano }
    }

    /// The nano-kg resting on supplier data.
    public var supplierDataNanoKg: Int128 { reduce(0) { $0 + ($1.key.source.isSupplierData ? $1.value : 0) } }
}
