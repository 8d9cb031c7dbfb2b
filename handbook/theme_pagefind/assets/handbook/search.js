/* Search with Pagefind in Material's search box (extra.handbook.search: pagefind).
 *
 * Nothing is fetched until the reader opens the search: then pagefind/pagefind.js and its
 * WebAssembly, and for each query only the index chunks and result fragments it needs.
 * Results use Material's own markup (md-search-result__*), so they look like the theme's.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__handbookSearch) return;
  window.__handbookSearch = true;
  // Resolved once, against the page this script first loaded on (instant navigation later
  // changes location, but not the header that holds these attributes).
  var bundle = new URL(script.dataset.bundle, location.href).href;
  var base = new URL(script.dataset.base, location.href).pathname;
  var MAX_RESULTS = 20;

  var toggle = document.getElementById("__search");
  var form = document.querySelector("[data-handbook-search-form]");
  var input = document.querySelector("[data-handbook-search-input]");
  var meta = document.querySelector("[data-handbook-search-meta]");
  var list = document.querySelector("[data-handbook-search-list]");
  if (!toggle || !form || !input || !meta || !list) return;

  var engine = null; // the loaded pagefind module, once
  var latest = 0; // the number of the query whose results may still be shown

  function load() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: base }).then(function () {
          return pagefind;
        });
      });
    }
    return engine;
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
    load().catch(function () {
      meta.textContent = meta.dataset.error;
    });
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function count(n) {
    if (n === 0) return meta.dataset.none;
    if (n === 1) return meta.dataset.one;
    return meta.dataset.other.replace("#", String(n));
  }

  // Pagefind's excerpt is text with <mark> around the matched words; only those tags are kept.
  function excerpt(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var p = document.createElement("p");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    article.append(icon, title, excerpt(data.excerpt || ""));
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function search(query) {
    var number = ++latest;
    if (!query.trim()) {
      list.replaceChildren();
      meta.textContent = meta.dataset.placeholder;
      return;
    }
    load()
      .then(function (pagefind) {
        return pagefind.debouncedSearch(query, {}, 150);
      })
      .then(function (found) {
        if (found === null || number !== latest) return null; // a newer query replaced it
        var shown = found.results.slice(0, MAX_RESULTS).map(function (r) {
          return r.data();
        });
        return Promise.all(shown).then(function (pages) {
          if (number !== latest) return;
          meta.textContent = count(found.results.length);
          list.replaceChildren.apply(list, pages.map(item));
        });
      })
      .catch(function () {
        meta.textContent = meta.dataset.error;
      });
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    search(input.value);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load().catch(function () {
        meta.textContent = meta.dataset.error;
      });
      setTimeout(function () {
        input.focus();
      }, 0);
    }
  });
  form.addEventListener("reset", function () {
    setTimeout(function () {
      search("");
      input.focus();
    }, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) close();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      close();
      return;
    }
    var target = event.target;
    var typing =
      target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
      input.focus();
    }
  });
})();
