import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Small SAX readers for the SpreadsheetML parts a workbook needs. Element names are matched
/// on their local name, so a part written with a namespace prefix (`x:row`) reads the same.
enum XLSXXML {
    /// Runs `delegate` over `data`; throws the parser's error text.
    static func parse(_ data: Data, part: String, delegate: some XMLParserDelegate) throws(XLSXPartError) {
        // FoundationXML stops the process on an element or attribute name that is not valid UTF-8, which
        // libxml2 hands it in recovery mode (found by fuzzing, docs/fuzzing.md): such a part is refused
        // here. A part in UTF-16 (with its byte order mark) is left to libxml2, which converts it.
        let utf16 = data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
        guard utf16 || String(validating: data, as: UTF8.self) != nil else {
            throw XLSXPartError(part: part, message: "the part is not UTF-8 text; expected XML in UTF-8")
        }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            let reason = parser.parserError.map { String(describing: $0) } ?? "malformed XML"
            throw XLSXPartError(part: part, message: "line \(parser.lineNumber): \(reason)")
        }
    }

    static func localName(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return Substring(name)
    }

    /// The value of an attribute by local name (`r:id` matches `id` with `prefixed: true`).
    static func attribute(_ attributes: [String: String], _ name: String, prefixed: Bool = false) -> String? {
        if !prefixed, let value = attributes[name] { return value }
        for (key, value) in attributes where key.contains(":") && localName(key) == name { return value }
        return nil
    }
}

/// A part of the package that could not be parsed.
struct XLSXPartError: Error {
    var part: String
    var message: String
}

/// `xl/workbook.xml`: the sheets in order, each with its relationship id.
final class WorkbookXMLReader: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relationshipID: String)] = []

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard XLSXXML.localName(elementName) == "sheet", let name = attributes["name"],
            let id = XLSXXML.attribute(attributes, "id", prefixed: true)
        else { return }
        sheets.append((name, id))
    }
}

/// A `.rels` part: relationship id -> target.
final class RelationshipsXMLReader: NSObject, XMLParserDelegate {
    var targets: [String: (target: String, type: String)] = [:]

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard XLSXXML.localName(elementName) == "Relationship", let id = attributes["Id"], let target = attributes["Target"]
        else { return }
        targets[id] = (target, attributes["Type"] ?? "")
    }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, the runs of rich text joined, phonetic hints left out.
final class SharedStringsXMLReader: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inItem = false
    private var inText = false
    private var phoneticDepth = 0

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XLSXXML.localName(elementName) {
        case "si":
            inItem = true
            current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = inItem && phoneticDepth == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXXML.localName(elementName) {
        case "si":
            strings.append(current)
            inItem = false
        case "rPh": phoneticDepth -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// A worksheet part: its non-empty cells, with shared strings resolved.
final class WorksheetXMLReader: NSObject, XMLParserDelegate {
    let sharedStrings: [String]
    var cells: [XLSXCell] = []
    /// Problems with single cells (a shared-string index out of range, a bad reference).
    var problems: [String] = []

    private var row = 0
    private var column = 0
    private var cellType = "n"
    private var cellReference: XLSXCellReference?
    private var valueText = ""
    private var inlineText = ""
    private var sawValue = false
    private var sawInline = false
    private enum Capture { case none, value, inlineText }
    private var capture = Capture.none
    private var phoneticDepth = 0

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch XLSXXML.localName(elementName) {
        case "row":
            // A number outside the grid counts as absent (`<row r="9223372036854775807"/><row/>` overflowed).
            if let r = attributes["r"].flatMap({ Int($0) }), (1...XLSXCellReference.maxRow).contains(r) { row = r } else { row += 1 }
            column = 0
        case "c":
            if let text = attributes["r"], let reference = XLSXCellReference(text) {
                cellReference = reference
                row = reference.row
                column = reference.column
            } else {
                column += 1
                cellReference = XLSXCellReference(row: max(row, 1), column: column)
            }
            cellType = attributes["t"] ?? "n"
            valueText = ""
            inlineText = ""
            sawValue = false
            sawInline = false
        case "v":
            capture = .value
            sawValue = true
        case "is":
            sawInline = true
        case "rPh":
            phoneticDepth += 1
        case "t":
            if sawInline && phoneticDepth == 0 { capture = .inlineText }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXXML.localName(elementName) {
        case "v", "t":
            capture = .none
        case "rPh":
            phoneticDepth -= 1
        case "c":
            finishCell()
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .none: break
        case .value: valueText += string
        case .inlineText: inlineText += string
        }
    }

    private func finishCell() {
        guard let reference = cellReference else { return }
        let value: XLSXCellValue?
        switch cellType {
        case "s":
            if !sawValue {
                value = nil
            } else if let index = Int(valueText.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) {
                value = .text(sharedStrings[index])
            } else {
                problems.append("\(reference): shared string '\(valueText)' does not exist (the workbook has \(sharedStrings.count))")
                value = nil
            }
        case "inlineStr":
            value = sawInline ? .text(inlineText) : (sawValue ? .text(valueText) : nil)
        case "str":
            value = sawValue ? .text(valueText) : nil
        case "b":
            value = sawValue ? .boolean(valueText.trimmingCharacters(in: .whitespaces) == "1") : nil
        case "e":
            value = sawValue ? .error(valueText) : nil
        case "d":  // an ISO 8601 date as text
            value = sawValue ? .text(valueText) : nil
        default:  // "n" and anything unknown keep the stored text
            value = sawValue && !valueText.isEmpty ? .number(valueText) : nil
        }
        if let value { cells.append(XLSXCell(reference: reference, value: value)) }
        cellReference = nil
    }
}
