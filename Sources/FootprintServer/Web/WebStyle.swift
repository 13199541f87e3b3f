/// The web app's one style sheet, served at `/app/static/app.css` (the Content-Security-Policy
/// allows styles from the server only, never inline). Colours meet WCAG AA contrast; print drops
/// the navigation and forms and keeps the charts and tables.
enum WebStyle {
    static let css = """
        :root { --ink: #1b1f24; --muted: #4a5560; --line: #c9d1d9; --bg: #ffffff; --accent: #0b5cad; --s1: #7a3e00; --s2: #1f6f43; --s3: #0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        a { color: var(--accent); }
        a:focus, button:focus, select:focus, input:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
        .skip { position: absolute; left: -10000px; top: 0; }
        .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
        header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 8px 24px; border-bottom: 1px solid var(--line); background: #f6f8fa; }
        header.top .brand { font-weight: 700; margin: 0; }
        header.top nav ul { list-style: none; display: flex; gap: 16px; margin: 0; padding: 0; }
        header.top nav a[aria-current="page"] { font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--accent); }
        .account { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; }
        .account p { margin: 0; }
        form.inline { display: inline-flex; gap: 6px; align-items: center; margin: 0; }
        button { font: inherit; padding: 4px 12px; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 4px; cursor: pointer; }
        select, input { font: inherit; padding: 4px 6px; border: 1px solid var(--muted); border-radius: 4px; }
        main { padding: 16px 24px 48px; max-width: 1200px; }
        h1 { font-size: 1.6rem; margin: 8px 0 12px; }
        h2 { font-size: 1.25rem; margin-top: 32px; }
        .run, .crumbs { color: var(--muted); }
        .download a { font-weight: 600; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; margin: 12px 0 24px; min-width: 50%; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); }
        tbody th { font-weight: 400; }
        #lines { width: 100%; font-size: 0.85rem; table-layout: fixed; }
        #lines th, #lines td { overflow-wrap: anywhere; padding: 4px 6px; }
        #lines th:nth-child(1), #lines th:nth-child(2), #lines th:nth-child(3) { width: 8%; }
        #lines th:nth-child(4), #lines th:nth-child(5), #lines th:nth-child(6) { width: 7.5%; }
        #lines th:nth-child(7) { width: 10%; }
        #lines th:nth-child(8), #lines th:nth-child(9) { width: 21.5%; }
        #activity { width: 100%; font-size: 0.85rem; table-layout: fixed; }
        #activity th, #activity td { overflow-wrap: anywhere; padding: 4px 6px; }
        #activity th:last-child { width: 36%; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .error { color: #a40e26; font-weight: 600; }
        .error-box { border: 2px solid #a40e26; padding: 4px 16px; margin: 12px 0; }
        .notice { border-left: 4px solid var(--s2); padding: 4px 12px; background: #eef7f1; }
        form.upload label { display: block; font-weight: 600; }
        form.login { max-width: 360px; }
        form.login label { display: block; font-weight: 600; }
        form.login input { width: 100%; }
        figure.chart { margin: 12px 0; max-width: 680px; }
        figure.chart svg { width: 100%; height: auto; }
        .bar.s1, .key.s1 { fill: var(--s1); background: var(--s1); }
        .bar.s2, .key.s2 { fill: var(--s2); background: var(--s2); }
        .bar.s3, .key.s3 { fill: var(--s3); background: var(--s3); }
        .bar.m0, .key.m0 { fill: #1f6f43; background: #1f6f43; }
        .bar.m1, .key.m1 { fill: #0b5cad; background: #0b5cad; }
        .bar.m2, .key.m2 { fill: #7a3e00; background: #7a3e00; }
        .bar.m3, .key.m3 { fill: #6b4fa0; background: #6b4fa0; }
        .overdue { color: #a40e26; font-weight: 600; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; }
        form.choose { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
        form.choose label { display: block; font-weight: 600; }
        .grid { stroke: var(--line); stroke-width: 1; }
        .target { stroke: #a40e26; stroke-width: 2; stroke-dasharray: 6 4; }
        .label { fill: var(--muted); font-size: 12px; }
        ul.legend { list-style: none; display: flex; gap: 16px; padding: 0; margin: 4px 0; }
        .key { display: inline-block; width: 12px; height: 12px; margin-right: 6px; }
        nav.pages { display: flex; gap: 16px; }
        @media print {
          header.top, .download, nav.pages, .skip { display: none; }
          main { padding: 0; }
          .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
