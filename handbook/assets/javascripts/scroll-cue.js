// A picture or table wider than the screen scrolls sideways inside the page; this says so.
// Each scrolling box gets the class handbook-scrolls (readers.css draws a fading edge on the
// side with more to see) and, once, a short visible hint before it. Re-checked when the window
// is resized or turned, and on every page of Material's instant navigation.
(function () {
  var BOXES = "article .tool-chart, article .md-typeset__scrollwrap";

  function edges(box) {
    var end = box.scrollLeft + box.clientWidth >= box.scrollWidth - 2;
    box.classList.toggle("handbook-scrolls--start", box.scrollLeft <= 1);
    box.classList.toggle("handbook-scrolls--end", end);
  }

  function check() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("handbook-scrolls", scrolls);
      var hint = box.previousElementSibling;
      var hasHint = hint && hint.classList.contains("handbook-scroll-hint");
      if (scrolls && !hasHint) {
        hint = document.createElement("p");
        hint.className = "handbook-scroll-hint";
        hint.textContent = box.matches(".tool-chart")
          ? "Wider than your screen: swipe the picture sideways, or read the table after it."
          : "Wider than your screen: swipe the table sideways to see every column.";
        box.parentNode.insertBefore(hint, box);
      } else if (!scrolls && hasHint) {
        hint.remove();
      }
      if (scrolls && !box.dataset.handbookScrollCue) {
        box.dataset.handbookScrollCue = "1";
        box.addEventListener("scroll", function () { edges(box); }, { passive: true });
      }
      if (scrolls) edges(box);
    });
  }

  var pending;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(check, 150);
  });
  document$.subscribe(check);
})();
