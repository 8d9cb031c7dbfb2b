// A page turns stale in the reader's browser once its review-by date passes, even when nobody
// has rebuilt the site. The build puts the stale notice, rendered from the same template as
// the build's own, in an inert <template> that carries the review-by date (data-review-by); this only puts that notice in place, in place of a "due" one. Pages
// whose date has not passed are left exactly as built, so nothing flickers.
document$.subscribe(function () {
  var template = document.querySelector("template.handbook-stale-notice[data-review-by]");
  var line = document.querySelector(".handbook-reviewed");
  var article = document.querySelector("article.md-content__inner");
  if (!template || !article) return;
  if (article.querySelector('.handbook-freshness-notice[data-freshness="stale"]')) return;
  var now = new Date();
  var today = [
    now.getFullYear(),
    String(now.getMonth() + 1).padStart(2, "0"),
    String(now.getDate()).padStart(2, "0"),
  ].join("-");
  if (today <= template.getAttribute("data-review-by")) return;
  var notice = template.content.querySelector(".handbook-review-later");
  if (!notice) return;
  notice = notice.cloneNode(true);
  notice.classList.replace("handbook-review-later", "handbook-freshness-notice");
  notice.setAttribute("data-freshness", "stale");
  notice.setAttribute("data-freshness-checked", "browser");
  var due = article.querySelector(".handbook-freshness-notice");
  if (due) {
    due.replaceWith(notice);
  } else {
    var heading = article.querySelector("h1");
    article.insertBefore(notice, heading || article.firstChild);
  }
  if (line) line.setAttribute("data-review-status", "stale");
});
