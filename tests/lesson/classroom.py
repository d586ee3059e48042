"""A whole lesson against a real server: a teacher's screen and a class of phones as plain HTTP clients.

Each client does what its browser does, request by request: the teacher's screen starts the lesson from the
lesson page's main button, walks the slides (POST forms that carry the poll), asks for the count on a statement
slide and shows the results; a reload asks for the slide's own address and sends the poll again, as
static/js/lesson.js does. A phone types the code, waits on "look at the screen", asks every follow interval
whether the screen moved on (as lesson.js does), opens what the answer names, votes once per statement, and
fetches each static file once (the browser keeps them). Every byte that goes over the wire both ways is
counted per client, so tests/benchmarks/class_of_30.py can say what a poll costs per pupil.

A network drop is the room's connection going away: while `Network.down` holds, every request fails at
once without reaching the server, as on a phone whose Wi-Fi dropped; the clients keep their page and try
again at their next turn. Used by tests/server/test_class_of_30.py (seconds) and the benchmark (real pace).
"""

import contextlib
import gzip
import html
import random
import re
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

from bs4 import BeautifulSoup

# What a phone's browser sends besides the request itself (Chromium on Android, rounded to its usual size).
BROWSER_HEADERS = [
    "User-Agent: Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
    " Mobile Safari/537.36",
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
    "Accept-Language: nl-NL,nl;q=0.9",
    "Accept-Encoding: gzip, deflate",
    "Sec-Fetch-Site: same-origin",
]
STATIC = re.compile(r'(?:href|src)="(/static/[^"#]+)')


class NetworkDown(OSError):
    """The room's network is down: the request never left the phone."""


@dataclass
class Network:
    down: bool = False


@dataclass
class Traffic:
    requests: int = 0
    sent: int = 0
    received: int = 0
    failed: int = 0

    @property
    def bytes(self):
        return self.sent + self.received


@dataclass
class Answer:
    status: int
    headers: dict
    text: str

    def soup(self):
        return BeautifulSoup(self.text, "html.parser")


@dataclass
class Client:
    base: str
    network: Network
    traffic: dict = field(default_factory=dict)  # {kind of request: Traffic}
    kept: set = field(default_factory=set)  # static files this browser already holds
    static: bool = True  # False: the browser holds every static file already

    def total(self):
        return Traffic(*(sum(getattr(kind, name) for kind in self.traffic.values()) for name in vars(Traffic())))

    def request(self, method, path, form=None, headers=(), kind="page"):
        traffic = self.traffic.setdefault(kind, Traffic())
        if self.network.down:
            traffic.failed += 1
            raise NetworkDown(path)
        address = urlsplit(self.base)
        body = urlencode(form).encode() if form is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {address.netloc}", "Connection: close", *BROWSER_HEADERS]
        if form is not None:
            lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        raw = ("\r\n".join([*lines, *headers]) + "\r\n\r\n").encode() + body
        with socket.create_connection((address.hostname, address.port), timeout=10) as sock:
            sock.sendall(raw)
            data = b""
            while chunk := sock.recv(65536):
                data += chunk
        traffic.requests += 1
        traffic.sent += len(raw)
        traffic.received += len(data)
        head, _, content = data.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        found = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in header_lines)}
        if found.get("content-encoding") == "gzip":
            content = gzip.decompress(content)
        return Answer(int(status_line.split()[1]), found, content.decode("utf-8", "replace"))

    def page(self, path, form=None):
        """A page as the browser loads it: the answer, then each static file it names that is not kept yet."""
        answer = self.request("GET" if form is None else "POST", path, form)
        for static in dict.fromkeys(html.unescape(name) for name in STATIC.findall(answer.text)):
            if self.static and static not in self.kept:
                self.request("GET", static, kind="static")
                self.kept.add(static)
        return answer


@dataclass
class Phone(Client):
    """A pupil's phone: it joins, waits, follows the screen, votes once per statement (this phone's memory)."""

    code: str = ""
    follow_path: str = ""
    shows: str = "join"  # lobby, vote, thanks, shown or ended
    voted: set = field(default_factory=set)  # (round, statement) it voted on
    votes: list = field(default_factory=list)  # (statement, status) of every vote it sent

    def join(self, code):
        typed = self.request("GET", f"/nl/stem?code={code.lower()}")
        assert typed.status == 303, typed.status
        self.code = code
        self.open(urlsplit(typed.headers["location"]).path)

    def open(self, path):
        answer = self.page(path)
        soup = answer.soup()
        follow = soup.select_one("[data-poll-follow]")
        self.follow_path = follow["data-poll-follow"] if follow else ""
        if soup.select_one(".poll-lobby"):
            self.shows = "lobby"
        elif soup.select_one("form[data-poll-form]"):
            self.shows = "vote"
            self.vote_if_new(soup)
        elif soup.select_one(".poll-thanks"):
            self.shows = "thanks"
        elif soup.select_one(".poll-shown"):
            self.shows = "shown"
        else:
            assert answer.status == 404 and "gestopt" in soup.find("h1").get_text(), answer.status
            self.shows = "ended"

    def vote_if_new(self, soup):
        page = soup.select_one("[data-poll-statement]")
        statement, round_ = int(page["data-poll-statement"]), int(page["data-poll-round"])
        if (round_, statement) in self.voted:
            return  # lesson.js hides the form: this phone voted on it
        answers = [choice["value"] for choice in soup.select("input[name=antwoord]")]
        form = {"stelling": statement, "antwoord": random.choice(answers)}
        answer = self.request("POST", f"/nl/stem/{self.code}", form, kind="vote")
        self.votes.append((statement, answer.status))
        if answer.status == 303:
            self.voted.add((round_, statement))
            self.open(urlsplit(answer.headers["location"]).path + "?" + urlsplit(answer.headers["location"]).query)

    def tick(self):
        """One turn of lesson.js's follow: ask, and go where the answer says. False when the network is down."""
        if self.shows in ("join", "ended"):
            return True  # a browser not opened yet, or a poll that is over: nothing to ask
        try:
            answer = self.request("GET", html.unescape(self.follow_path), headers=["HX-Request: true"], kind="follow")
            if answer.status != 204:
                self.open(answer.headers["hx-redirect"])
        except NetworkDown:
            return False
        return True


@dataclass
class Teacher(Client):
    """The teacher's screen on the projector: the slides with the poll on them."""

    code: str = ""
    secret: str = ""
    slide: str = ""
    next_slide: str = ""
    statement: int = 0
    version: str = ""
    errors: list = field(default_factory=list)  # any answer that is not our slide or count

    def start(self, class_size):
        lesson = self.page("/nl/les").soup().select_one("form.lesson-start")
        main = lesson.select_one("button[name]")
        self.show_answer(self.page(lesson["action"], {"klas": class_size, main["name"]: main["value"]}))

    def show_answer(self, answer):
        soup = answer.soup()
        deck = soup.select_one("[data-deck]")
        if answer.status != 200 or deck is None:
            self.errors.append((answer.status, soup.find("h1").get_text() if soup.find("h1") else answer.text[:80]))
            return
        self.slide = deck["data-deck-url"]
        move = soup.select_one("form[data-deck-move] input[name=geheim]")
        self.secret = move["value"]
        self.code = soup.select_one("form[data-deck-move] input[name=code]")["value"]
        following = soup.select_one("form[data-deck-next]")
        self.next_slide = following["action"] if following and following.has_attr("data-deck-move") else ""
        count = soup.select_one(".board__results input[name=stelling]")
        self.statement = int(count["value"]) if count else 0
        version = soup.select_one(".board__results input[name=versie]")
        self.version = version["value"] if version else ""

    def show(self, slide, **extra):
        self.show_answer(self.page(slide, {"code": self.code, "geheim": self.secret, **extra}))

    def next(self):
        self.show(self.next_slide)

    def reload(self):
        """A reload: the browser asks for the slide's own address; lesson.js sends the poll the history kept."""
        plain = self.page(self.slide)
        assert plain.status == 200 and self.code not in plain.text, "the address alone holds no poll"
        self.show(self.slide)

    def count(self):
        """The count on a statement slide, as htmx asks for it every second: the number of votes, or None if
        it did not change since the last time."""
        answer = self.request(
            "POST",
            f"/nl/les/peiling/{self.code}/dia",
            {"code": self.code, "geheim": self.secret, "stelling": self.statement, "versie": self.version},
            headers=["HX-Request: true"],
            kind="count",
        )
        if answer.status == 204:
            return None
        soup = answer.soup()
        if answer.status != 200 or not soup.select_one(".poll-count"):
            self.errors.append((answer.status, answer.text[:80]))
            return None
        self.version = soup.select_one("input[name=versie]")["value"]
        return int(soup.select_one(".poll-count").get_text().split()[0])

    def reveal(self):
        self.show(self.slide, actie="toon")

    def end(self):
        answer = self.request("POST", f"/nl/les/peiling/{self.code}", {"geheim": self.secret, "actie": "stop"})
        if answer.status != 200:
            self.errors.append((answer.status, answer.text[:80]))


def votes_on_the_screen(base, code, statement):
    """The count of a statement as the results page says it (a plain GET, as the teacher's screen asks)."""
    client = Client(base, Network())
    answer = client.request("GET", f"/nl/les/peiling/{code}/uitslag?stelling={statement}")
    return int(answer.soup().select_one(".poll-count").get_text().split()[0])


@dataclass
class Lesson:
    teacher: Teacher
    phones: list  # one per pupil
    second_browser: Phone  # a pupil who votes again from a second browser
    counted: dict = field(default_factory=dict)  # {statement: votes the screen shows}

    def accepted(self):
        """{statement: votes answered "counted" (303)} over every phone."""
        found = {}
        for phone in [*self.phones, self.second_browser]:
            for statement, status in phone.votes:
                found[statement] = found.get(statement, 0) + (status == 303)
        return found

    def refused(self):
        return [
            (statement, status)
            for phone in [*self.phones, self.second_browser]
            for statement, status in phone.votes
            if status != 303
        ]


def run_lesson(base, *, pupils=30, turns=1, turns_between=None, drop_turns=1, pause=lambda: None, static=True):
    """The whole lesson: the teacher starts it, the class joins and waits, every statement slide gets `turns`
    follow turns (`pause()` before each: the follow interval), a slide between statements `turns_between`
    (as many by default), a reload of the teacher's screen on the first statement, a second browser's vote on it,
    and a network drop of `drop_turns` turns while the teacher moves on from the third statement. Ends with the
    poll stopped and every phone told so. `static=False`: the phones hold every static file already."""
    network = Network()
    teacher = Teacher(base, network)
    teacher.start(pupils)
    phones = [Phone(base, network, static=static) for _ in range(pupils)]
    lesson = Lesson(teacher, phones, Phone(base, network, static=static))
    # The phones act at once, as a class does; each phone's own requests stay in order.
    together = ThreadPoolExecutor(max_workers=pupils + 1)
    list(together.map(lambda phone: phone.join(teacher.code), phones))

    def turn():
        pause()
        list(together.map(Phone.tick, [*phones, lesson.second_browser]))

    while True:
        statement = teacher.statement
        if statement == 1:
            teacher.reload()
        for _ in range(turns if statement or turns_between is None else turns_between):
            turn()
            if statement:
                teacher.count()
        if statement == 1:
            lesson.second_browser.join(teacher.code)
        if statement:
            lesson.counted[statement] = votes_on_the_screen(base, teacher.code, statement)
            teacher.reveal()
        if not teacher.next_slide:
            break
        if statement == 3:
            network.down = True
            for _ in range(drop_turns):
                turn()
            with contextlib.suppress(NetworkDown):
                teacher.next()  # pressed while the network is down: it fails, the teacher presses again
            network.down = False
        teacher.next()
    teacher.end()
    turn()
    together.shutdown()
    return lesson
