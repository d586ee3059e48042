"""Requests per second of each kind of content page, as a share of a bare Flask hello's (`make bench-server`;
`make bench` prints the same table).

Both servers run at once (an idle one costs nothing) and wrk alternates between them: hello, every page kind,
hello, every page kind, …, hello. Each page's figure of a round is compared with the mean of the hello runs just
before and after it, so a machine that gets busier or quieter during the run moves both alike.
"""

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks import servers  # noqa: E402

# The budget: every content page at ≥ 60 % of hello (goal 100 %: a page that is the same for everyone is
# served from memory).
SHARE_OF_HELLO = 0.60
# One page of each kind: the home page, help, the friend check's start, a walkthrough step, a step of
# "it already happened", the lesson's start.
PAGE_KINDS = {
    "home": "/nl/",
    "help": "/nl/hulp",
    "friend check": "/nl/vriendencheck",
    "walkthrough step": "/nl/instellingen/instagram/private-account",
    "crisis step": "/nl/het-is-gebeurd/niet-betalen",
    "lesson": "/nl/les",
}
ROUNDS = int(os.environ.get("ROUNDS", "2"))


def measure(rounds=ROUNDS):
    """({kind: [share of hello per round]}, [hello requests/s], {kind: [requests/s]})."""
    hello_runs, page_runs = [], {kind: [] for kind in PAGE_KINDS}
    with servers.gunicorn("tests.benchmarks.hello:app") as hello, servers.checkje() as checkje:
        for path in PAGE_KINDS.values():  # each page made once, as after the first visitor
            servers.wrk(checkje.url + path, duration="1s")
        hello_runs.append(servers.wrk(hello.url + "/"))
        for _ in range(rounds):
            for kind, path in PAGE_KINDS.items():
                page_runs[kind].append(servers.wrk(checkje.url + path))
            hello_runs.append(servers.wrk(hello.url + "/"))
    shares = {
        kind: [rate / statistics.mean(hello_runs[round_ : round_ + 2]) for round_, rate in enumerate(rates)]
        for kind, rates in page_runs.items()
    }
    return shares, hello_runs, page_runs


def print_shares(shares, hello_runs, page_runs):
    print(f"Hello (gunicorn, 2 sync workers), requests/s per run: {', '.join(f'{rate:.0f}' for rate in hello_runs)}\n")
    print("| page kind | page | requests/s per round | share of hello per round | lowest | ≥ 60 % |")
    print("|---|---|---|---|---:|---|")
    for kind, path in PAGE_KINDS.items():
        rates = ", ".join(f"{rate:.0f}" for rate in page_runs[kind])
        each = ", ".join(f"{share:.2f}" for share in shares[kind])
        lowest = min(shares[kind])
        met = "yes" if lowest >= SHARE_OF_HELLO else "**NO**"
        print(f"| {kind} | {path} | {rates} | {each} | {lowest:.2f} | {met} |")
    print()


HEADING = f"## Content pages against a bare Flask hello (wrk {' '.join(servers.WRK_ARGS)}, gzip accepted)\n"


def main():
    print(HEADING)
    print(f"Load average at the start: {', '.join(f'{load:.1f}' for load in os.getloadavg())}\n")
    print_shares(*measure())
    print(f"Load average at the end: {', '.join(f'{load:.1f}' for load in os.getloadavg())}\n")


if __name__ == "__main__":
    main()
