import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An Office Open XML workbook (`.xlsx`) read into memory: its sheet names, in tab order, and
/// each sheet's cells on demand.
///
/// Reads `xl/workbook.xml` and its relationships to find each sheet's part, the shared-string
/// table (rich-text runs joined), and cells of every type (`s`, `str`, `inlineStr`, `n`, `b`, `e`).
/// Formulas are not evaluated: a cell holds the value the workbook last saved. Generic: nothing
/// here knows about any particular publication.
public struct XLSXWorkbook: Sendable {
    /// The name used in messages (the file's name).
    public var file: String
    /// The sheets' names in tab order.
    public let sheetNames: [String]
    private let sheetParts: [String: String]
    private let sharedStrings: [String]
    private let entries: [String: Data]

    /// Reads a workbook file.
    public init(path: String, displayName: String? = nil) throws(XLSXError) {
        let name = displayName ?? (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XLSXError(file: name, message: "cannot read '\(path)': no such file or not readable")
        }
        try self.init(data: data, file: name)
    }

    /// Reads a workbook from its bytes.
    public init(data: Data, file: String) throws(XLSXError) {
        self.file = file
        let archive: XLSXArchive
        do {
            archive = try XLSXArchive(data)
        } catch {
            throw XLSXError(file: file, message: "not an .xlsx workbook: the file is not a readable ZIP archive (\(error.message))")
        }
        var entries: [String: Data] = [:]
        for part in archive.parts where part.path.hasSuffix(".xml") || part.path.hasSuffix(".rels") {
            do {
                entries[part.path] = try archive.contents(of: part, limit: Self.maxPartBytes)
            } catch {
                throw XLSXError(file: file, message: "cannot unpack '\(part.path)': \(error.message)")
            }
        }
        self.entries = entries

        func parse(_ part: String, _ delegate: some XMLParserDelegate) throws(XLSXError) {
            guard let bytes = entries[part] else { return }
            do { try XLSXXML.parse(bytes, part: part, delegate: delegate) } catch {
                throw XLSXError(file: file, message: "cannot read '\(error.part)': \(error.message)")
            }
        }

        // The workbook part: named by the package relationships, `xl/workbook.xml` by convention.
        var workbookPart = "xl/workbook.xml"
        let packageRels = RelationshipsXMLReader()
        try parse("_rels/.rels", packageRels)
        if let main = packageRels.targets.values.first(where: { $0.type.hasSuffix("/officeDocument") }) {
            workbookPart = Self.resolve(main.target, relativeTo: "")
        }
        guard entries[workbookPart] != nil else {
            throw XLSXError(file: file, message: "not an .xlsx workbook: it has no '\(workbookPart)'")
        }
        let workbook = WorkbookXMLReader()
        try parse(workbookPart, workbook)
        let folder = (workbookPart as NSString).deletingLastPathComponent
        let rels = RelationshipsXMLReader()
        try parse("\(folder)/_rels/\((workbookPart as NSString).lastPathComponent).rels", rels)

        var parts: [String: String] = [:]
        for sheet in workbook.sheets {
            guard let target = rels.targets[sheet.relationshipID] else {
                throw XLSXError(
                    file: file,
                    message: "sheet '\(sheet.name)' names relationship '\(sheet.relationshipID)', which the workbook does not have"
                )
            }
            parts[sheet.name] = Self.resolve(target.target, relativeTo: folder)
        }
        sheetNames = workbook.sheets.map(\.name)
        sheetParts = parts

        var shared: [String] = []
        if let target = rels.targets.values.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            let reader = SharedStringsXMLReader()
            try parse(Self.resolve(target.target, relativeTo: folder), reader)
            shared = reader.strings
        } else if entries["\(folder)/sharedStrings.xml"] != nil {
            let reader = SharedStringsXMLReader()
            try parse("\(folder)/sharedStrings.xml", reader)
            shared = reader.strings
        }
        sharedStrings = shared
    }

    /// The most bytes one part of a workbook may unpack to.
    static let maxPartBytes = 512 << 20

    /// Reads one sheet's cells. Throws when the workbook has no sheet of that name (the message lists those it has).
    public func sheet(named name: String) throws(XLSXError) -> XLSXSheet {
        guard let part = sheetParts[name] else {
            throw XLSXError(
                file: file,
                message: "the workbook has no sheet '\(name)'; its sheets are \(sheetNames.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
        guard let bytes = entries[part] else {
            throw XLSXError(file: file, message: "sheet '\(name)' should be in '\(part)', which the archive does not contain")
        }
        let reader = WorksheetXMLReader(sharedStrings: sharedStrings)
        do { try XLSXXML.parse(bytes, part: part, delegate: reader) } catch {
            throw XLSXError(file: file, message: "cannot read sheet '\(name)' ('\(error.part)'): \(error.message)")
        }
        if let problem = reader.problems.first {
            throw XLSXError(file: file, message: "sheet '\(name)': \(problem)")
        }
        return XLSXSheet(name: name, cells: reader.cells)
    }

    /// A relationship target as a path inside the archive: `/xl/worksheets/sheet1.xml` is absolute,
    /// `worksheets/sheet1.xml` is relative to the folder of the part that names it; `..` is resolved.
    static func resolve(_ target: String, relativeTo folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (folder.isEmpty ? target : "\(folder)/\(target)")
        var components: [Substring] = []
        for component in joined.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
