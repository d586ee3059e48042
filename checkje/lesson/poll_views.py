"""The anonymous class poll: the teacher's screen and controls, and the pupils' join and vote pages.

The teacher's secret travels only in POST bodies (hidden form fields), never in
an address, so no log, history or referrer can hold it. Pupils send an answer
id and nothing else; their phone remembers that it voted (static/js/lesson.js),
the server does not. Every response here is no-store: the service worker and
the browser's cache never keep a poll page.
"""

from flask import current_app, make_response, redirect, render_template, request, url_for
from flask_babel import gettext

from checkje.core import hosts, per_client, sitemap
from checkje.core.delivery import holds_a_secret, kept_nowhere
from checkje.core.htmx import is_htmx_request, render
from checkje.core.same_origin import FromAnotherSite
from checkje.lesson import client_limits, fields, refresh
from checkje.lesson import poll_store as polls
from checkje.lesson.qr import qr_svg
from checkje.lesson.slides import bp, first_slide_id, first_slide_url, questions, render_slide, slide_context

# htmx stops polling when a response has this status: the poll is over.
STOP_POLLING = 286


def _store():
    return client_limits.Guarded(current_app.extensions["checkje.polls"])


def _page(title):
    return {"title": title, "description": title}


def _join_url(code):
    """The full address a pupil's phone opens, for the QR code."""
    return hosts.address_for_phones() + url_for("lesson.vote", code=code)


def _problem(status, title, text, *, teacher=False, over=False, back_to=None, trouble=False):
    """A friendly page that says what went wrong and what to do now; pupils get the join form with it.
    `over`: the poll is gone, so the teacher's browser forgets it and is offered a new one (static/js/teacher.js).
    `back_to`: the code of the poll the teacher can go back to (by its address without a secret: poll_resume).
    `trouble`: the store could not be reached, so a poll found gone afterwards was lost, not stopped."""
    return make_response(
        render_template(
            "lesson/poll_problem.html",
            page=_page(title),
            text=text,
            teacher=teacher,
            over=over,
            back_to=back_to,
            trouble=trouble,
        ),
        status,
    )


def _gone(teacher=False):
    if teacher:
        return _problem(
            404,
            gettext("This poll has ended"),
            gettext(
                "It was stopped, nobody used it for %(idle_minutes)s minutes, or it is more than %(lifetime_hours)s"
                " hours old. Everything in it is deleted. You can start a new poll.",
                **polls.shown_times(),
            ),
            teacher=True,
            over=True,
        )
    # A code in an address that no poll has: ended, or never made. A code is forgotten with its poll, so the
    # two look the same; one calm wording says both. (A code typed on /stem says "no poll with this code".)
    return _problem(
        404,
        gettext("This poll has ended, or the code is not right"),
        gettext("Look at the screen in class. Is there a code on it? Type it here."),
    )


def _ended_for_pupil():
    """The poll this phone was in is gone: its page followed the screen, or it sent a vote. So it has ended."""
    return _problem(
        404,
        gettext("This poll has ended"),
        gettext("Thank you for taking part. Is there a new code on the screen? Type it here."),
    )


def _wrong_secret():
    return _problem(
        403,
        gettext("Only the screen that started this poll can change it"),
        gettext("Start a new poll from the lesson page."),
        teacher=True,
    )


def _bad_button():
    return _problem(400, gettext("This button did not work"), gettext("Please go back and try again."), teacher=True)


def _no_such_statement():
    return _problem(
        400, gettext("This statement does not exist"), gettext("Please go back and try again."), teacher=True
    )


def _too_many(limit, teacher=False):
    texts = {
        "second": gettext("Many votes came in at once. Wait a moment and vote again."),
        "statement": gettext("This statement has had far more votes than the class has pupils. Look at the screen."),
        "polls": gettext("Many polls are running right now. Please try again in a few minutes."),
        # One address asked too much (checkje/lesson/client_limits.py): often a whole school, so no blame.
        "new-polls": gettext("Many polls were started on this network just now. Please try again in a few minutes."),
        "votes": gettext("Many votes came from this network at once. Wait a moment and vote again."),
        "code-misses": gettext(
            "Many codes that no poll has were tried on this network. Wait a few minutes. Then type the code from"
            " the screen."
        ),
    }
    return _problem(429, gettext("Too many at once"), texts[limit], teacher=teacher)


def _on_a_teacher_page():
    return (request.endpoint or "").startswith("lesson.poll_")


@bp.errorhandler(FromAnotherSite)
def _from_another_site(_error):
    """checkje.core.same_origin refused a form from another site: say what a poll allows, and the way on."""
    response = _problem(
        403,
        gettext("This form came from another website"),
        gettext("A class poll can only be started and changed on Checkje itself. Start it from the lesson page."),
        teacher=_on_a_teacher_page(),
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(per_client.TooMany)
def _too_many_from_one_client(error):
    response = _too_many(error.limit.name, teacher=_on_a_teacher_page())
    response.headers["Retry-After"] = str(error.retry_after)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(polls.StoreDown)
def _store_down(_error):
    """The poll store is down (Redis unreachable, the SQLite file gone, full or locked): our own page, and every
    page without a poll works on. The next request asks the store again, so polls work again as soon as it is back.
    A vote says it was not counted; the teacher is told what that means for the poll, and gets a way back to it."""
    title, text = (
        gettext("The class poll is not available right now"),
        gettext("Please try again in a minute. The rest of Checkje works as usual."),
    )
    if request.endpoint == "lesson.vote" and request.method == "POST":
        title, text = (
            gettext("Your vote was not counted"),
            gettext("This is not your fault. Please vote again in a minute."),
        )
    elif _on_a_teacher_page():
        text = gettext(
            "The poll cannot be saved or read right now. Votes sent just now were not counted. Please try again in a"
            " minute. If the poll is gone then, start a new one."
        )
    teacher = _on_a_teacher_page()
    # The poll itself may be fine: the teacher's browser still holds its secret and brings it back.
    back_to = polls.normalize_code((request.view_args or {}).get("code")) if teacher else None
    response = _problem(503, title, text, teacher=teacher, back_to=back_to, trouble=teacher)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Retry-After"] = "30"
    return response


def _results_shown(poll, status=200):
    """A pupil's page while the teacher shows this statement's results: it takes no more votes."""
    return make_response(
        render_template(
            "lesson/results_shown.html", poll=poll, question=questions()[poll.statement], number=poll.statement + 1
        ),
        status,
    )


# --- Pupils


@bp.get("/stem")
def join():
    """Where pupils type the code from the screen; the QR code skips this page."""
    typed = request.args.get(fields.CODE)
    if typed is None:
        # The empty form is a plain page that works offline too.
        return render_template("lesson/join.html", problem=None, typed="")
    return _look_up(typed)


@kept_nowhere
def _look_up(typed):
    code = polls.normalize_code(typed)
    if code is None:
        return make_response(render_template("lesson/join.html", problem="shape", typed=typed[:20]), 400)
    _store().purge_expired()
    try:
        _store().get(code)
    except polls.PollGone:
        return make_response(render_template("lesson/join.html", problem="unknown", typed=code), 404)
    return redirect(url_for(".vote", code=code), code=303)


def _poll_for_pupil(code):
    """The poll behind an address's code, or None when the code cannot be one or the poll is gone."""
    normal = polls.normalize_code(code)
    if normal is None:
        return None
    try:
        return _store().get(normal)
    except polls.PollGone:
        return None


def _is_small_number(text):
    # ASCII only: str.isdigit() also accepts "²" and "١", which int() refuses or reads differently.
    return text.isascii() and text.isdigit() and len(text) <= 3


def _number(values, poll):
    """The statement number (from 1) in a form or query, or None when it is missing or not one of the poll's."""
    number = values.get(fields.STATEMENT, "")
    if _is_small_number(number) and 1 <= int(number) <= poll.statements:
        return int(number)
    return None


def _lobby(poll, *, too_late=False, status=200):
    """While the screen shows no statement: "look at the screen", until the teacher opens one (issue 29)."""
    return make_response(render_template("lesson/lobby.html", poll=poll, too_late=too_late), status)


def _pupil_page(poll):
    """What a pupil's phone shows now: wait, vote on the open statement, or look at its results."""
    if poll.waiting:
        return _lobby(poll)
    return _results_shown(poll) if poll.revealed else _vote_page(poll)


def _vote_page(poll, problem=None, status=200):
    question = questions()[poll.statement]
    return make_response(
        render_template("lesson/vote.html", poll=poll, question=question, number=poll.statement + 1, problem=problem),
        status,
    )


@bp.route("/stem/<code>", methods=["GET", "POST"])
@sitemap.per_request
@refresh.kept_nowhere_but_refreshed
def vote(code):
    """The open statement with its answers; a posted answer is counted once and forgotten who sent it."""
    poll = _poll_for_pupil(code)
    if poll is None:
        # A vote comes from a page that showed the poll: the poll has ended since.
        return _ended_for_pupil() if request.method == "POST" else _gone()
    if poll.code != code:
        return redirect(url_for(".vote", code=poll.code), code=303)
    if request.method == "GET":
        # What a pupil's page shows changes only with the open statement (or none), its reveal and resets.
        state = ("vote", poll.code, poll.open_number, poll.revealed, poll.resets)
        return refresh.answer(state, lambda: _pupil_page(poll))
    if poll.waiting:
        return _lobby(poll, too_late=True, status=409)
    if poll.revealed:
        return _results_shown(poll, 409)
    number, answer = _number(request.form, poll), request.form.get(fields.ANSWER)
    if number is None:
        return _vote_page(poll, problem="unreadable", status=400)
    if number - 1 != poll.statement:
        return _vote_page(poll, problem="moved-on", status=409)
    if answer not in [option["id"] for option in questions()[poll.statement]["answers"]]:
        return _vote_page(poll, problem="missing" if not answer else "unreadable", status=400)
    client_limits.take_vote(poll)
    try:
        _store().vote(poll.code, poll.statement, answer)
    except polls.PollGone:
        return _ended_for_pupil()
    except polls.StatementClosed:
        now = _store().get(poll.code)
        return _lobby(now, too_late=True, status=409) if now.waiting else _vote_page(now, "moved-on", 409)
    except polls.ResultsShown:
        return _results_shown(_store().get(poll.code), 409)
    except polls.TooMany as too_many:
        return _too_many(too_many.limit)
    return redirect(url_for(".thanks", code=poll.code, **{fields.STATEMENT: poll.statement + 1}), code=303)


@bp.get("/stem/<code>/bedankt")
@sitemap.per_request
@kept_nowhere
def thanks(code):
    """After a vote: look at the screen. The phone notes that it voted on this statement."""
    poll = _poll_for_pupil(code)
    if poll is None or poll.code != code:
        return _gone()
    return render_template("lesson/thanks.html", poll=poll, voted_number=_number(request.args, poll))


# --- The teacher


def _screen(poll, secret):
    """The teacher's screen: the open statement, how many voted, the results once shown, the code, the QR code
    and the controls."""
    question = questions()[poll.statement]
    context = {
        "poll": poll,
        "secret": secret,
        "question": question,
        "number": poll.statement + 1,
        "results": _results(poll, poll.statement),
        "first_slide_url": first_slide_url(),
        **_ways_to_join(poll),
    }
    return render(
        "lesson/poll_page.html",
        "lesson/_screen.html",
        fragment="lesson/_screen.html",
        page=_page(gettext("Class poll")),
        **context,
    )


@bp.get("/les/peiling/<code>")
@sitemap.per_request
@kept_nowhere
def poll_resume(code):
    """Where the teacher's screen goes on reload. Once loaded, the screen (the answer to a POST) gives its history
    entry this address (static/js/teacher.js), so a reload asks for this page instead of sending the POST again,
    which would start a new poll. This page has no secret and shows no control: the browser that started the
    poll keeps the secret in its localStorage and brings the screen back here (after a reload, or from the lesson
    page after the tab was closed); elsewhere a new poll is one tap."""
    poll = _poll_for_pupil(code)
    if poll is None:
        return _gone(teacher=True)
    if poll.code != code:
        return redirect(url_for(".poll_resume", code=poll.code), code=303)
    return render_template("lesson/poll_resume.html", page=_page(gettext("Class poll")), poll=poll)


def _ways_to_join(poll):
    """The QR code, the short address and the code, as the screen shows them to the class."""
    join_url = _join_url(poll.code)
    return {
        "join_url": join_url,
        "short_join_url": hosts.address_for_phones().split("://", 1)[-1] + url_for(".join"),
        "qr": qr_svg(join_url, gettext("QR code to vote, with code %(code)s", code=poll.code)),
    }


def _results(poll, statement):
    question = questions()[statement]
    counts = poll.counts_of(statement)
    total = sum(counts.values())
    bars = [
        {
            "label": option["label"],
            "count": counts.get(option["id"], 0),
            "percent": round(100 * counts.get(option["id"], 0) / total) if total else 0,
        }
        for option in question["answers"]
    ]
    return {
        "statement": statement,
        "total": total,
        "bars": bars,
        "revealed": statement in poll.shown,
        # The class size is a guide: the teacher is told when votes pass it, nobody is refused for it.
        "class_size": poll.class_size,
        "over_class_size": poll.over_class_size(statement),
    }


def _poll_page(fragment, title, **context):
    """A whole poll page, or only its part `fragment` when htmx asks."""
    return render("lesson/poll_page.html", fragment, fragment=fragment, page=_page(title), **context)


def _ended():
    return _poll_page("lesson/_ended.html", gettext("The poll has ended"))


def _ended_for_polling():
    """The poll has ended: htmx, which asks again and again, is told to stop."""
    response = _ended()
    if is_htmx_request():
        response.status_code = STOP_POLLING
    return response


def _confirm_end(poll, secret):
    return _poll_page("lesson/_confirm_end.html", gettext("Stop the poll?"), poll=poll, secret=secret)


def _class_size(form):
    """The class size the teacher typed (the default when the form has no field), or None if it is not one."""
    typed = form.get(fields.CLASS_SIZE, str(polls.DEFAULT_CLASS_SIZE)).strip()
    if _is_small_number(typed) and 1 <= int(typed) <= polls.MAX_CLASS_SIZE:
        return int(typed)
    return None


@bp.post("/les/peiling")
@client_limits.new_poll
@holds_a_secret
def poll_start():
    """Start a poll for the lesson's statements; only this screen gets the secret that controls it. From the
    lesson page's main button the answer is the first slide with the poll; else the poll screen."""
    class_size = _class_size(request.form)
    if class_size is None:
        return _problem(
            400,
            gettext("How many pupils are in the class?"),
            gettext("Type a number from 1 to %(most)s and start the poll again.", most=polls.MAX_CLASS_SIZE),
            teacher=True,
        )
    try:
        poll, secret = _store().create(len(questions()), class_size)
        if request.form.get(fields.WITH_SLIDES):
            # The lesson page's main button: the first slide, with the poll on it; the class waits for a statement.
            context = slide_context(first_slide_id())
            _store().wait(poll.code, secret)
            return render_slide(context, board=_board(_store().get(poll.code), secret, context))
    except polls.TooMany as too_many:
        return _too_many(too_many.limit, teacher=True)
    return _screen(poll, secret)


@bp.post("/les/peiling/<code>")
@holds_a_secret
def poll_control(code):
    """The teacher's buttons: show the results, open another statement, let the class vote again on this
    statement, end the poll, or look again."""
    secret, action = request.form.get(fields.SECRET), request.form.get(fields.ACTION)
    statement = request.form.get(fields.STATEMENT, "")
    if action not in fields.ACTIONS or (action == fields.GO_TO and not _is_small_number(statement)):
        return _bad_button()
    store = _store()
    try:
        if action == fields.REVEAL:
            store.reveal(code, secret)
        elif action == fields.GO_TO:
            store.go_to(code, secret, int(statement) - 1)
        elif action == fields.RESET:
            store.reset(code, secret)
        elif action == fields.END:
            store.end(code, secret)
            return _ended()
        else:
            # The poll screen always shows a statement: it opens again if the slides left the class waiting.
            store.reopen(code, secret)
        poll = store.get(code)
    except polls.PollGone:
        return _gone(teacher=True)
    except polls.WrongSecret:
        return _wrong_secret()
    except polls.StatementClosed:
        return _no_such_statement()
    if action == fields.ASK_END:
        # Without JavaScript the stop button leads here; with it, a dialog on the screen asks the same.
        return _confirm_end(poll, secret)
    return _screen(poll, secret)


@bp.get("/les/peiling/<code>/uitslag")
@sitemap.per_request
@refresh.kept_nowhere_but_refreshed
def poll_results(code):
    """How many voted on a statement, and the bars once the teacher shows them. htmx asks for it every second."""
    try:
        poll = _store().get(code)
    except polls.PollGone:
        return _ended_for_polling()
    number = _number(request.args, poll) or poll.statement + 1
    # Made only when the browser does not hold it yet: most refreshes end in a 304 before this.
    return refresh.answer(
        ("results", poll.code, poll.version, number),
        lambda: render(
            "lesson/poll_page.html",
            "lesson/_results.html",
            fragment="lesson/_results.html",
            page=_page(gettext("Results of statement %(number)s", number=number)),
            poll=poll,
            results=_results(poll, number - 1),
        ),
    )


# --- The poll on the slides: the teacher presents and never switches tabs; the pupils' phones follow


def _board(poll, secret, context):
    """The class poll as a slide shows it: on the first slide and each statement slide the ways to join,
    on a statement slide also the count and the results."""
    statement = context["drawn"]["statement"]
    return {
        "poll": poll,
        "secret": secret,
        "shown": bool(statement) or context["position"]["number"] == 1,
        "results": _results(poll, statement[0] - 1) if statement else None,
        "slide_url": url_for(".slide", slide_id=context["slide"]["id"]),
        **_ways_to_join(poll),
    }


@bp.post("/les/dia/<slide_id>")
@holds_a_secret
def slide_with_poll(slide_id):
    """A slide with the class poll on it. A statement slide opens its statement for the pupils' phones."""
    context = slide_context(slide_id)
    code, secret = request.form.get(fields.CODE, ""), request.form.get(fields.SECRET)
    statement = context["drawn"]["statement"]
    store = _store()
    try:
        if statement:
            store.go_to(code, secret, statement[0] - 1)
            if request.form.get(fields.ACTION) == fields.REVEAL:
                store.reveal(code, secret)
        else:
            # No statement on this slide: the phones say "look at the screen" until the next one opens it.
            store.wait(code, secret)
        poll = store.get(code)
    except polls.PollGone:
        # The poll ended or expired: the slides go on without it.
        return render_slide(context, board=None)
    except polls.StoreDown:
        # The store cannot be reached: the slides go on, and the teacher's browser brings the poll back
        # when it can (static/js/teacher.js). Said on the slide, so the teacher knows the count waits.
        return render_slide(context, board=None, poll_unreachable=True)
    except polls.WrongSecret:
        return _wrong_secret()
    except polls.StatementClosed:
        return _no_such_statement()
    return render_slide(context, board=_board(poll, secret, context))


def _teacher_count(code, fragment):
    """The teacher's screen asks for its count every second, with the secret: that also keeps the poll alive
    while the screen is open (up to its lifetime), and "show the results" comes the same way. 204 when the
    screen already shows this version of the poll."""
    secret = request.form.get(fields.SECRET)
    store = _store()
    try:
        poll = store.get(code)
        number = _number(request.form, poll)
        if number is None:
            return _bad_button()
        # Only the statement on this screen: another screen of the teacher's may have opened a different one.
        if request.form.get(fields.ACTION) == fields.REVEAL and number - 1 == poll.statement:
            store.reveal(code, secret)
            poll = store.get(code)
        else:
            # Checks the secret and keeps the poll alive; nothing the screen shows changes.
            store.refresh(code, secret)
    except polls.PollGone:
        if not is_htmx_request():
            return _ended()
        return make_response(render_template("lesson/_board_ended.html"), STOP_POLLING)
    except polls.WrongSecret:
        return _wrong_secret()
    if is_htmx_request() and request.form.get(fields.SHOWN_VERSION) == str(poll.version):
        # The screen already shows this version: htmx keeps it. Asked every second, this is most answers;
        # the secret was checked all the same, and an empty answer holds nothing to compress or keep.
        return make_response("", 204)
    board = {"poll": poll, "secret": secret, "results": _results(poll, number - 1)}
    return _poll_page(fragment, gettext("Class poll"), board=board)


@bp.post("/les/peiling/<code>/dia")
@holds_a_secret
def board_results(code):
    """The count and results on a statement slide, asked for every second; the teacher shows the results here."""
    return _teacher_count(code, "lesson/_board_count.html")


@bp.post("/les/peiling/<code>/telling")
@holds_a_secret
def poll_count(code):
    """The count and results on the poll screen, asked for every second (with the secret: it keeps the poll
    alive while the screen is open)."""
    return _teacher_count(code, "lesson/_screen_count.html")


@bp.get("/stem/<code>/volgen")
@sitemap.per_request
@kept_nowhere
def follow(code):
    """A pupil's phone asks whether the screen still shows its statement (0: none, the phone waits); if not,
    the answer says where to go (HX-Redirect; static/js/lesson.js goes there), or without script redirects."""
    poll = _poll_for_pupil(code)
    shown = request.args.get(fields.STATEMENT, "")
    if poll is not None and poll.code == code and shown == str(poll.open_number):
        return "", 204
    # Only a page that showed this poll follows it: when the poll is gone, it has ended.
    where = url_for(".vote" if poll is not None else ".ended", code=code)
    if not is_htmx_request():
        return redirect(where, code=303)
    response = make_response("")
    response.headers["HX-Redirect"] = where
    return response


@bp.get("/stem/<code>/voorbij")
@sitemap.per_request
@kept_nowhere
def ended(code):
    """Where a phone goes when the poll it followed is gone: "this poll has ended". The address alone proves
    nothing, so a poll that is still open sends the phone on to its statement."""
    poll = _poll_for_pupil(code)
    if poll is not None:
        return redirect(url_for(".vote", code=poll.code), code=303)
    return _ended_for_pupil()
