import FootprintPACT
import FootprintStore

// Interim: replaced by the workspace's PACT import once it lands.
extension Workspace: ReceivedFootprintStore {
    public func storeReceived(_ entries: [PACTDocument.Entry], partner: PACTPartnerRecord, via: String) throws -> String {
        throw ServerError.tls("receiving footprints is not wired yet")
    }
}
