// On the 404 page, the search box (Material's own) opens with the words of the address that
// was not found, e.g. /guidelines/prioritisation-old/ gives "prioritisation old", so the page
// the reader wanted is usually the first result.
document$.subscribe(function () {
  var box = document.querySelector("[data-handbook-not-found]");
  var input = document.querySelector("input.md-search__input");
  if (!box || !input) return;
  var words = decodeURIComponent(location.pathname)
    .replace(/\.html?$/, "")
    .split("/")
    .filter(Boolean)
    .pop();
  words = (words || "").replace(/[-_.+]+/g, " ").trim();
  if (!words) return;
  var shown = box.querySelector(".handbook-not-found__query");
  shown.querySelector("strong").textContent = words;
  shown.hidden = false;
  var toggle = document.getElementById("__search");
  function fill() {
    if (!toggle.checked) return;
    input.value = words;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    input.focus();
  }
  toggle.addEventListener("change", fill);
  box.querySelector("label[for=__search]").addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      toggle.click();
    }
  });
});
