// jdgen serve's live reload, sent with each preview page (never written to the site):
// polls the preview's status; the page's own build is in the script tag's data-build.
// A new good build reloads the page; a failed one shows its problems over it.
(() => {
  const me = document.currentScript, seen = Number(me.dataset.build);
  let shown = null;
  function overlay(errors) {
    if (shown) shown.remove();
    if (!errors.length) { shown = null; return; }
    shown = document.createElement("div");
    shown.setAttribute("role", "alert");
    shown.id = "jdgen-errors";
    shown.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
      "margin:0;padding:1rem;background:#2b0b0b;color:#ffdede;" +
      "font:13px/1.5 monospace;z-index:2147483647";
    const title = document.createElement("strong");
    title.textContent = "jdgen: the build failed; this is the last good site";
    const list = document.createElement("pre");
    list.textContent = errors.join("\n");
    shown.append(title, list);
    document.body.append(shown);
  }
  async function poll() {
    try {
      const status = await (await fetch(STATUS_URL, {cache: "no-store"})).json();
      if (status.build !== seen && !status.errors.length) { location.reload(); return; }
      overlay(status.errors);
    } catch (e) { /* the preview stopped: try again */ }
    setTimeout(poll, 700);
  }
  poll();
})();
