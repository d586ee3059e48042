"""The help finder's logic: which question comes next, which result fits, and whether the content's references hold.

Works on the help finder document (content/helpfinder/questions.yaml); knows nothing of requests.
"""

from checkje.content.schema import Problem
from checkje.helpfinder.lines import unknown_help_lines

DOCUMENT = "helpfinder/questions"


def read_answers(document, form):
    """The answers in `form` that fit the questions, in order, up to the first missing or unknown one."""
    answers = {}
    for question in document["questions"]:
        given = form.getlist(question["id"])
        if len(given) != 1 or given[0] not in {answer["id"] for answer in question["answers"]}:
            break
        answers[question["id"]] = given[0]
    return answers


def next_question(document, answers):
    """The first question not yet answered, or None when all are."""
    return next((q for q in document["questions"] if q["id"] not in answers), None)


def result_for(document, answers):
    """The result the answers lead to, or None while more questions are needed."""
    results = {result["id"]: result for result in document["results"]}
    for question in document["questions"]:
        chosen = next((a for a in question["answers"] if a["id"] == answers.get(question["id"])), None)
        if chosen is None:
            return None
        if "result" in chosen:
            return results[chosen["result"]]
    for result in document["results"]:
        when = result.get("when")
        if when and all(answers.get(question) == answer for question, answer in when.items()):
            return result
    return document["results"][-1]


def every_step(document):
    """Where each run of answers leads, as the help finder decides it above: {"no no under-18": {"question": "image"},
    "yes": {"result": "danger"}, ...}, keyed by the answer ids so far, in order, joined by spaces. The page carries it,
    so that offline the browser takes the same way (static/js/helpfinder.js)."""
    steps = {}

    def walk(answers):
        key = " ".join(answers.values())
        result = result_for(document, answers)
        if result:
            steps[key] = {"result": result["id"]}
            return
        question = next_question(document, answers)
        steps[key] = {"question": question["id"]}
        for answer in question["answers"]:
            walk({**answers, question["id"]: answer["id"]})

    walk({})
    return steps


def check_references(documents):
    """Every id the help finder names must exist; yields (document name, Problem)."""
    finder = documents[DOCUMENT]
    result_ids = {result["id"] for result in finder["results"]}
    answer_ids = {q["id"]: {a["id"] for a in q["answers"]} for q in finder["questions"]}
    jumped_to = set()
    for qi, question in enumerate(finder["questions"]):
        for ai, answer in enumerate(question["answers"]):
            if "result" in answer:
                jumped_to.add(answer["result"])
                if answer["result"] not in result_ids:
                    place = f"questions[{qi}].answers[{ai}].result"
                    yield DOCUMENT, Problem(place, answer.line_of("result"), f"{answer['result']!r} is not a result id")
    results = finder["results"]
    for ri, result in enumerate(results):
        place = f"results[{ri}]"
        for question, answer in result.get("when", {}).items():
            if question not in answer_ids:
                yield (
                    DOCUMENT,
                    Problem(
                        f"{place}.when.{question}",
                        result["when"].line_of(question),
                        f"{question!r} is not a question id",
                    ),
                )
            elif answer not in answer_ids[question]:
                yield (
                    DOCUMENT,
                    Problem(
                        f"{place}.when.{question}",
                        result["when"].line_of(question),
                        f"{answer!r} is not an answer of {question!r}",
                    ),
                )
        yield from unknown_help_lines(documents, DOCUMENT, f"{place}.lines", result["lines"])
        is_last = ri == len(results) - 1
        if is_last and "when" in result:
            yield (
                DOCUMENT,
                Problem(place, results.line_of(ri), 'the last result is for everyone else, so it has no "when"'),
            )
        if not is_last and "when" not in result and result["id"] not in jumped_to:
            yield (
                DOCUMENT,
                Problem(
                    place,
                    results.line_of(ri),
                    'no answer leads here: give it a "when", or name it in the "result" of an answer',
                ),
            )
