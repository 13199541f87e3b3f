import FootprintCore
import FootprintImport
import GRDB

extension SupplierStore {
    /// What is wrong with the parents of the register as it now stands (inside an import's or an
    /// edit's transaction, after its rows are written): a parent not in the register, a cycle.
    static func parentProblems(db: Database) throws -> [(supplier: String, message: String)] {
        let register = try register(db: db)
        return SupplierParents(register).problems(known: Set(register.map(\.id)))
    }

    /// Refuses a suppliers import whose parents do not hold, each problem at the line of the supplier
    /// (`lines`: supplier id -> line of the file) whose parent is to change.
    static func checkParents(file: String, lines: [String: Int], db: Database) throws {
        let problems = try parentProblems(db: db)
        guard !problems.isEmpty else { return }
        throw InputErrorBox(
            error: InputError(problems.map { Diagnostic(file: file, line: lines[$0.supplier] ?? 1, column: "parent", message: $0.message) })
        )
    }
}
