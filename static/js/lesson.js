// The class poll on a pupil's phone: follow the screen, and remember which statements this phone voted on,
// so it votes once per statement. Only the poll's code and statement numbers are
// kept, in this browser; the server never learns who voted.
(function () {
  "use strict";

  var STORAGE_KEY = "checkje.pollVotes";

  // {code: "KX4T7P", round: 0, statements: [1, 3]}: one poll at a time, a new code replaces the old one.
  // The round goes up when the teacher lets the class vote again on a statement.
  function votes() {
    var kept = Checkje.store.get(STORAGE_KEY, null);
    return kept && Array.isArray(kept.statements) ? kept : { code: null, statements: [] };
  }

  function remember(code, round, statement) {
    var kept = votes();
    if (kept.code !== code || kept.round !== round) {
      kept = { code: code, round: round, statements: [] };
    }
    if (kept.statements.indexOf(statement) === -1) {
      kept.statements.push(statement);
    }
    // With storage off the phone cannot remember; the vote still counted.
    Checkje.store.set(STORAGE_KEY, kept);
  }

  var thanks = document.querySelector("[data-poll-voted-code]");
  if (thanks) {
    remember(
      thanks.dataset.pollVotedCode,
      Number(thanks.dataset.pollVotedRound),
      Number(thanks.dataset.pollVotedStatement)
    );
  }

  // Follow the screen: ask every few seconds whether it still shows what this page shows (204), else go
  // where the answer says. One question at a time, so a slow or lost network never piles them up; offline
  // for a while, the phone simply asks again. The history keeps no stale statement to go Back to. A phone
  // whose screen is off or on another app asks nothing, and asks at once when the pupil looks again.
  var follow = document.querySelector("[data-poll-follow]");
  var asking = false;
  function askTheScreen() {
    if (document.hidden) {
      asking = false;
      return;
    }
    asking = true;
    window.fetch(follow.dataset.pollFollow, {
      headers: { "HX-Request": "true" },
      cache: "no-store",
      credentials: "same-origin"
    }).then(function (response) {
      var where = response.headers.get("HX-Redirect");
      if (where) {
        window.location.replace(where);
        return;
      }
      later();
    }).catch(later);
  }
  function later() {
    window.setTimeout(askTheScreen, Number(follow.dataset.pollFollowEvery));
  }
  if (follow) {
    asking = true;
    later();
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden && !asking) {
        askTheScreen();
      }
    });
  }

  var vote = document.querySelector("[data-poll-code]");
  if (vote) {
    var kept = votes();
    var already =
      kept.code === vote.dataset.pollCode &&
      kept.round === Number(vote.dataset.pollRound) &&
      kept.statements.indexOf(Number(vote.dataset.pollStatement)) !== -1;
    vote.querySelector("[data-poll-form]").hidden = already;
    vote.querySelector("[data-poll-already]").hidden = !already;
  }
})();
