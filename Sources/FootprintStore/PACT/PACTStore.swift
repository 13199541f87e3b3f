import FootprintCore
import FootprintPACT
import Foundation

/// The PACT side of a workspace: suppliers' footprints imported and linked to products, and the
/// host and exchange (clients, partners, own footprints, inbox and outbox).
public struct PACTStore: PACTStoring {
    public let workspace: Workspace
}

/// What a workspace's PACT side offers: all the host needs (`PACTHostStore`), and besides it the
/// CLI's operations: clients and partners, the public URL, the inbox and outbox as they stand,
/// importing footprint files and linking their products. `PACTStore` implements it on the SQLite
/// file; a PostgreSQL store can implement the same operations. None is an SQLite-specific hot path:
/// each reads or writes a row or a page of rows (imported footprints are a few thousand at most).
public protocol PACTStoring: PACTHostStore {
    func addPACTClient(name: String, partner: String?) throws(WorkspaceError) -> (client: PACTClientRecord, secret: String)
    func revokePACTClient(name: String) throws(WorkspaceError) -> PACTClientRecord
    func linkPACTClient(name: String, partner: String?) throws(WorkspaceError)
    func setPACTPartner(
        name: String,
        baseURL: String,
        authBaseURL: String?,
        clientID: String,
        clientSecret: String,
        supplierID: String?
    ) throws(WorkspaceError) -> PACTPartnerRecord
    func pactPublicURL() throws(WorkspaceError) -> String?
    func setPACTPublicURL(_ url: String) throws(WorkspaceError)
    func ownFootprint(id: String) throws(WorkspaceError) -> OwnFootprintRow?
    func pactInbox(limit: Int) throws(WorkspaceError) -> [PACTInboxEvent]
    func pactOutbox(limit: Int) throws(WorkspaceError) -> [PACTOutboxEvent]
    func enqueuePACTEvents(_ drafts: [PACTOutboundDraft]) throws(WorkspaceError) -> [Int64]
    func importPACT(paths: [String], displayNames: [String]?, supplier: String?) throws(WorkspaceError) -> PACTImportOutcome
    func storeImportedFootprints(
        _ entries: [PACTDocument.Entry],
        provenance: PACTProvenance,
        originals: [Int: JSONValue],
        supplier: String?
    ) throws(WorkspaceError) -> [PACTStoredFootprint]
    func pactImportedCount() throws(WorkspaceError) -> Int
    func linkPACTProduct(supplier: String, urn: String, product: String) throws(WorkspaceError)
    func unlinkPACTProduct(supplier: String, urn: String, product: String) throws(WorkspaceError) -> Bool
    func productLinks(supplier: String?) throws(WorkspaceError) -> [PACTProductLink]
}
