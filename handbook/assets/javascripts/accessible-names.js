// Names for two theme widgets that screen readers otherwise announce without one: the search
// dialog and the page-load progress bar. Material's document$ fires on every instant navigation.
document$.subscribe(function () {
  var names = { ".md-search": "Search", ".md-progress": "Page loading" };
  Object.keys(names).forEach(function (selector) {
    document.querySelectorAll(selector).forEach(function (element) {
      if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", names[selector]);
    });
  });
});
