// Tickable checklists on the pages that hold one (onboarding playbooks: the block the
// onboarding_checklist macro renders marks them). Ticks are kept in this browser's
// localStorage, per page and per item, so they survive reloads and instant navigation; the
// "Open this checklist as an issue" link carries them as [x]. Without JavaScript the boxes
// stay as the build made them, and the copy block and issue link still work.
(function () {
  var PREFIX = "handbook.checklist:";

  function normal(text) {
    return text.replace(/\s+/g, " ").trim();
  }

  // What a page item and a pasted markdown line have in common: the words, not the markup.
  function words(text) {
    return normal(text.replace(/[`*_]/g, ""));
  }

  // An item's own text, without the text of a list nested inside it.
  function itemText(item) {
    var text = "";
    item.childNodes.forEach(function (node) {
      if (node.nodeType === 3) text += node.textContent;
      else if (node.nodeType === 1 && !/^(UL|OL|LABEL)$/.test(node.tagName)) {
        text += node.textContent;
      }
    });
    return normal(text);
  }

  function sectionOf(item) {
    var node = item.closest("ul, ol");
    while (node && node.parentElement && !node.parentElement.matches("article")) {
      node = node.parentElement;
    }
    while (node && !/^H[1-6]$/.test(node.tagName)) node = node.previousElementSibling;
    return node ? normal(node.textContent.replace(/¶/g, "")) : "";
  }

  function load(key) {
    try {
      return JSON.parse(localStorage.getItem(key) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function save(key, ticks) {
    try {
      if (Object.keys(ticks).length) localStorage.setItem(key, JSON.stringify(ticks));
      else localStorage.removeItem(key);
    } catch (error) {
      /* storage full or blocked: ticks last until the page is left */
    }
  }

  function carryTicks(link, done) {
    if (!link) return;
    if (!link.dataset.original) link.dataset.original = link.href;
    var url = new URL(link.dataset.original);
    var name = url.searchParams.has("body") ? "body" : "issue[description]";
    var body = url.searchParams.get(name);
    if (body === null) return;
    body = body
      .split("\n")
      .map(function (line) {
        var match = /^(\s*)- \[ \] (.*)$/.exec(line);
        var text = match && words(match[2].replace(/\[([^\]]+)\]\([^)\s]+\)/g, "$1"));
        return match && done[text] ? match[1] + "- [x] " + match[2] : line;
      })
      .join("\n");
    url.searchParams.set(name, body);
    link.href = url.toString();
  }

  function setUp() {
    var tools = document.querySelector("[data-handbook-checklist]");
    var article = document.querySelector("article.md-content__inner");
    if (!tools || !article) return;
    var key = PREFIX + location.pathname;
    var ticks = load(key);
    var boxes = [];
    article.querySelectorAll("li.task-list-item > label > input[type=checkbox]").forEach(
      function (box) {
        var item = box.closest("li");
        box.dataset.item = sectionOf(item) + " | " + itemText(item);
        box.disabled = false;
        box.removeAttribute("disabled");
        box.checked = Boolean(ticks[box.dataset.item]);
        boxes.push(box);
      }
    );
    var progress = tools.querySelector(".handbook-checklist-progress");
    var reset = tools.querySelector(".handbook-checklist-reset");
    var link = tools.querySelector(".handbook-checklist-issue");

    function update() {
      var done = {};
      var count = 0;
      boxes.forEach(function (box) {
        if (box.checked) {
          count += 1;
          done[words(itemText(box.closest("li")))] = true;
        }
      });
      progress.textContent =
        count + " of " + boxes.length + " ticked. Your ticks are kept in this browser only.";
      progress.hidden = false;
      reset.parentElement.hidden = false;
      carryTicks(link, done);
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) ticks[box.dataset.item] = 1;
        else delete ticks[box.dataset.item];
        save(key, ticks);
        update();
      });
    });
    reset.addEventListener("click", function () {
      ticks = {};
      save(key, ticks);
      boxes.forEach(function (box) {
        box.checked = false;
      });
      update();
    });
    update();
  }

  document$.subscribe(setUp);
})();
