import FootprintCore
import Foundation

/// Reads the PACT footprints of one JSON document, v3 or v2 (mapped to v3).
///
/// Accepted shapes: a footprint object; an array of footprints; an API response `{"data": [...]}`
/// or `{"data": {...}}`; a CloudEvent whose `data.pfs` lists footprints (RequestFulfilledEvent).
public enum PACTDocument {
    /// One footprint of a document.
    public struct Entry: Sendable {
        /// The footprint as v3 (mapped when the source was v2).
        public var footprint: PACTFootprint
        /// `"3"`, or `"2"` when the footprint was written in the v2 data model.
        public var sourceVersion: String
        /// Warnings of mapping and validation.
        public var warnings: [PACTProblem]
        /// 0-based position in the document.
        public var index: Int
    }

    /// Every footprint of `data`; throws when the JSON is malformed, the shape unknown, or any
    /// footprint has an error (then listing every problem of every footprint with errors).
    /// `file` names the source in messages.
    public static func read(_ data: Data, file: String) throws(PACTDocumentError) -> [Entry] {
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch { throw .malformedJSON(file: file, error) }
        return try read(json, file: file)
    }

    /// Every footprint of an already parsed document (see ``read(_:file:)-(Data,_)``).
    public static func read(_ json: JSONValue, file: String) throws(PACTDocumentError) -> [Entry] {
        let items = try footprints(of: json, file: file)
        var entries: [Entry] = []
        var failures: [PACTDocumentError.FootprintProblems] = []
        for (index, item) in items.enumerated() {
            let v2 = isV2(item)
            let (v3, problems) = v2 ? PACTv2Mapping.toV3(item) : (item, PACTValidator.validate(item))
            let id = item["id"]?.stringValue
            guard problems.errors.isEmpty else {
                failures.append(.init(index: index, id: id, problems: problems))
                continue
            }
            do {
                let footprint = try PACTFootprint(json: v3, problems: problems)
                entries.append(Entry(footprint: footprint, sourceVersion: v2 ? "2" : "3", warnings: problems.warnings, index: index))
            } catch {
                failures.append(.init(index: index, id: id, problems: error.problems))
            }
        }
        if !failures.isEmpty { throw .invalidFootprints(file: file, failures) }
        return entries
    }

    /// True for a footprint in the v2 data model: `pcf.declaredUnit` or `pcf.pCfExcludingBiogenic`
    /// present, or `specVersion` 1.x / 2.x.
    public static func isV2(_ footprint: JSONValue) -> Bool {
        if let pcf = footprint["pcf"], pcf["declaredUnit"] != nil || pcf["pCfExcludingBiogenic"] != nil { return true }
        if let spec = footprint["specVersion"]?.stringValue, spec.hasPrefix("2.") || spec.hasPrefix("1.") { return true }
        return false
    }

    static func footprints(of json: JSONValue, file: String) throws(PACTDocumentError) -> [JSONValue] {
        switch json {
        case .array(let items): return items
        case .object:
            if json["specversion"] != nil || json["type"] != nil, let data = json["data"] {
                if let pfs = data["pfs"]?.arrayValue { return pfs }
                throw .unrecognizedShape(file: file, found: "an event without data.pfs (type \(json["type"]?.stringValue ?? "?"))")
            }
            if json["pcf"] == nil, let data = json["data"] {
                if let items = data.arrayValue { return items }
                if case .object = data { return [data] }
                throw .unrecognizedShape(file: file, found: "\"data\" holding \(PACTCheck.describe(data))")
            }
            return [json]
        default:
            throw .unrecognizedShape(file: file, found: PACTCheck.describe(json))
        }
    }
}
