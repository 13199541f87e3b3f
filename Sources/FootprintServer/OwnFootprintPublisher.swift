import FootprintCore
import FootprintPACT
import FootprintStore
import Foundation

/// Publishes footprints we author (`footprint pact publish FILE`): each is validated as PACT v3
/// (a v2 footprint is refused: we author v3 only), stored compact, and shared with the named
/// clients or with everyone. Footprints it names in `precedingPfIds` are deprecated in the same
/// transaction, as the specification's lifecycle asks.
public enum OwnFootprintPublisher {
    public struct Outcome: Sendable {
        public var published: [OwnFootprintRow]
        public var warnings: [String]
    }

    public static func publish(_ data: Data, file: String, sharedWith: [String], store: any PACTHostStore) throws -> Outcome {
        let entries = try PACTDocument.read(data, file: file)
        if let v2 = entries.first(where: { $0.sourceVersion != "3" }) {
            throw PublishError.notV3(file: file, index: v2.index, id: v2.footprint.id)
        }
        var warnings: [String] = []
        for entry in entries {
            for w in entry.warnings { warnings.append("\(file): footprint \(entry.index + 1) (\(entry.footprint.id)): \(w.path): \(w.message)") }
        }
        let inputs = entries.map { entry in
            OwnFootprintInput(
                id: entry.footprint.id,
                status: entry.footprint.status.rawValue,
                json: Data(entry.footprint.json.compactData()),
                filterKeys: PACTFilterKeys(entry.footprint).stored,
                preceding: entry.footprint.precedingPfIds
            )
        }
        let rows = try store.publishOwnFootprints(inputs, sharedWith: sharedWith, deprecatedJSON: deprecated)
        return Outcome(published: rows, warnings: warnings)
    }

    /// Marks one of our footprints Deprecated.
    public static func deprecate(id: String, store: any PACTHostStore) throws -> OwnFootprintRow {
        try store.deprecateOwnFootprint(id: id, deprecatedJSON: deprecated)
    }

    /// The footprint's JSON with status Deprecated (its only permitted change).
    static func deprecated(_ json: Data) throws -> (json: Data, filterKeys: String) {
        let value = try JSONValue.parse(json).setting("status", to: .string("Deprecated"))
        return (Data(value.compactData()), PACTFilterKeys(try PACTFootprint(validated: value)).stored)
    }
}

public enum PublishError: Error, CustomStringConvertible {
    case notV3(file: String, index: Int, id: String)
    public var description: String {
        switch self {
        case .notV3(let file, let index, let id):
            "\(file): footprint \(index + 1) (\(id)) is a PACT v2 footprint; we publish v3 only: write it in the v3 data model (see docs/pact.md)"
        }
    }
}
