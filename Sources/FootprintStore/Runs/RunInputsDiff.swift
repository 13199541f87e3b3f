/// Why two runs differ, as far as their inputs tell: imports that came or went, factor libraries
/// that changed, suppliers whose disclosures or footprints changed.
public struct RunInputsDiff: Sendable {
    public var importsAdded: [RunInputs.Input]
    public var importsRemoved: [RunInputs.Input]
    public var librariesAdded: [RunInputs.Library]
    public var librariesRemoved: [RunInputs.Library]
    /// Supplier ids whose own data (disclosures, product footprints) differs.
    public var suppliersWithNewData: [String]
    /// Suppliers' answers (their `received` event ids) the later run's sold-products figures read and
    /// the earlier's did not, and the reverse.
    public var answersAdded: [Int64]
    public var answersRemoved: [Int64]

    public init(before: RunInputs, after: RunInputs) {
        let a = Set(before.imports.map(\.importID))
        let b = Set(after.imports.map(\.importID))
        importsAdded = after.imports.filter { !a.contains($0.importID) }
        importsRemoved = before.imports.filter { !b.contains($0.importID) }
        let la = Set(before.libraries.map(\.id))
        let lb = Set(after.libraries.map(\.id))
        librariesAdded = after.libraries.filter { !la.contains($0.id) }
        librariesRemoved = before.libraries.filter { !lb.contains($0.id) }
        suppliersWithNewData = Set(before.supplierDigests.keys).union(after.supplierDigests.keys)
            .filter { before.supplierDigests[$0] != after.supplierDigests[$0] }.sorted()
        answersAdded = after.supplierAnswers.filter { !before.supplierAnswers.contains($0) }
        answersRemoved = before.supplierAnswers.filter { !after.supplierAnswers.contains($0) }
    }

    /// Sentences for people.
    public var sentences: [String] {
        var out: [String] = []
        for i in importsAdded { out.append("import #\(i.importID) added: \(i.kind) \(i.file) (sha256 \(i.sha256.prefix(12)))") }
        for i in importsRemoved { out.append("import #\(i.importID) no longer in force: \(i.kind) \(i.file)") }
        for l in librariesAdded { out.append("factor library \(l.key)@\(l.version) added") }
        for l in librariesRemoved { out.append("factor library \(l.key)@\(l.version) no longer in force") }
        if !suppliersWithNewData.isEmpty {
            let shown = suppliersWithNewData.prefix(10).joined(separator: ", ")
            out.append(
                "new or changed supplier data (disclosures, product footprints) for \(suppliersWithNewData.count) supplier\(suppliersWithNewData.count == 1 ? "" : "s"): \(shown)\(suppliersWithNewData.count > 10 ? ", ..." : "")"
            )
        }
        if !answersAdded.isEmpty {
            out.append(
                "\(answersAdded.count) new answer\(answersAdded.count == 1 ? "" : "s") of suppliers to data requests, read by the sold-products "
                    + "figures (engagement requests list shows them)"
            )
        }
        if !answersRemoved.isEmpty { out.append("\(answersRemoved.count) answer\(answersRemoved.count == 1 ? "" : "s") of suppliers no longer read") }
        return out
    }
}
