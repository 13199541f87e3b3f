import Foundation
import GRDB

extension PACTStore {
    /// Stores a publication of our footprints that comes in batches, all or none, in one write
    /// transaction (see `PACTHostStore`): the transaction stays open while `next` makes each batch.
    public func publishOwnFootprints(
        sharedWith: [String],
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String),
        batches next: () throws -> [OwnFootprintInput]?
    ) throws -> Int {
        var writer = OwnFootprintWriter(sharedWith: sharedWith, now: Workspace.timestamp())
        // What `next` threw, to throw it as it is rather than as the transaction's database error.
        var failure: (any Error)?
        do {
            return try workspace.transaction { db in
                var stored = 0
                var batches = 0
                while true {
                    let batch: [OwnFootprintInput]
                    do {
                        guard let items = try next() else { break }
                        batch = items
                    } catch {
                        failure = error
                        throw error
                    }
                    stored += try writer.write(batch, db: db, deprecatedJSON: deprecatedJSON).count
                    batches += 1
                }
                if stored > 0 { try bumpPACTRevision(db) }
                workspace.logger.phase("published \(stored) footprints in \(batches) batches")
                return stored
            }
        } catch {
            if let failure { throw failure }
            throw error
        }
    }
}
