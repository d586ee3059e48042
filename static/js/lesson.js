// The class poll on a pupil's phone: remember which statements this phone voted on,
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
