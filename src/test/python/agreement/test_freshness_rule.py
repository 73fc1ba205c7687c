"""The page's freshness rule (a Python port) against status's (Java) on the same cases.

FreshnessRuleAgreementTest computes each case with pipeline.Freshness and status.FreshnessJudge and
writes them to AUTOSYNC_FRESHNESS_CASES; this judges the same rows with the rendered page's functions.
"""
import datetime as dt
import importlib.util
import json
import os
import pathlib

APP_DIR = pathlib.Path(os.environ["AUTOSYNC_APP_DIR"]) / "streamlit"


def load_page():
    """The rendered page as a module: its rules, without running it (it runs only as __main__)."""
    spec = importlib.util.spec_from_file_location("autosync_status_page", APP_DIR / "pages" / "Auto-Sync_Status.py")
    page = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(page)
    return page


def parse(text):
    return None if text is None else dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_every_case_is_judged_as_status_judges_it():
    page = load_page()
    cases = json.load(open(os.environ["AUTOSYNC_FRESHNESS_CASES"], encoding="utf-8"))
    assert len(cases) >= 500
    differences = []
    for c in cases:
        now, newest, want = parse(c["now"]), parse(c["newest"]), c["expected"]
        row = dict(c["row"], NEWEST_EVENT_AT=newest)
        got = page.judge_freshness(row, now)
        limit = None if row["FRESHNESS_LIMIT_MINUTES"] is None else page.FreshnessLimit(
            row["FRESHNESS_LIMIT_MINUTES"], row["SCHOOL_DAYS"], row["SCHOOL_HOURS_FROM"], row["SCHOOL_HOURS_TO"], row["TIME_ZONE"])
        active = None if limit is None or newest is None else limit.active_elapsed(newest, now)
        seen = {"age": got["age"], "stale": got["stale"], "problem": got["problem"], "hours": got["hours"],
                "inWindow": limit is not None and limit.in_window(now),
                "activeMicros": None if active is None else active // dt.timedelta(microseconds=1)}
        if seen != want:
            differences.append({"case": c, "python": seen})
    assert not differences, f"{len(differences)} of {len(cases)} differ, first: {json.dumps(differences[:3], indent=1, default=str)}"
