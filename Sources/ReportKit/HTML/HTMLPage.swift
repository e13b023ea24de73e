import RubricKit

/// A complete, self-contained HTML page: inline CSS (screen and print), no scripts, no external resources.
struct HTMLPage {
    var title: String
    var language: Language
    /// Body markup, already escaped by the caller.
    var body: String

    var rendered: String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="mockinterview">
        <title>\(TextEscaping.html(title))</title>
        <style>
        \(HTMLPage.css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let css = """
    :root { color-scheme: light; }
    body { font-family: -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", "Noto Sans", sans-serif;
           color: #1f2933; background: #fff; margin: 0 auto; padding: 24px 32px; max-width: 980px; line-height: 1.5; }
    h1 { font-size: 1.7em; margin: 0 0 .4em; border-bottom: 3px solid #1565c0; padding-bottom: .2em; }
    h2 { font-size: 1.3em; margin: 1.6em 0 .5em; border-bottom: 1px solid #cbd2d9; padding-bottom: .15em; }
    h3 { font-size: 1.1em; margin: 1.2em 0 .4em; }
    table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; font-size: .95em; }
    th, td { border: 1px solid #cbd2d9; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #eef2f6; font-weight: 600; }
    td.num, th.num { text-align: right; white-space: nowrap; }
    .meta td:first-child { width: 11em; color: #52606d; }
    .hit { color: #2e7d32; font-weight: 700; }
    .miss { color: #c62828; font-weight: 700; }
    .muted { color: #7b8794; }
    .badge { display: inline-block; padding: 0 .5em; border-radius: 4px; color: #fff; font-weight: 700; }
    .charts { display: flex; flex-wrap: wrap; gap: 12px 24px; }
    .chart-box { flex: 1 1 720px; }
    .chart-box h3 { margin-top: .4em; }
    .caption { font-size: .85em; color: #52606d; margin: 0; }
    svg.chart { max-width: 100%; height: auto; }
    .question { border: 1px solid #e4e7eb; border-radius: 6px; padding: 4px 16px 12px; margin: 16px 0; }
    blockquote { margin: .3em 0 .6em; padding: .3em .8em; border-left: 4px solid #9aa5b1; background: #f8f9fa;
                 white-space: pre-wrap; overflow-wrap: anywhere; }
    .turn-label { font-size: .9em; color: #52606d; margin-top: .6em; }
    .box { border: 1px solid #7b8794; min-height: 5em; margin: .3em 0 .8em; border-radius: 4px; }
    .box.tall { min-height: 8em; }
    .check { display: inline-block; width: 1em; height: 1em; border: 1.5px solid #3e4c59; border-radius: 2px; vertical-align: -2px; }
    .scale span { display: inline-block; border: 1px solid #7b8794; border-radius: 3px; padding: 0 .6em; margin-right: .3em; }
    .verdicts span { display: inline-block; margin-right: 1.4em; }
    footer { margin-top: 2em; font-size: .85em; color: #7b8794; border-top: 1px solid #e4e7eb; padding-top: .5em; }
    @media print {
      body { padding: 0; max-width: none; font-size: 10.5pt; }
      h1 { border-bottom-color: #000; }
      .question, .chart-box, table, blockquote { break-inside: avoid; page-break-inside: avoid; }
      h2, h3 { break-after: avoid; page-break-after: avoid; }
      .question { border-color: #999; }
      .sheet-question { break-before: page; page-break-before: always; }
      .sheet-question:first-of-type { break-before: auto; page-break-before: auto; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      footer { position: static; }
    }
    """
}
