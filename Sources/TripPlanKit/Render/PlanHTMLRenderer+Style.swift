extension PlanHTMLRenderer {
    /// The page's whole style sheet: A4 print first, a comfortable screen view second.
    ///
    /// The font stack names fonts that carry the Latvian letters (ā č ē ģ ī ķ ļ ņ š ū ž) and that Linux,
    /// Windows and macOS ship; no web font is loaded. Colours print exactly (`print-color-adjust`), and every
    /// row, box and map keeps itself on one page (`break-inside: avoid`).
    static let css = """
        @page { size: A4; margin: 13mm 14mm 14mm 14mm; }
        :root { --ink: #1c2328; --muted: #5d6a73; --rule: #cfd7dc; --soft: #f2f5f7; --accent: #1f5f8b; --warm: #b5541c; }
        * { box-sizing: border-box; }
        html { font-family: "Liberation Sans", Arial, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Helvetica, sans-serif;
          font-size: 9.5pt; line-height: 1.38; color: var(--ink); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #e9edf0; }
        .sheet { background: #fff; width: 210mm; max-width: 100%; min-height: 297mm; margin: 10mm auto; padding: 13mm 14mm;
          box-shadow: 0 1px 5px rgba(0,0,0,.18); }
        h1, h2, h3 { line-height: 1.15; margin: 0; }
        h1 { font-size: 25pt; letter-spacing: -.01em; margin: 1mm 0 3mm; }
        h2 { font-size: 15pt; }
        h3 { font-size: 10.5pt; }
        p { margin: 0 0 2mm; }
        .kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 8.5pt; font-weight: bold; color: var(--accent); margin: 0; }
        .label { color: var(--muted); }
        .num { display: inline-block; min-width: 1.55em; height: 1.55em; line-height: 1.55em; border-radius: .78em; background: var(--accent);
          color: #fff; font-weight: bold; font-size: 8pt; text-align: center; vertical-align: .05em; }
        .cover .dates { font-size: 12.5pt; margin-bottom: 3mm; }
        .cover .organizer { font-size: 10.5pt; }
        .cover .route { font-size: 10.5pt; margin: 3mm 0 4mm; }
        .cover .route .town { font-weight: bold; }
        .cover .route .arrow { color: var(--muted); }
        .totals { list-style: none; display: flex; gap: 3mm; padding: 0; margin: 0 0 5mm; }
        .totals li { flex: 1; border: 1px solid var(--rule); border-top: 3px solid var(--accent); border-radius: 1.5mm; padding: 2.5mm 3mm; }
        .totals strong { display: block; font-size: 17pt; line-height: 1.1; }
        .totals span { color: var(--muted); font-size: 8.5pt; text-transform: uppercase; letter-spacing: .06em; }
        figure { margin: 0; break-inside: avoid; }
        svg.map { display: block; width: 100%; height: auto; }
        .overview svg.map { max-height: 140mm; }
        .map-bg { fill: #f7f9fa; stroke: var(--rule); }
        .graticule line { stroke: #e1e7eb; stroke-width: .8; }
        .graticule text { fill: #9aa6ae; font-size: 9px; }
        .route { fill: none; stroke-width: 3; stroke-linejoin: round; stroke-linecap: round; }
        .endpoint { fill: var(--ink); stroke: #fff; stroke-width: 1.5; }
        .stop circle { stroke: #fff; stroke-width: 1.6; }
        .stop text { fill: #fff; font-size: 10.5px; font-weight: bold; text-anchor: middle; }
        .leader { stroke: var(--muted); stroke-width: .8; }
        .spot { fill: var(--ink); }
        .towns text { font-size: 12.5px; font-weight: bold; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3.5px; stroke-linejoin: round; }
        .scale rect { fill: rgba(255,255,255,.85); }
        .scale path { fill: none; stroke: var(--ink); stroke-width: 1.3; }
        .scale text { font-size: 10px; text-anchor: middle; fill: var(--ink); }
        figcaption { display: flex; flex-wrap: wrap; gap: 1mm 5mm; margin-top: 2mm; font-size: 8.5pt; color: var(--muted); }
        figcaption b { color: var(--ink); }
        .swatch { width: 7mm; height: 3.5mm; vertical-align: -.5mm; }
        .swatch line { stroke-width: 3; }
        .trip-notes { margin-top: 4mm; color: var(--muted); }
        .days-summary { margin-top: 5mm; }
        .days-summary td.day { font-weight: bold; white-space: nowrap; }
        .days-summary td.time { font-variant-numeric: tabular-nums; }
        .days-summary .count { text-align: right; }
        .day header { border-bottom: 2px solid var(--ink); padding-bottom: 2mm; margin-bottom: 3mm; }
        .day-route { color: var(--muted); margin: 1mm 0 0; }
        .day-top { display: flex; gap: 4mm; align-items: flex-start; margin-bottom: 3mm; break-inside: avoid; }
        .daymap { flex: 1 1 auto; }
                .day-totals { flex: 0 0 38mm; list-style: none; margin: 0; padding: 0; }
        .day-totals li { border-bottom: 1px solid var(--rule); padding: 1.3mm 0; display: flex; justify-content: space-between; gap: 2mm; }
        .day-totals span { color: var(--muted); }
        table { width: 100%; border-collapse: collapse; }
        th { text-align: left; font-size: 8pt; text-transform: uppercase; letter-spacing: .05em; color: var(--muted);
          border-bottom: 1.5px solid var(--ink); padding: 1mm 1.5mm; }
        td { vertical-align: top; padding: 1mm 1.5mm; border-bottom: 1px solid var(--rule); }
        tr { break-inside: avoid; }
        .timeline { margin-bottom: 4mm; }
        .c-time { width: 21mm; } .c-place { width: 44mm; } .c-what { width: 40mm; } .c-phone { width: 27mm; }
        td.time { white-space: nowrap; font-variant-numeric: tabular-nums; font-weight: bold; }
        td.phone { white-space: nowrap; }
        td.place .name { font-weight: bold; }
        td.place .town { display: block; color: var(--muted); font-size: 8.5pt; margin-left: 0; }
        td.place .num + .name + .town { margin-left: 1.9em; }
        tr.row-travel td { color: var(--muted); font-size: 8.5pt; padding-top: .6mm; padding-bottom: .6mm; background: var(--soft); border-bottom-color: #fff; }
        tr.row-travel td.time { font-weight: normal; }
        .leg { color: var(--accent); font-weight: bold; }
        tr.row-lunch td { background: #fbf3ea; }
        td .detail { display: block; color: var(--muted); font-size: 8.5pt; }
        tr.row-end td { border-bottom: 1.5px solid var(--ink); }
        .visits-title { font-size: 8pt; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 0 0 1.5mm;
          break-after: avoid; page-break-after: avoid; }
        .visits { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 3mm; }
        .visits.columns-2 { grid-template-columns: 1fr 1fr; }
        .visits.columns-1 { grid-template-columns: 1fr; }
        .visit { border: 1px solid var(--rule); border-radius: 1.5mm; padding: 2.5mm 3mm; break-inside: avoid; display: flex; flex-direction: column; }
        .visit h3 { margin-bottom: 1.5mm; }
        .visit .when { float: right; font-weight: normal; color: var(--muted); font-size: 8.5pt; margin-left: 2mm; }
        .visit .notes { font-size: 8.5pt; }
        .memory { background: var(--soft); border-left: 2.5px solid var(--warm); padding: 1.5mm 2.5mm; margin: 0 0 2mm; font-size: 8.5pt; }
        .memory p { margin: 0 0 1mm; }
        .memory ul { margin: 0; padding-left: 4.5mm; }
        .memory .source { color: var(--muted); }
        .write { margin-top: auto; min-height: 20mm; border-top: 1px solid var(--rule); padding-top: .5mm;
          background: repeating-linear-gradient(to bottom, transparent 0, transparent 5.7mm, #bcc6cc 5.7mm, #bcc6cc 6mm); }
        .write span { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); background: #fff; padding-right: 1.5mm; }
        .contacts h2 { margin-bottom: 3mm; }
        .emergency { border: 2px solid #a3324a; border-radius: 1.5mm; padding: 2.5mm 3.5mm; margin-bottom: 5mm; break-inside: avoid; }
        .emergency h3 { color: #a3324a; margin-bottom: 1.5mm; }
        .emergency .sos strong { font-size: 13pt; }
        .contact-list { font-size: 8.5pt; margin-bottom: 6mm; }
        .contact-list td.email, .contact-list td.web { overflow-wrap: break-word; }
        .contact-list td.place { width: 27%; }
        .contact-list td.phone { white-space: nowrap; }
        .unfitted { break-inside: avoid; }
        .unfitted td.place { font-weight: bold; width: 55mm; }
        .colophon { margin-top: 8mm; color: var(--muted); font-size: 7.5pt; }
        @media print {
          body { background: none; }
          .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
          .sheet + .sheet { break-before: page; }
        }
        @media screen and (max-width: 720px) {
          .sheet { margin: 0; padding: 6mm 5mm; min-height: 0; box-shadow: none; }
          .day-top { flex-direction: column; align-items: stretch; }
          .day-totals { flex-basis: auto; width: 100%; }
          .visits, .visits.columns-2, .visits.columns-3 { grid-template-columns: 1fr; }
          .totals { flex-wrap: wrap; }
          .totals li { flex: 1 1 40%; }
          .timeline { display: block; overflow-x: auto; }
        }

        """
}
