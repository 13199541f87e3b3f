import FootprintCore
import Foundation

/// A run's inputs and their JSON (the `run.inputs` column), encoded on another thread from the moment
/// the reference snapshot is read, while the run is computed: some 2,000 suppliers' digests take a
/// millisecond to encode, which an incremental run of a few dozen milliseconds would otherwise wait for.
struct EncodedRunInputs {
    let value: RunInputs
    private let json: Background<String, WorkspaceError>

    init(_ inputs: RunInputs) {
        value = inputs
        json = Background(label: "footprint.run-inputs") { () throws(WorkspaceError) -> String in
            do { return try inputs.storedJSONText() } catch { throw .database("cannot encode the run: \(error)") }
        }
    }

    /// The JSON, once encoded.
    func text() throws(WorkspaceError) -> String { try json.value() }
}
