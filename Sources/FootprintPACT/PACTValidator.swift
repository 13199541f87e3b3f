import FootprintCore

/// Validates a PACT v3 `ProductFootprint` in three layers and returns every problem found:
///
/// 1. schema: required fields, types, enumerations, anchored patterns, uuid / date-time / urn
///    formats, `minItems` / `uniqueItems`, at most one geography (errors); a decimal with an
///    exponent is read with a warning;
/// 2. semantic rules of the Technical Specifications: inverted periods, packaging and CCS
///    coupling, DQR 1..5, `Other` operator name, own id in `precedingPfIds` (errors); the
///    validity-period rule V2 and methodology hints (warnings);
/// 3. arithmetic: the two sum rules of `pcf` (warnings only).
///
/// Unknown members are never a problem. Paths are RFC 6901 JSON Pointers (`/pcf/declaredUnitAmount`).
public enum PACTValidator {
    /// Every problem of `json` as a v3 footprint; no error means `PACTFootprint(json:)` succeeds.
    public static func validate(_ json: JSONValue) -> [PACTProblem] {
        var check = PACTCheck()
        guard check.object(json, "") != nil else { return check.problems }
        let header = check.productFootprint(json)
        if let pcf = check.required(json, "pcf", "", "a CarbonFootprint object"), check.object(pcf, "/pcf") != nil {
            let figures = check.carbonFootprint(pcf)
            check.semantic(json, pcf, header: header, figures: figures)
        }
        return check.problems
    }
}

/// Values the semantic layer needs from the header.
struct HeaderFacts {
    var id: String?
    var validityStart: PACTDateTime?
    var validityEnd: PACTDateTime?
}

extension PACTCheck {
    /// The `ProductFootprint` members other than `pcf`.
    mutating func productFootprint(_ pf: JSONValue) -> HeaderFacts {
        var facts = HeaderFacts()
        if let v = required(pf, "id", "", "a UUID") { facts.id = uuid(v, "/id") }
        if let v = required(pf, "specVersion", "", "a version such as \"3.0.3\""),
            let s = formatted(v, "/specVersion", PACTVocabulary.isSpecVersion, "major.minor.patch such as \"3.0.3\"")
        {
            if !s.hasPrefix("3.") {
                warning("/specVersion", "\"\(s)\" is not a v3 version; expected \"3.x.y\" for a v3 footprint")
            }
        }
        if let v = Self.defined(pf, "precedingPfIds"), let items = array(v, "/precedingPfIds", unique: true) {
            for (k, item) in items.enumerated() {
                if let s = uuid(item, "/precedingPfIds/\(k)"), let id = facts.id, s.lowercased() == id.lowercased() {
                    error("/precedingPfIds/\(k)", "\"\(s)\" is this footprint's own id; expected only ids of earlier footprints this one replaces")
                }
            }
        }
        if let v = required(pf, "created", "", "a date-time such as \"2025-04-30T00:00:00Z\"") { _ = dateTime(v, "/created") }
        if let v = required(pf, "status", "", "\"Active\" or \"Deprecated\"") { _ = oneOf(v, "/status", PACTVocabulary.statuses) }
        if let v = Self.defined(pf, "validityPeriodStart") { facts.validityStart = dateTime(v, "/validityPeriodStart") }
        if let v = Self.defined(pf, "validityPeriodEnd") { facts.validityEnd = dateTime(v, "/validityPeriodEnd") }
        if let v = required(pf, "companyName", "", "a non-empty string") { _ = string(v, "/companyName", nonEmpty: true) }
        if let v = required(pf, "companyIds", "", "an array of URNs") { _ = urns(v, "/companyIds") }
        if let v = required(pf, "productDescription", "", "a string") { _ = string(v, "/productDescription") }
        if let v = required(pf, "productIds", "", "an array of URNs") { _ = urns(v, "/productIds") }
        if let v = Self.defined(pf, "productClassifications") { _ = urns(v, "/productClassifications") }
        if let v = required(pf, "productNameCompany", "", "a non-empty string") { _ = string(v, "/productNameCompany", nonEmpty: true) }
        if let v = Self.defined(pf, "comment") { _ = string(v, "/comment") }
        if let v = Self.defined(pf, "extensions"), let items = array(v, "/extensions", unique: false) {
            for (k, item) in items.enumerated() { dataModelExtension(item, "/extensions/\(k)") }
        }
        return facts
    }

    mutating func dataModelExtension(_ v: JSONValue, _ path: String) {
        guard object(v, path) != nil else { return }
        if let s = required(v, "specVersion", path, "a string") { _ = string(s, path + "/specVersion") }
        if let s = required(v, "dataSchema", path, "the URL of the extension's schema") {
            _ = formatted(s, path + "/dataSchema", PACTVocabulary.isURI, "an absolute URI such as \"https://example.org/schema.json\"")
        }
        if let s = Self.defined(v, "documentation") {
            _ = formatted(s, path + "/documentation", PACTVocabulary.isURI, "an absolute URI such as \"https://example.org/docs\"")
        }
        if let d = required(v, "data", path, "an object") { _ = object(d, path + "/data") }
    }
}
