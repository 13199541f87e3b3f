import Foundation
import GRDB

extension PACTStore {
    /// Stores a publication of our footprints that comes in batches, all or none, in one write
    /// transaction (see `PACTHostStore`). The first batch is made before the transaction begins, so
    /// that a publication with nothing new takes no write lock; the transaction then stays open
    /// while `next` makes the others.
    public func publishOwnFootprints(
        sharedWith: [String],
        deprecatedJSON: (Data) throws -> (json: Data, filterKeys: String),
        batches next: () throws -> [OwnFootprintInput]?
    ) throws -> Int {
        guard var batch = try next() else {
            workspace.logger.phase("nothing new to publish")
            return 0
        }
        var writer = OwnFootprintWriter(sharedWith: sharedWith, now: Workspace.timestamp())
        // What `next` threw, to throw it as it is rather than as the transaction's database error.
        var failure: (any Error)?
        do {
            return try workspace.transaction { db in
                var stored = 0
                var batches = 0
                while true {
                    stored += try writer.write(batch, db: db, deprecatedJSON: deprecatedJSON).count
                    batches += 1
                    do {
                        guard let more = try next() else { break }
                        batch = more
                    } catch {
                        failure = error
                        throw error
                    }
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
