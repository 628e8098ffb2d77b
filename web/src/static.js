// Progressive help only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  // Changing the sort order re-runs the search at once.
  var sort = document.querySelector("form.search select[name=sort]");
  if (sort) sort.addEventListener("change", function () { sort.form.submit(); });
  // "/" jumps to the query box, as on many search sites.
  var box = document.querySelector("form.search input[type=search]");
  document.addEventListener("keydown", function (e) {
    if (box && e.key === "/" && document.activeElement !== box) { e.preventDefault(); box.focus(); }
  });
});
