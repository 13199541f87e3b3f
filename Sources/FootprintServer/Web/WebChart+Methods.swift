import FootprintCore
import Foundation

/// Stacked bars by calculation method (supplier-specific, hybrid, average-data, spend-based), one
/// bar per period or run: shares of a whole (0...1) or kg CO2e. Coloured by the style sheet's
/// `m0`...`m3` classes, with a title, a description listing every figure, and a legend; the page
/// puts a table of the same figures beside it.
extension WebChart {
    struct MethodColumn {
        var label: String
        /// One value per `CalculationMethod.allCases`, in that order.
        var values: [Double]
    }

    /// `shares`: the values are shares of a whole (the axis runs 0 to 100 %); else kg (drawn in t CO2e).
    static func methods(id: String, title: String, columns: [MethodColumn], shares: Bool, text: WebText) -> String {
        guard !columns.isEmpty else { return "" }
        let methods = CalculationMethod.allCases
        let plotHeight = height - bottom - top
        let slot = (width - left - 16) / Double(columns.count)
        let barWidth = min(80, slot * 0.6)
        let scaleMax = shares ? 1 : niceCeiling(max(1, columns.map { $0.values.reduce(0) { $0 + max(0, $1) } }.max() ?? 1) / 1000)
        func shown(_ value: Double) -> String { shares ? text.percent(value) : text.tonnes(value) + " t" }
        let description = columns.map { c in
            "\(c.label): " + zip(methods, c.values).map { "\(text.method($0.name)) \(shown($1))" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var svg = """
            <figure class="chart">
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(HTML.escape(title))</title>
            <desc id="\(id)-desc">\(HTML.escape(description))</desc>

            """
        if shares {
            for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
                let y = height - bottom - tick * plotHeight
                svg += "<line class=\"grid\" x1=\"\(fmt(left))\" x2=\"\(fmt(width - 8))\" y1=\"\(fmt(y))\" y2=\"\(fmt(y))\"/>\n"
                svg +=
                    "<text class=\"label\" x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(HTML.escape(text.percent(tick)))</text>\n"
            }
        } else {
            svg += axis(scaleMax: scaleMax, plotHeight: plotHeight, text: text)
        }
        for (i, c) in columns.enumerated() {
            let x = left + slot * Double(i) + (slot - barWidth) / 2
            var y = height - bottom
            for (m, value) in c.values.enumerated() {
                let h = max(0, shares ? min(1, value) : value / 1000) / scaleMax * plotHeight
                guard h > 0 else { continue }
                y -= h
                svg += "<rect class=\"bar m\(m)\" x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(h))\"/>\n"
            }
            svg +=
                "<text class=\"label\" x=\"\(fmt(x + barWidth / 2))\" y=\"\(fmt(height - bottom + 18))\" text-anchor=\"middle\">\(HTML.escape(c.label))</text>\n"
        }
        svg += "</svg>\n<figcaption><ul class=\"legend\">"
        for (m, method) in methods.enumerated() {
            svg += "<li><span class=\"key m\(m)\" aria-hidden=\"true\"></span>\(HTML.escape(text.method(method.name)))</li>"
        }
        svg += "</ul>\(HTML.escape(title))</figcaption>\n</figure>\n"
        return svg
    }
}
