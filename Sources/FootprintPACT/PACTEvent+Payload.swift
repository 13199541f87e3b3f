import FootprintCore

extension PACTCheck {
    /// The payload of `type` from the event's `data` (errors recorded with `/data/...` paths).
    mutating func payload(_ type: PACTEvent.EventType, _ data: JSONValue) -> PACTEvent.Kind? {
        switch type {
        case .requestCreated:
            do {
                let filter = try PACTFilter(requestCreatedData: data)
                let comment = PACTCheck.defined(data, "comment").flatMap { string($0, "/data/comment") }
                return .requestCreated(filterData: data, filter: filter, comment: comment)
            } catch {
                self.error("/data/" + error.parameter, error.message)
                return nil
            }
        case .v2RequestCreated:
            guard let pf = required(data, "pf", "/data", "a footprint fragment with productIds"), object(pf, "/data/pf") != nil else { return nil }
            var criteria: [(String, JSONValue)] = []
            for (from, to) in [("productIds", "productId"), ("companyIds", "companyId"), ("productClassifications", "classification")] {
                if let v = PACTCheck.defined(pf, from) { criteria.append((to, v)) }
            }
            if let pcf = pf["pcf"] {
                let geo = ["geographyCountrySubdivision", "geographyCountry", "geographyRegionOrSubregion"].compactMap { PACTCheck.defined(pcf, $0) }
                if !geo.isEmpty { criteria.append(("geography", .array(geo))) }
            }
            let filterData = JSONValue.object(criteria)
            do {
                let filter = try PACTFilter(requestCreatedData: filterData)
                let comment = PACTCheck.defined(data, "comment").flatMap { string($0, "/data/comment") }
                return .requestCreated(filterData: filterData, filter: filter, comment: comment)
            } catch {
                self.error("/data/pf", error.description)
                return nil
            }
        case .requestFulfilled, .v2RequestFulfilled:
            let request = required(data, "requestEventId", "/data", "the id of the request event").flatMap {
                string($0, "/data/requestEventId", nonEmpty: true)
            }
            guard let v = required(data, "pfs", "/data", "an array of footprints") else { return nil }
            guard let items = v.arrayValue else {
                self.error("/data/pfs", "found \(Self.describe(v)); expected an array of footprints")
                return nil
            }
            if items.isEmpty && type == .requestFulfilled {
                self.error("/data/pfs", "found an empty array; expected at least one footprint (send a RequestRejectedEvent when nothing matches)")
            }
            for (k, item) in items.enumerated() { _ = object(item, "/data/pfs/\(k)") }
            guard let request else { return nil }
            return .requestFulfilled(requestEventId: request, pfs: items)
        case .requestRejected, .v2RequestRejected:
            let request = required(data, "requestEventId", "/data", "the id of the request event").flatMap {
                string($0, "/data/requestEventId", nonEmpty: true)
            }
            guard let e = required(data, "error", "/data", "an object {\"code\", \"message\"}"), object(e, "/data/error") != nil else { return nil }
            let code = required(e, "code", "/data/error", "an error code such as \"NotFound\"").flatMap {
                string($0, "/data/error/code", nonEmpty: true)
            }
            let message = required(e, "message", "/data/error", "a message").flatMap { string($0, "/data/error/message") }
            guard let request, let code, let message else { return nil }
            return .requestRejected(requestEventId: request, code: code, message: message)
        case .published, .v2Published:
            guard let v = required(data, "pfIds", "/data", "an array of footprint ids (UUIDs)"), let items = array(v, "/data/pfIds", unique: false)
            else {
                return nil
            }
            let ids = items.enumerated().compactMap { uuid($0.element, "/data/pfIds/\($0.offset)") }
            return ids.count == items.count ? .published(pfIds: ids.map { $0.lowercased() }) : nil
        }
    }
}
