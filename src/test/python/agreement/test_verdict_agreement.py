"""The page's verdict is status's verdict: for one emulator state (a paused pipe, a pipe with a fault, an entity
past its freshness limit, a rejected record), StatusPageAgreementTest wrote `autosync:status`'s JSON to
AUTOSYNC_STATUS_JSON; the page, run by AppTest against the same emulator, must give the same verdict, the same
reasons at the same levels (about the same objects: the page words them shorter), and the same freshness."""
import ast
import json
import os
import pathlib
import re

from streamlit.testing.v1 import AppTest

APP_DIR = pathlib.Path(os.environ["AUTOSYNC_APP_DIR"]) / "streamlit"
PAGE = str(APP_DIR / "pages" / "Auto-Sync_Status.py")
PIPELINE = json.loads(ast.literal_eval(re.search(r"^PIPELINE = json.loads\((\".*\")\)$", open(PAGE, encoding="utf-8").read(),
                                                 re.M).group(1)))
STATUS = json.load(open(os.environ["AUTOSYNC_STATUS_JSON"], encoding="utf-8"))


def names():
    """Every object a reason may be about, longest first: qualified pipes, tasks, streams and tables, then entities."""
    out = set()
    for e in PIPELINE["entities"]:
        out.update((e["pipe"], e["e2ePipe"], e["task"], e["stream"], e["rejectsTable"], e["landingTable"], e["name"]))
    return sorted(out, key=len, reverse=True)


def subjects(text):
    found = []
    for n in names():
        if re.search(r"(?<![A-Z0-9_.])" + re.escape(n) + r"(?![A-Z0-9_])", text):
            found.append(n)
            text = text.replace(n, " ")
    return tuple(sorted(found))


def page_verdict(at):
    boxes = [e.value for e in list(at.success) + list(at.warning) + list(at.error) if "Verdict:" in e.value]
    assert len(boxes) == 1, boxes
    word = re.search(r"Verdict: (\w+)", boxes[0]).group(1)
    reasons = re.findall(r"^- \*\*(HEALTHY|DEGRADED|FAILING)\*\* (.*)$", boxes[0], re.M)
    return word, reasons


def table_with(at, column):
    return next(t.value for t in at.table if column in t.value.columns)


def test_the_page_gives_status_verdict_with_the_same_reasons_at_the_same_levels():
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    word, reasons = page_verdict(at)
    verdict = STATUS["verdict"]
    assert word == verdict["level"] == "FAILING", (word, verdict)
    expected = sorted((level, subjects(text)) for level, text in zip(verdict["reasonLevels"], verdict["reasons"]))
    seen = sorted((level, subjects(text)) for level, text in reasons)
    assert seen == expected, {"page": reasons, "status": verdict}
    # the state this test is about, so that agreeing on nothing cannot pass
    levels = dict(zip(verdict["reasons"], verdict["reasonLevels"]))
    assert any(r.startswith("pipe ") and "GRADES_PIPE is PAUSED" in r and levels[r] == "FAILING" for r in levels), verdict
    assert any(r.startswith("ATTENDANCE has no events yet") and levels[r] == "DEGRADED" for r in levels), verdict
    assert any("STUDENTS record(s) rejected" in r and levels[r] == "DEGRADED" for r in levels), verdict
    # the pipe's reason is status's wording, advice included (PipeAdvice, rendered into the page): the same text
    assert [t for _, t in reasons if "GRADES_PIPE is PAUSED" in t] == [r for r in verdict["reasons"] if "GRADES_PIPE is PAUSED" in r]
    assert "SET PIPE_EXECUTION_PAUSED = FALSE" in next(t for _, t in reasons if "GRADES_PIPE is PAUSED" in t)
    # the freshness reason is status's rule and wording, ported: the same text
    assert [t for _, t in reasons if t.startswith("ATTENDANCE has no events yet")] == \
        [r for r in verdict["reasons"] if r.startswith("ATTENDANCE has no events yet")]


def test_the_page_shows_the_fault_without_judging_it():
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.run()
    pipes = table_with(at, "fault").set_index("pipe")
    faulty = [p for p in STATUS["pipes"] if p.get("fault")]
    assert [p["name"] for p in faulty] == ["STUDENTS_PIPE"], STATUS["pipes"]
    assert pipes.loc["STUDENTS_PIPE", "fault"] == faulty[0]["fault"]
    assert pipes.loc["STUDENTS_PIPE", "error"] == ""
    _, reasons = page_verdict(at)
    assert not [t for _, t in reasons if "STUDENTS_PIPE" in t], reasons


def test_the_page_shows_each_entitys_freshness_as_status_does():
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.run()
    shown = table_with(at, "school hours").set_index("entity")
    for f in STATUS["freshness"]:
        row = shown.loc[f["entity"]]
        assert row["limit (min)"] == ("" if f.get("limitMinutes") is None else str(f["limitMinutes"])), (f, row)
        assert row["school hours"] == (f.get("schoolHours") or ""), (f, row)
        assert (row["fresh"] == "STALE") == f["stale"], (f, row)
        assert (row["newest event"] == "none yet") == (f.get("newestEventAt") is None), (f, row)


def test_the_page_shows_each_tasks_last_run_as_status_does():
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.run()
    shown = table_with(at, "last result").set_index("task")
    for t in STATUS["tasks"]:
        assert shown.loc[t["name"], "last result"] == (t.get("lastResult") or ""), (t, shown)
        assert shown.loc[t["name"], "state"] == t["state"], (t, shown)
