// Loaded right after htmx on every page that uses it.
(function () {
  "use strict";

  // htmx writes the page's address into sessionStorage for its history feature,
  // which Checkje does not use. On an answer page that address can hold answers,
  // so take it out again whenever htmx may have written it.
  function forgetHistoryAddress() {
    try {
      window.sessionStorage.removeItem("htmx-current-path-for-history");
    } catch (error) {
      // storage switched off: htmx could not write it either
    }
  }
  forgetHistoryAddress();
  document.addEventListener("DOMContentLoaded", forgetHistoryAddress);

  // The one way focus moves after a swap: to the new part's heading (data-focus-after-swap),
  // so keyboard and screen-reader users land on what changed; the page goes back to its top
  // (the new part starts there), or with data-focus-in-place scrolls the new part into view,
  // and with data-announce-in the heading is also said there.
  document.addEventListener("htmx:afterSettle", function (event) {
    forgetHistoryAddress();
    var swapped = event.detail.target && document.getElementById(event.detail.target.id);
    var selector = swapped && swapped.getAttribute("data-focus-after-swap");
    var heading = selector && swapped.querySelector(selector);
    if (!heading) {
      return;
    }
    heading.focus({ preventScroll: true });
    if (swapped.hasAttribute("data-focus-in-place")) {
      swapped.scrollIntoView({ block: "start" });
    } else {
      window.scrollTo(0, 0);
    }
    var status = document.getElementById(swapped.getAttribute("data-announce-in"));
    if (status) {
      status.textContent = heading.textContent;
    }
  });
})();
