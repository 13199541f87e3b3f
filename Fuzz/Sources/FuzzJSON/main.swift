import FootprintCore
import FuzzSupport

// Arbitrary bytes through JSONValue.parse. What parses must survive a round trip: its compact
// form parses again to an equal value, whose compact form is the same bytes.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let value = try? JSONValue.parse(bytes) else { return 0 }
    let compact = value.compactData()
    let again: JSONValue
    do {
        again = try JSONValue.parse(compact)
    } catch {
        fatalError("the compact form of a parsed value does not parse: \(error); compact: \(String(decoding: compact, as: UTF8.self))")
    }
    if again.compactData() != compact {
        fatalError("the compact form changes on a round trip: \(String(decoding: compact, as: UTF8.self)) vs \(again.compactString())")
    }
    return 0
}

FuzzSupport.run(fuzz)
