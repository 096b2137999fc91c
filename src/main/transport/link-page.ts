/**
 * The page a browser gets for a link that was already used (or is not from this run): no
 * script, no style, just what to do, in English and Japanese (the renderer's i18n needs the
 * app, which this visitor may not open).
 */
export const LINK_REFUSED_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>PSE Wizard: open a new link</title></head>
<body>
<h1>This link no longer opens PSE Wizard</h1>
<p>Each link printed by <code>pse-wizard serve</code> works once, and this one was already used (or it is from an earlier run).</p>
<p>To get a new link, press Enter in the terminal where <code>pse-wizard serve</code> runs, or run <code>kill -USR1 PID</code> with the process id it printed. Then open the new link.</p>
<hr>
<h1 lang="ja">このリンクでは PSE Wizard を開けません</h1>
<p lang="ja"><code>pse-wizard serve</code> が表示するリンクは 1 回だけ使えます。このリンクは使用済みか、以前の実行のものです。</p>
<p lang="ja">新しいリンクを表示するには、<code>pse-wizard serve</code> を実行している端末で Enter キーを押すか、表示されたプロセス ID で <code>kill -USR1 PID</code> を実行してください。その後、新しいリンクを開いてください。</p>
</body>
</html>
`
