/// Why two runs differ, as far as their inputs tell: imports that came or went, factor libraries
/// that changed, suppliers whose disclosures or footprints changed.
public struct RunInputsDiff: Sendable {
    public var importsAdded: [RunInputs.Input]
    public var importsRemoved: [RunInputs.Input]
    public var librariesAdded: [RunInputs.Library]
    public var librariesRemoved: [RunInputs.Library]
    /// Supplier ids whose own data (disclosures, product footprints) differs.
    public var suppliersWithNewData: [String]

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
        return out
    }
}
