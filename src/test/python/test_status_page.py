"""The Auto-Sync Status page, run by Streamlit's own test runner (streamlit.testing.v1.AppTest)
against the emulator after a real deploy and e2e: what it shows, and its test upload."""
import ast
import json
import re

from streamlit.testing.v1 import AppTest

from conftest import APP_DIR

PAGE = str(APP_DIR / "pages" / "Auto-Sync_Status.py")
# the pipeline's names as render wrote them into the page (a Python string literal of JSON)
PIPELINE = json.loads(ast.literal_eval(re.search(r"^PIPELINE = json.loads\((\".*\")\)$", open(PAGE, encoding="utf-8").read(),
                                                 re.M).group(1)))


def run_page():
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def frames(at):
    """The page's tables in order: pipes, [load errors], [reasons per entity], [test files, test checks]."""
    return [t.value for t in at.table]


def table_with(at, column):
    """The page's first table with that column (pipes: "purpose", tasks: "last result", errors: "first error")."""
    return next(f for f in frames(at) if column in f.columns)


def metrics_frame(at):
    return at.dataframe[0].value


def test_shows_every_pipe_running_with_its_metrics():
    at = run_page()
    pipes = table_with(at, "purpose")
    expected = sorted(p.split(".")[-1] for e in PIPELINE["entities"] for p in (e["pipe"], e["e2ePipe"]))
    assert sorted(pipes["pipe"]) == expected
    assert set(pipes["state"]) == {"RUNNING"}
    metrics = metrics_frame(at)
    # e2e loaded its samples through the e2e pipes: files and rows in the last 24 hours
    e2e = metrics[metrics["pipe"].str.endswith("_E2E_PIPE")]
    assert (e2e["files 24 h"] > 0).all(), metrics
    assert (e2e["rows 24 h"] > 0).all(), metrics
    assert len(at.get("vega_lite_chart")) == 1, "the rows chart"


def test_error_log_shows_the_malformed_sample_and_filters_by_pipe():
    at = run_page()
    errors = table_with(at, "first error")
    malformed = errors[errors["file"].str.contains("malformed_sample.json")]
    assert len(malformed) >= 1, errors
    assert malformed["first error"].iloc[0], "the malformed sample's first error is shown"
    assert malformed["pipe"].iloc[0] == "ATTENDANCE_E2E_PIPE"
    at.selectbox(key="error_pipe").select("GRADES_E2E_PIPE").run()
    assert not [f for f in frames(at) if "first error" in f.columns], "no error table for a pipe without errors"
    assert any("No load errors in the last 7 days for GRADES_E2E_PIPE" in i.value for i in at.info)
    at.selectbox(key="error_pipe").select("ATTENDANCE_E2E_PIPE").run()
    assert set(table_with(at, "first error")["pipe"]) == {"ATTENDANCE_E2E_PIPE"}


def test_verdict_and_rejects_per_entity():
    at = run_page()
    verdict = [e.value for e in list(at.success) + list(at.warning) + list(at.error) if "Verdict" in e.value]
    # after e2e only its own pipes saw failures (the malformed sample): status does not judge those
    assert verdict and "Verdict: HEALTHY" in verdict[0], verdict
    text = " ".join(m.value for m in at.markdown)
    for e in PIPELINE["entities"]:
        assert f"**{e['name']}**" in text


def test_each_tasks_last_run_is_its_own_behind_more_than_a_hundred_skipped_runs():
    # StreamlitPageTest ran GRADES' task 105 times after e2e (each SKIPPED: its stream was empty) and deployed the same
    # pipeline in another schema whose attendance task FAILED ("TASK_HISTORY" page: RESULT_LIMIT 100 by default,
    # before any WHERE; the function covers the account unless DATABASE_NAME and SCHEMA_NAME are given)
    at = run_page()
    tasks = table_with(at, "last result").set_index("task")
    assert sorted(tasks.index) == sorted(e["task"] for e in PIPELINE["entities"])
    assert set(tasks["last result"]) == {"SUCCEEDED"}, tasks
    assert not tasks["error"].any(), tasks


def run_test_upload(samples, keep=False):
    at = run_page()
    at.multiselect(key="samples").set_value(samples)
    if keep:
        at.checkbox(key="keep").check()
    at.button(key="run").click().run(timeout=300)
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_test_upload_of_a_valid_and_a_malformed_file_reports_per_file_and_leaves_no_rows(session):
    at = run_test_upload(["attendance_sample.json", "malformed_sample.json"])
    assert not [e.value for e in at.error if "Run E2E-" in e.value or "failed" in e.value], [e.value for e in at.error]
    done = [s.value for s in at.success if s.value.startswith("Run E2E-")]
    assert done and "all checks passed" in done[0], done
    run_id = re.search(r"Run (E2E-\S+):", done[0]).group(1)
    files = frames(at)[-2].set_index("file")
    assert files.loc["attendance_sample.json", "result"] == "loaded"
    assert files.loc["attendance_sample.json", "landing rows"] > 0
    assert files.loc["attendance_sample.json", "normalised rows"] > 0
    assert files.loc["malformed_sample.json", "result"] == "failed"
    assert files.loc["malformed_sample.json", "error"]
    checks = frames(at)[-1].set_index("check")
    assert list(checks.index) == PIPELINE["checks"]
    assert set(checks["result"]) == {"PASS"}, checks
    # nothing of the run is left in the normalised tables, the landing tables or the e2e stage
    for e in PIPELINE["entities"]:
        left = session.sql(f"SELECT COUNT(*) AS N FROM {e['normalisedTable']} WHERE EVENT_ID LIKE '{run_id}-%'").collect()
        assert left[0]["N"] == 0, e["normalisedTable"]
        landed = session.sql(f"SELECT COUNT(*) AS N FROM {e['landingTable']} WHERE FILE_NAME LIKE '%/{run_id}/%'").collect()
        assert landed[0]["N"] == 0, e["landingTable"]
    staged = session.sql(f"LIST @{PIPELINE['e2eStage']}").collect()
    assert not [r for r in staged if run_id in r["name"]]


def test_keep_leaves_the_run_for_inspection(session):
    at = run_test_upload(["grades_sample.json"], keep=True)
    done = [s.value for s in at.success if s.value.startswith("Run E2E-")]
    assert done and "kept" in done[0], done
    run_id = re.search(r"Run (E2E-\S+):", done[0]).group(1)
    grades = next(e for e in PIPELINE["entities"] if e["name"] == "GRADES")
    kept = session.sql(f"SELECT COUNT(*) AS N FROM {grades['normalisedTable']} WHERE EVENT_ID LIKE '{run_id}-%'").collect()
    assert kept[0]["N"] > 0
    # clean up as the page would have
    for sql in (f"DELETE FROM {grades['normalisedTable']} WHERE EVENT_ID LIKE '{run_id}-%'",
                f"DELETE FROM {grades['landingTable']} WHERE FILE_NAME LIKE '%/{run_id}/%'",
                f"DELETE FROM {grades['rejectsTable']} WHERE FILE_NAME LIKE '%/{run_id}/%'",
                f"REMOVE @{PIPELINE['e2eStage']}/{grades['folder']}/{run_id}/"):
        session.sql(sql).collect()


def test_a_file_that_names_no_entity_is_refused_with_how_to_fix():
    at = run_page()
    at.button(key="run").click().run()
    assert any("Choose a file" in e.value for e in at.error)


def test_rejects_show_per_entity_with_their_reasons(session):
    grades = next(e for e in PIPELINE["entities"] if e["name"] == "GRADES")
    # a record the task rejected, as the task writes it (the samples have none that fail)
    session.sql(f"INSERT INTO {grades['rejectsTable']} (EVENT_ID, REJECT_REASON, FILE_NAME, FILE_ROW_NUMBER, LOADED_AT, "
                "REJECTED_AT) VALUES ('page-test-1', 'invalid NUMBER(7,2) in score: ninety', 'grades/page-test/g.json', 1, "
                "CURRENT_TIMESTAMP(), CURRENT_TIMESTAMP())").collect()
    try:
        at = run_page()
        assert any(m.value.startswith("**GRADES**: 1 rejected, 1 in the last 24 h") for m in at.markdown)
        reasons = [f for f in frames(at) if "reason" in f.columns]
        assert len(reasons) == 1 and reasons[0]["reason"].iloc[0] == "invalid NUMBER(7,2) in score: ninety"
        assert any("Verdict: DEGRADED" in w.value and "1 GRADES record(s) rejected into" in w.value for w in at.warning)
    finally:
        session.sql(f"DELETE FROM {grades['rejectsTable']} WHERE EVENT_ID = 'page-test-1'").collect()


def test_a_time_out_names_the_files_still_pending(session):
    attendance = PIPELINE["entities"][0]
    session.sql(f"ALTER PIPE {attendance['e2ePipe']} SET PIPE_EXECUTION_PAUSED = TRUE").collect()
    try:
        at = run_page()
        at.multiselect(key="samples").set_value(["attendance_sample.json"])
        at.number_input(key="timeout").set_value(5)
        at.button(key="run").click().run(timeout=120)
        assert any(w.value == "Timed out; still pending: attendance_sample.json" for w in at.warning), [w.value for w in at.warning]
        checks = frames(at)[-1].set_index("check")
        assert checks.loc["files-loaded", "result"] == "FAIL"
        assert "still pending after 5 s" in checks.loc["files-loaded", "detail"]
        run_id = re.search(r"Run (E2E-\S+):", [e.value for e in at.error if e.value.startswith("Run E2E-")][0]).group(1)
    finally:
        session.sql(f"ALTER PIPE {attendance['e2ePipe']} SET PIPE_EXECUTION_PAUSED = FALSE").collect()
    # whatever the resumed pipe still loads of the removed run is removed too
    import time
    for _ in range(100):
        status = session.sql(f"SELECT SYSTEM$PIPE_STATUS('{attendance['e2ePipe']}') AS S").collect()[0]["S"]
        if '"pendingFileCount":0' in status:
            break
        time.sleep(0.1)
    session.sql(f"DELETE FROM {attendance['landingTable']} WHERE FILE_NAME LIKE '%/{run_id}/%'").collect()
    left = session.sql(f"SELECT COUNT(*) AS N FROM {attendance['normalisedTable']} WHERE EVENT_ID LIKE '{run_id}-%'").collect()
    assert left[0]["N"] == 0
