// After htmx swaps in a new part of the page, move focus to that part's heading,
// so keyboard and screen-reader users land on what changed (and hear it).
document.addEventListener("htmx:afterSettle", function (event) {
  "use strict";
  var swapped = event.detail.target && document.getElementById(event.detail.target.id);
  var selector = swapped && swapped.getAttribute("data-focus-after-swap");
  var heading = selector && swapped.querySelector(selector);
  if (heading) {
    heading.focus();
  }
});
