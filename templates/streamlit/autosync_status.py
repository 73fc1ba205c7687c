"""Auto-Sync Status: the health of the autosync pipeline, and a test upload through it.

Rendered by autosync's `render` goal: every database, schema, view, pipe, stage and entity name
below comes from the rendered pipeline (PIPELINE), none is typed here. The page reads the three
monitoring views, the rejects tables and SHOW PIPES (what `autosync:status` reads), so a reader role
with SELECT on those and MONITOR on the pipes can open it. The test upload does what `autosync:e2e`
does: the files go to the e2e stage under a folder named after the run, keys are tagged with the
run id, the e2e pipes load them, the tasks run, the same named checks are made, and the run's files
and rows are removed afterwards unless "keep" is ticked.
"""
import copy
import datetime as dt
import decimal
import io
import json
import re
import secrets
import time
import zoneinfo

import altair as alt
import pandas as pd
import streamlit as st

PIPELINE = json.loads({{pipeline}})
ENTITIES = {e["name"]: e for e in PIPELINE["entities"]}
CHECKS = PIPELINE["checks"]
FILES_LOADED, LANDING_ROWS, NORMALISED_ROWS, MALFORMED_REJECTED, REPLAY_IDEMPOTENT = CHECKS
COPY_HISTORY_IN_PROGRESS = "Load in progress"


# ---------------------------------------------------------------------------------------------
# Data access: the two things the page asks of a session (run SQL and read rows; put a file on a
# stage). In Snowflake that is Snowpark's active session; locally, the emulator adapter.
# ---------------------------------------------------------------------------------------------
def open_session():
    try:
        from snowflake.snowpark.context import get_active_session
    except ImportError:
        # Not in Snowflake: the local adapter (streamlit-local/local_session.py), never deployed.
        import local_session
        return local_session.connect()
    return get_active_session()


class Warehouse:
    def __init__(self, session):
        self.session = session

    def rows(self, sql):
        """The rows of a statement as dicts keyed by upper-case column name."""
        out = []
        for r in self.session.sql(sql).collect():
            out.append({k.strip('"').upper(): v for k, v in r.as_dict().items()})
        return out

    def scalar(self, sql):
        rows = self.rows(sql)
        return next(iter(rows[0].values())) if rows else None

    def put(self, content, stage_folder, name):
        # Snowpark's FileOperation.put_stream; UNVERIFIED that a Streamlit in Snowflake app's session may PUT to an
        # internal stage (the docs found do not say); the local adapter implements the same call.
        self.session.file.put_stream(io.BytesIO(content), f"{stage_folder}/{name}", auto_compress=False, overwrite=True)


@st.cache_resource(show_spinner=False)
def warehouse():
    return Warehouse(open_session())


def quote(text):
    return "'" + str(text).replace("\\", "\\\\").replace("'", "\\'") + "'"


# ---------------------------------------------------------------------------------------------
# Status: the same queries `autosync:status` runs (rendered from one place).
# ---------------------------------------------------------------------------------------------
def read_status(w):
    q = PIPELINE["queries"]
    status = {
        "pipes": w.rows(q["pipeStatus"]),
        "metrics": w.rows(q["ingestionMetrics"]),
        "errors": w.rows(q["errorLog"]),
        "rejects": {},
        "channels": {},
        "tasks": [],
        "streams": [],
    }
    for e in PIPELINE["entities"]:
        counts = w.rows(e["rejectCounts"])[0]
        status["rejects"][e["name"]] = {"total": int(counts.get("TOTAL") or 0), "last24h": int(counts.get("LAST_24H") or 0),
                                        "table": e["rejectsTable"], "reasons": w.rows(e["rejectReasons"])}
    ours = {p.split(".")[-1] for e in PIPELINE["entities"] for p in (e["pipe"], e["e2ePipe"])}
    for r in w.rows(q["pipes"]):
        if r.get("NAME") in ours:
            status["channels"][r["NAME"]] = r.get("NOTIFICATION_CHANNEL")
    tasks = {e["task"].split(".")[-1]: e for e in PIPELINE["entities"]}
    for r in w.rows(q["tasks"]):
        if r.get("NAME") in tasks:
            status["tasks"].append({"name": tasks[r["NAME"]]["task"], "state": r.get("STATE"),
                                    "schedule": r.get("SCHEDULE"), "last": last_run(w, tasks[r["NAME"]])})
    now = dt.datetime.now(dt.timezone.utc)
    status["freshness"] = [judge_freshness(r, now) for r in w.rows(q["freshness"])] if q.get("freshness") else []
    streams = {e["stream"].split(".")[-1]: e["stream"] for e in PIPELINE["entities"]}
    for r in w.rows(q["streams"]):
        if r.get("NAME") in streams:
            status["streams"].append({"name": streams[r["NAME"]], "stale": str(r.get("STALE")).lower() == "true"})
    return status


# TASK_HISTORY covers the whole account and keeps only its newest RESULT_LIMIT rows before any WHERE ("TASK_HISTORY"
# page): the queries (from autosync's MonitoringQueries, as status and e2e run them) name the task's database and
# schema, a scheduled-time window and a RESULT_LIMIT; runs are found by what they are, never by counting rows.
TASK_FINISHED = ("SUCCEEDED", "FAILED", "FAILED_AND_AUTO_SUSPENDED", "CANCELLED", "SKIPPED")
TASK_UNSUCCESSFUL = ("FAILED", "FAILED_AND_AUTO_SUSPENDED", "CANCELLED")


def instant(v):
    """A timestamp the session returned, as an aware datetime in UTC (naive: taken as UTC)."""
    if v is None:
        return None
    if isinstance(v, str):
        v = dt.datetime.fromisoformat(v.replace("Z", "+00:00"))
    return v.replace(tzinfo=dt.timezone.utc) if v.tzinfo is None else v.astimezone(dt.timezone.utc)


def warehouse_now(w):
    return instant(w.scalar(PIPELINE["queries"]["now"]))


def timestamp_literal(t, ceil=False):
    """The time as the TIMESTAMP_LTZ constant the queries take (to the millisecond: truncated, or rounded up)."""
    t = instant(t)
    millis = t.microsecond // 1000 + (1 if ceil and t.microsecond % 1000 else 0)
    t = t.replace(microsecond=0) + dt.timedelta(milliseconds=millis)
    text = t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d} +0000"
    return PIPELINE["queries"]["timestampLiteral"].replace("{instant}", text)


def task_runs(w, entity, since, query="taskRuns", until=None):
    """The task's runs scheduled since `since` (and until `until`), newest first, as TASK_HISTORY gives them."""
    sql = entity[query].replace("{since}", timestamp_literal(since))
    return w.rows(sql.replace("{until}", timestamp_literal(until, ceil=True)) if until else sql)


def last_run(w, entity):
    """The newest run that did work (finished, not SKIPPED) in the last 7 days, or None: as status's TaskHistory.lastRun,
    paging back from now, since most scheduled runs of a task WHEN its stream has data are SKIPPED."""
    page = PIPELINE["lastRunPage"]
    since = warehouse_now(w) - dt.timedelta(days=7) + dt.timedelta(minutes=1)
    until, seen = None, set()
    while True:
        runs = task_runs(w, entity, since, "taskRunsPageBefore", until) if until else task_runs(w, entity, since, "taskRunsPage")
        fresh = False
        for r in runs:
            # the next scheduled run (no query id yet) counts towards RESULT_LIMIT but is not a run
            if not r.get("QUERY_ID") or r["QUERY_ID"] in seen:
                continue
            seen.add(r["QUERY_ID"])
            fresh = True
            if r["STATE"] in TASK_FINISHED and r["STATE"] != "SKIPPED":
                return r
        if len(runs) < page or not fresh:
            return None
        until = min(instant(r["SCHEDULED_TIME"]) for r in runs if r.get("QUERY_ID"))


def task_failure(entity, run):
    """The state and error of a failed run, its query id, and how to recover an auto-suspended task (as e2e says it)."""
    error = (run.get("ERROR_MESSAGE") or "").strip()
    text = f"Task {entity['task']} {run['STATE']}" + (f": {(run.get('ERROR_CODE') or '')} {error}".replace(":  ", ": ")
                                                     if error else "") + f" (query id {run.get('QUERY_ID')})."
    if run["STATE"] == "FAILED_AND_AUTO_SUSPENDED":
        text += (" The task suspended itself after repeated failures (SUSPEND_TASK_AFTER_NUM_FAILURES): fix the cause, then "
                 f"ALTER TASK {entity['task']} RESUME (deploy resumes it too).")
    return text


# ---------------------------------------------------------------------------------------------
# Freshness: status's rule (pipeline.Freshness and status.FreshnessJudge), ported. Java and this port are run on
# the same cases by FreshnessRuleAgreementTest, so the page turns DEGRADED exactly when status does.
# ---------------------------------------------------------------------------------------------
DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")  # datetime.weekday(): Monday is 0


class FreshnessLimit:
    """An entity's freshness limit: during its school days and hours (in its time zone), no more than `limit` may pass
    without a new event; time outside them does not count. Hours None: the whole day. As the freshness view gives it."""

    def __init__(self, limit_minutes, days_text, hours_from, hours_to, zone):
        self.limit = dt.timedelta(minutes=int(limit_minutes))
        days = {DAYS.index(d.strip().upper()) for d in (days_text or "").split(",") if d.strip().upper() in DAYS}
        self.days = days or set(range(7))
        self.hours_from = dt.time.fromisoformat(hours_from) if hours_from else None
        self.hours_to = dt.time.fromisoformat(hours_to) if hours_to else None
        self.zone = zone_of(zone)
        self.zone_id = zone or "Z"

    def _at(self, day, time):
        # fold=0: in a gap the pre-transition offset (the same instant java.time gives), in an overlap the earlier one
        return dt.datetime.combine(day, time, tzinfo=self.zone).astimezone(dt.timezone.utc)

    def active_elapsed(self, newest, now):
        """How much school time passed between newest and now (at most 400 days are scanned, as in Java)."""
        if newest >= now:
            return dt.timedelta(0)
        total = dt.timedelta(0)
        day, last = newest.astimezone(self.zone).date(), now.astimezone(self.zone).date()
        i = 0
        while day <= last and i < 400:
            if day.weekday() in self.days:
                start = self._at(day, self.hours_from or dt.time(0))
                end = self._at(day, self.hours_to) if self.hours_to else self._at(day + dt.timedelta(days=1), dt.time(0))
                a, b = max(start, newest), min(end, now)
                if a < b:
                    total += b - a
            day += dt.timedelta(days=1)
            i += 1
        return total

    def in_window(self, now):
        t = now.astimezone(self.zone)
        return (t.weekday() in self.days and (self.hours_from is None or t.time() >= self.hours_from)
                and (self.hours_to is None or t.time() < self.hours_to))

    def hours(self):
        """For messages: MON,TUE,WED,THU,FRI 07:30-16:00 America/Chicago."""
        days = ",".join(DAYS[d] for d in sorted(self.days))
        span = " all day" if self.hours_from is None else f" {self.hours_from:%H:%M}-{self.hours_to:%H:%M}"
        return days + span + " " + self.zone_id

    def describe(self):
        return minutes_text(self.limit) + " on " + self.hours()


def zone_of(text):
    """A time zone as java.time's ZoneId.getId() writes it into the view: Z, an offset (+02:00, UTC+02:00), or an IANA
    name (zoneinfo; UNVERIFIED that Streamlit in Snowflake's Python has the time zone data it reads)."""
    if not text or text == "Z":
        return dt.timezone.utc
    m = re.fullmatch(r"(?:UTC|GMT|UT)?([+-])(\d{2}):(\d{2})(?::(\d{2}))?", text)
    if m:
        offset = dt.timedelta(hours=int(m.group(2)), minutes=int(m.group(3)), seconds=int(m.group(4) or 0))
        return dt.timezone(offset if m.group(1) == "+" else -offset)
    return zoneinfo.ZoneInfo(text)


def minutes_text(d):
    m = whole_minutes(d)
    return f"{m} min" if m < 60 else f"{m // 60} h {m % 60} min"


def whole_minutes(d):
    """Whole minutes of a duration, rounded towards zero as java.time's Duration.toMinutes."""
    us = (d.days * 86400 + d.seconds) * 1_000_000 + d.microseconds
    return abs(us) // 60_000_000 * (1 if us >= 0 else -1)


def instant_text(t):
    """An instant as java.time's Instant.toString writes it: 2026-12-07T15:00:00Z, fractions in groups of three."""
    t = t.astimezone(dt.timezone.utc)
    frac = "" if not t.microsecond else (f".{t.microsecond // 1000:03d}" if t.microsecond % 1000 == 0 else f".{t.microsecond:06d}")
    return t.strftime("%Y-%m-%dT%H:%M:%S") + frac + "Z"


def freshness_verdict(entity, newest, limit, now):
    """(age in minutes, school time elapsed, stale, the problem or None) for an entity: status's FreshnessJudge.judge."""
    age = None if newest is None else max(0, whole_minutes(now - newest))
    if limit is None:
        return age, None, False, None
    if newest is None:
        stale = limit.in_window(now)
        return age, None, stale, f"{entity} has no events yet; its freshness limit is {limit.describe()}" if stale else None
    active = limit.active_elapsed(newest, now)
    if active <= limit.limit:
        return age, active, False, None
    return age, active, True, (f"{entity}: the newest event was loaded {minutes_text(dt.timedelta(minutes=age))} ago "
                               f"({instant_text(newest)}), {minutes_text(active)} of it in school time, over the freshness "
                               f"limit of {limit.describe()}")


def judge_freshness(row, now):
    """One row of the freshness view, judged at now."""
    limit = None if row.get("FRESHNESS_LIMIT_MINUTES") is None else FreshnessLimit(
        row["FRESHNESS_LIMIT_MINUTES"], row.get("SCHOOL_DAYS"), row.get("SCHOOL_HOURS_FROM"), row.get("SCHOOL_HOURS_TO"),
        row.get("TIME_ZONE"))
    newest = instant(row.get("NEWEST_EVENT_AT"))
    age, _, stale, problem = freshness_verdict(row["ENTITY"], newest, limit, now)
    return {"entity": row["ENTITY"], "newest": newest, "age": age, "limit": None if limit is None else whole_minutes(limit.limit),
            "hours": None if limit is None else limit.hours(), "stale": stale, "problem": problem}


def qualified_pipe(shown):
    """The pipe's database.schema.pipe name (as status names it, so a statement naming it runs whatever schema is in use)."""
    for e in PIPELINE["entities"]:
        for pipe in (e["pipe"], e["e2ePipe"]):
            if pipe.split(".")[-1] == shown:
                return pipe
    return shown


def pipe_advice(pipe, state):
    """What brings the pipe back in this state: status's advice, rendered per pipe into PIPELINE (PipeAdvice)."""
    advice = PIPELINE["pipeAdvice"].get(pipe)
    if advice is None:
        return None
    if state is None:
        return advice["UNKNOWN"]
    if state in advice:
        return advice[state]
    return advice["STOPPED_OR_STALLED"] if state.startswith(("STOPPED", "STALLED")) else advice["OTHER"]


def pipe_problem(pipe, state, error):
    """status's pipe rule (HealthRules.pipe): not RUNNING, or RUNNING with an error, with the advice for its state."""
    if state != "RUNNING":
        advice = pipe_advice(pipe, state)
        return (f"pipe {pipe} is {state}" + (f" ({error})" if error else "")
                + (f" ({advice})" if advice else ""))
    if error:
        advice = PIPELINE["pipeAdvice"].get(pipe, {}).get("RUNNING_WITH_ERROR")
        return f"pipe {pipe} reports an error: {error}" + (f" ({advice})" if advice else "")
    return None


def verdict(status):
    """The verdict of `autosync:status` (its Verdicts): FAILING when data is not flowing (a pipe not RUNNING or
    in error, a task not started or whose last run failed, a stale stream); DEGRADED when it flows but loses some
    (files failed through an ingest pipe, or records rejected, in 24 h); else HEALTHY. The e2e pipes' failures are
    shown but not judged: e2e sends a malformed file on purpose."""
    failing, degraded = [], []
    for p in status["pipes"]:
        # ERROR is the pipe's error only (judged); FAULT, Snowflake's own debugging aid, is shown but not judged
        problem = pipe_problem(qualified_pipe(p["PIPE_NAME"]), p.get("EXECUTION_STATE"), p.get("ERROR"))
        if problem:
            failing.append(problem)
    for t in status["tasks"]:
        if str(t["state"]).lower() != "started":
            failing.append(f"task {t['name']} is {t['state']}, not started")
        if t["last"] and t["last"]["STATE"] not in ("SUCCEEDED",):
            failing.append(f"task {t['name']}'s last run {t['last']['STATE']}: {t['last'].get('ERROR_MESSAGE') or ''}")
    for s in status["streams"]:
        if s["stale"]:
            failing.append(f"stream {s['name']} is stale")
    for m in status["metrics"]:
        if m.get("PURPOSE") != "e2e" and int(m.get("FILES_FAILED_24H") or 0) > 0:
            degraded.append(f"{m['FILES_FAILED_24H']} file(s) failed to load through {m['PIPE_NAME']} in the last 24 h")
    for entity, r in status["rejects"].items():
        if r["last24h"] > 0:
            degraded.append(f"{r['last24h']} {entity} record(s) rejected into {r['table']} in the last 24 h")
    degraded += [f["problem"] for f in status.get("freshness", []) if f["stale"]]
    # each reason with its level, as status's JSON gives them (verdict.reasonLevels)
    if failing:
        return "FAILING", [("FAILING", r) for r in failing] + [("DEGRADED", r) for r in degraded]
    if degraded:
        return "DEGRADED", [("DEGRADED", r) for r in degraded]
    return "HEALTHY", [("HEALTHY", "every pipe RUNNING, every task started, no load failures or rejects in the last 24 h")]


def show_status(w):
    status = read_status(w)
    word, reasons = verdict(status)
    box = {"HEALTHY": st.success, "DEGRADED": st.warning, "FAILING": st.error}[word]
    box(f"**Verdict: {word}**\n\n" + "\n".join(f"- **{level}** {r}" for level, r in reasons))

    st.subheader("Pipes")
    pipes = pd.DataFrame([{
        "pipe": p["PIPE_NAME"], "entity": p["ENTITY"], "purpose": p["PURPOSE"], "state": p["EXECUTION_STATE"],
        "pending files": p["PENDING_FILE_COUNT"], "last ingested": p["LAST_INGESTED_AT"],
        "notification channel": status["channels"].get(p["PIPE_NAME"]) or "", "error": p["ERROR"] or "",
        "fault": p.get("FAULT") or ""}
        for p in status["pipes"]])
    st.table(pipes)

    st.subheader("Tasks")
    st.table(pd.DataFrame([{
        "task": t["name"], "state": t["state"], "schedule": t.get("schedule") or "",
        "last run": str((t["last"] or {}).get("COMPLETED_TIME") or ""), "last result": (t["last"] or {}).get("STATE") or "",
        "error": (t["last"] or {}).get("ERROR_MESSAGE") or ""} for t in status["tasks"]]))

    if status["freshness"]:
        st.subheader("Freshness")
        st.table(pd.DataFrame([{
            "entity": f["entity"], "newest event": instant_text(f["newest"]) if f["newest"] else "none yet",
            "age (min)": "" if f["age"] is None else str(f["age"]), "limit (min)": "" if f["limit"] is None else str(f["limit"]),
            "school hours": f["hours"] or "", "fresh": "no limit" if f["limit"] is None else ("STALE" if f["stale"] else "yes")}
            for f in status["freshness"]]))

    st.subheader("Ingestion")
    metrics = pd.DataFrame([{
        "pipe": m["PIPE_NAME"], "entity": m["ENTITY"], "files 24 h": int(m["FILES_LOADED_24H"] or 0),
        "rows 24 h": int(m["ROWS_LOADED_24H"] or 0), "failed 24 h": int(m["FILES_FAILED_24H"] or 0),
        "files 7 d": int(m["FILES_LOADED_7D"] or 0), "rows 7 d": int(m["ROWS_LOADED_7D"] or 0),
        "failed 7 d": int(m["FILES_FAILED_7D"] or 0), "last load": m["LAST_LOAD_TIME"]} for m in status["metrics"]])
    st.dataframe(metrics, hide_index=True)
    if not metrics.empty:
        long = metrics.melt(id_vars=["pipe"], value_vars=["rows 24 h", "rows 7 d"], var_name="window", value_name="rows")
        st.altair_chart(alt.Chart(long).mark_bar().encode(x=alt.X("pipe:N", title=None), y="rows:Q", color="window:N",
                                                          xOffset="window:N"))

    st.subheader("Load errors")
    pipe_names = [p.split(".")[-1] for e in PIPELINE["entities"] for p in (e["pipe"], e["e2ePipe"])]
    chosen = st.selectbox("Pipe", ["All pipes"] + pipe_names, key="error_pipe")
    errors = [e for e in status["errors"] if chosen == "All pipes" or e.get("PIPE_NAME") == chosen]
    if errors:
        st.table(pd.DataFrame([{"time": e["FAILED_AT"], "pipe": e["PIPE_NAME"], "file": e["FILE_NAME"],
                                "line": e["FIRST_ERROR_LINE"], "first error": e["FIRST_ERROR"]} for e in errors]))
    else:
        st.info("No load errors in the last 7 days" + ("" if chosen == "All pipes" else f" for {chosen}") + ".")

    st.subheader("Rejects")
    for entity, r in status["rejects"].items():
        st.markdown(f"**{entity}**: {r['total']} rejected, {r['last24h']} in the last 24 h")
        if r["reasons"]:
            st.table(pd.DataFrame([{"reason": x["REJECT_REASON"], "records": x["REJECTS"], "last": x["LAST_REJECTED_AT"]}
                                   for x in r["reasons"]]))


# ---------------------------------------------------------------------------------------------
# The contract, as e2e's ContractModel and FieldValues compute it: what the task makes of records.
# ---------------------------------------------------------------------------------------------
NUMBER = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?")


def at(record, path):
    node = record
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def text_of(record, path):
    v = at(record, path)
    if v is None:
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, decimal.Decimal)):
        d = decimal.Decimal(str(v)).normalize()
        return format(d, "f")
    return json.dumps(v, separators=(",", ":"))


def convert(field, text):
    kind = field["kind"]
    if kind == "VARCHAR":
        return text
    if kind == "NUMBER":
        t = text.strip()
        if not NUMBER.fullmatch(t):
            return None
        return decimal.Decimal(t).quantize(decimal.Decimal(1).scaleb(-field["scale"]), rounding=decimal.ROUND_HALF_UP)
    if kind == "DATE":
        if not DATE.fullmatch(text):
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    if kind.startswith("TIMESTAMP"):
        m = TIMESTAMP.fullmatch(text.strip())
        if not m or (kind != "TIMESTAMP_NTZ" and not m.group(4)):
            return None
        try:
            frac = (m.group(3) or ".0")[:7]
            value = dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}{frac}" + (
                "+00:00" if m.group(4) == "Z" else (m.group(4) or "")))
        except ValueError:
            return None
        return value if kind == "TIMESTAMP_NTZ" else value.astimezone(dt.timezone.utc)
    if kind == "BOOLEAN":
        return {"true": True, "t": True, "yes": True, "y": True, "on": True, "1": True, "false": False, "f": False,
                "no": False, "n": False, "off": False, "0": False}.get(text.strip().lower())
    return text


def landing(field, record):
    if field["kind"] == "VARIANT":
        return at(record, field["path"])
    t = text_of(record, field["path"])
    if t is None:
        t = field.get("default")
    return None if t is None else convert(field, t)


def reject_reason(entity, record, values):
    for f in entity["fields"]:
        if values[f["column"]] is not None:
            continue
        raw = text_of(record, f["path"])
        if f["required"] and raw is None:
            return "missing " + ".".join(f["path"])
        if f["kind"] not in ("VARCHAR", "VARIANT") and raw is not None:
            return f"invalid {f['type']} in {'.'.join(f['path'])}: {raw[:100]}"
    return None


def derive(d, values):
    if d["kind"] == "mapping":
        source = values.get(d["source"])
        if source is not None:
            probe = str(source).upper() if d["caseInsensitive"] else str(source)
            if probe in d["values"]:
                return d["values"][probe]
        return d["otherwise"]
    num, den = values.get(d["numerator"]), values.get(d["denominator"])
    if num is None or den is None or den == 0:
        return None
    s = -num.as_tuple().exponent
    q = (num / den).quantize(decimal.Decimal(1).scaleb(-max(s, min(s + 6, 12))), rounding=decimal.ROUND_HALF_UP)
    return (q * 100).quantize(decimal.Decimal(1).scaleb(-d["scale"]), rounding=decimal.ROUND_HALF_UP)


def contract(entity, records):
    """(normalised rows by key, number of rejects) after the records land."""
    rows, rejects = {}, 0
    for record in records:
        values = {f["column"]: landing(f, record) for f in entity["fields"]}
        if reject_reason(entity, record, values):
            rejects += 1
            continue
        for d in entity["derived"]:
            values[d["column"]] = derive(d, values)
        key = tuple(canonical(values[k]) for k in entity["keys"])
        current = rows.get(key)
        if current is None or (sortable(values[entity["orderBy"]]), values[entity["eventId"]]) > (
                sortable(current[entity["orderBy"]]), current[entity["eventId"]]):
            rows[key] = values
    return rows, rejects


def sortable(v):
    return (v is not None, v)


def canonical(v):
    """Comparable text, as FieldValues.canonical: numbers without trailing zeros, instants in UTC."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, decimal.Decimal)):
        d = decimal.Decimal(v)
        return "0" if d == 0 else format(d.normalize(), "f")
    if isinstance(v, dt.datetime):
        return (v.astimezone(dt.timezone.utc) if v.tzinfo else v).replace(tzinfo=None).isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, (dict, list)):
        return json.dumps(v, sort_keys=True)
    return str(v)


# ---------------------------------------------------------------------------------------------
# The test upload: e2e's run, from the page.
# ---------------------------------------------------------------------------------------------
class TestFile:
    def __init__(self, name, content, entity, records, malformed):
        self.name, self.content, self.entity, self.records, self.malformed = name, content, entity, records, malformed


def new_run_id():
    chars = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%d-%H%M%S")
    return f"E2E-{stamp}-" + "".join(secrets.choice(chars) for _ in range(4))


def entity_for(name, chosen=None):
    """The chosen entity, else the one the file name starts with (name or folder, longest wins); malformed* -> the first."""
    if chosen:
        return ENTITIES[chosen]
    lower = name.lower()
    if lower.startswith("malformed"):
        return PIPELINE["entities"][0]
    best, length = None, 0
    for e in PIPELINE["entities"]:
        folder = e["folder"].lower()
        for prefix in (e["name"].lower(), folder.replace("/", "_"), folder.rsplit("/", 1)[-1]):
            if lower.startswith(prefix) and len(prefix) > length:
                best, length = e, len(prefix)
    return best


def parse_records(content):
    text = content.decode("utf-8-sig").strip()
    if text.startswith("["):
        records = json.loads(text, parse_float=decimal.Decimal)
    else:
        records = [json.loads(line, parse_float=decimal.Decimal) for line in text.splitlines() if line.strip()]
    if not all(isinstance(r, dict) for r in records):
        raise ValueError("a record is not a JSON object")
    return records


def prepare(name, content, chosen_entity=None):
    """A file to send, or a ValueError saying why it cannot be."""
    entity = entity_for(name, chosen_entity)
    if entity is None:
        raise ValueError(f"{name}: cannot tell which entity it is for; start its name with one of "
                         + ", ".join(e["name"].lower() for e in PIPELINE["entities"]) + ", or choose the entity.")
    malformed = name.lower().startswith("malformed")
    try:
        records = parse_records(content)
    except ValueError as e:
        if not malformed:
            raise ValueError(f"{name} is not valid JSON ({str(e).splitlines()[0]}); name it malformed_... "
                             "if it is meant to fail.") from e
        records = []
    return TestFile(name, content, entity, records, malformed)


def rewritten_fields(entity):
    """Text keys and the event id: the fields that carry the run id (e2e's RunIdRewriter)."""
    return [f for f in entity["fields"] if (f["column"] in entity["keys"] or f["column"] == entity["eventId"])
            and f["kind"] == "VARCHAR"]


def run_column(entity):
    """The column whose values carry the run id: a rewritten text key, else the event id (e2e's RunScope)."""
    fields = rewritten_fields(entity)
    keys = [f["column"] for f in fields if f["column"] in entity["keys"]]
    return keys[0] if keys else (fields[0]["column"] if fields else entity["eventId"])


def tag(f, run_id):
    """The file with every text key and event id prefixed by the run id, so test rows never mix with real ones."""
    if f.malformed:
        return f
    records = []
    for r in f.records:
        r = copy.deepcopy(r)
        for field in rewritten_fields(f.entity):
            parent = at(r, field["path"][:-1]) if len(field["path"]) > 1 else r
            key = field["path"][-1]
            value = parent.get(key) if isinstance(parent, dict) else None
            if isinstance(value, (str, int, decimal.Decimal)) and not isinstance(value, bool):
                parent[key] = f"{run_id}-{value}"
        records.append(r)
    content = "".join(to_json(r) + "\n" for r in records)
    return TestFile(f.name, content.encode("utf-8"), f.entity, records, False)


def to_json(v):
    """JSON text that writes a Decimal with its own digits (json.dumps cannot write one)."""
    if isinstance(v, dict):
        return "{" + ", ".join(json.dumps(k) + ": " + to_json(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(to_json(x) for x in v) + "]"
    if isinstance(v, decimal.Decimal):
        return str(v)
    return json.dumps(v, ensure_ascii=False)


class TestRun:
    def __init__(self, w, files, keep, timeout, progress):
        self.w, self.keep, self.timeout, self.progress = w, keep, timeout, progress
        self.run_id = new_run_id()
        self.files = [tag(f, self.run_id) for f in files]
        self.checks = []
        self.per_file = {f.name: {"file": f.name, "entity": f.entity["name"], "result": "pending", "error": "",
                                  "landing rows": 0, "normalised rows": 0, "rejects": 0} for f in self.files}

    # -- steps -----------------------------------------------------------------------------------
    def entities(self, files):
        names = {f.entity["name"] for f in files}
        return [e for e in PIPELINE["entities"] if e["name"] in names]

    def send(self, files, prefix):
        for f in files:
            self.w.put(f.content, f"@{PIPELINE['e2eStage']}/{f.entity['folder']}/{prefix.rstrip('/')}", f.name)
        for e in self.entities(files):
            self.w.rows(f"ALTER PIPE {e['e2ePipe']} REFRESH PREFIX = {quote(prefix)}")

    def history(self, files, prefix):
        out = {}
        for e in self.entities(files):
            table = e["landingTable"]
            sql = ("SELECT FILE_NAME, PIPE_NAME, STATUS, ROW_COUNT, ROW_PARSED, FIRST_ERROR_MESSAGE, LAST_LOAD_TIME FROM TABLE("
                   f"{PIPELINE['database']}.INFORMATION_SCHEMA.COPY_HISTORY(TABLE_NAME => {quote(table)}, "
                   f"START_TIME => DATEADD(HOUR, -2, CURRENT_TIMESTAMP()))) WHERE FILE_NAME LIKE {quote('%' + prefix + '%')}")
            for r in self.w.rows(sql):
                name = r["FILE_NAME"]
                out[name[max(0, name.find(e["folder"] + "/" + prefix)):]] = r
        return out

    @staticmethod
    def key(f, prefix):
        return f"{f.entity['folder']}/{prefix}{f.name}"

    def await_loads(self, files, prefix):
        start, wait = time.monotonic(), 0.25
        while True:
            h = self.history(files, prefix)
            pending = [f for f in files if self.key(f, prefix) not in h
                       or h[self.key(f, prefix)]["STATUS"] == COPY_HISTORY_IN_PROGRESS]
            elapsed = time.monotonic() - start
            if not pending or elapsed >= self.timeout:
                return h, pending
            self.progress(f"waiting for {', '.join(f.name for f in pending)} to load ({int(elapsed)} s of {self.timeout} s)",
                          min(0.5, elapsed / self.timeout / 2))
            time.sleep(wait)
            wait = min(wait * 2, 5)

    def run_tasks(self, files):
        for e in self.entities(files):
            self.run_task(e)

    def run_task(self, e):
        """EXECUTE TASK, then wait for that run to end, as autosync's TaskExecution: the run is the oldest one
        SCHEDULED_FROM EXECUTE_TASK in the task's own database and schema since the warehouse's clock read just
        before the statement; every end state counts (FAILED_AND_AUTO_SUSPENDED too)."""
        since = warehouse_now(self.w)
        self.w.rows(f"EXECUTE TASK {e['task']}")
        start, wait = time.monotonic(), 0.25
        while True:
            runs = [r for r in task_runs(self.w, e, since) if r.get("QUERY_ID")]
            ours = [r for r in runs if r.get("SCHEDULED_FROM") == "EXECUTE_TASK"]
            run = ours[-1] if ours else None
            if run and run["STATE"] in TASK_FINISHED:
                if run["STATE"] in TASK_UNSUCCESSFUL:
                    raise RuntimeError(task_failure(e, run))
                if run["STATE"] == "SKIPPED":
                    # a run on the task's schedule may have taken the rows first; if it failed, that failure matters
                    took = [r for r in runs if r["STATE"] in TASK_UNSUCCESSFUL]
                    if took:
                        raise RuntimeError(task_failure(e, took[0]))
                return run
            if time.monotonic() - start > self.timeout:
                raise RuntimeError(f"Task {e['task']} did not finish within {self.timeout} s of EXECUTE TASK: "
                                   + (f"its run is {run['STATE']}" if run else "TASK_HISTORY shows no run of it yet"))
            self.progress(f"waiting for task {e['task']}", 0.6)
            time.sleep(wait)
            wait = min(wait * 2, 5)

    def normalised(self, e):
        column = run_column(e)
        like = quote(self.run_id.replace("_", "\\_") + "-%")
        return self.w.rows(f"SELECT * FROM {e['normalisedTable']} WHERE {column} LIKE {like}")

    # -- checks ----------------------------------------------------------------------------------
    def check(self, name, problems, ok):
        self.checks.append({"check": name, "result": "FAIL" if problems else "PASS",
                            "detail": "; ".join(problems) if problems else ok})

    def skipped(self, name, why):
        self.checks.append({"check": name, "result": "SKIPPED", "detail": why})

    def files_loaded(self, h, prefix):
        problems = []
        for f in self.files:
            r = h.get(self.key(f, prefix))
            row = self.per_file[f.name]
            if r is None or r["STATUS"] == COPY_HISTORY_IN_PROGRESS:
                row["result"], row["error"] = "pending", f"still pending after {self.timeout} s"
            else:
                row["result"] = "loaded" if r["STATUS"] == "Loaded" else "failed"
                row["error"] = r.get("FIRST_ERROR_MESSAGE") or ""
            if f.malformed:
                continue
            if r is None or r["STATUS"] == COPY_HISTORY_IN_PROGRESS:
                problems.append(f"{f.name}: still pending after {self.timeout} s")
            elif r["STATUS"] != "Loaded" or int(r.get("ROW_COUNT") or 0) != len(f.records):
                problems.append(f"{f.name}: expected Loaded with {len(f.records)} rows, found {r['STATUS']} with "
                                f"{r.get('ROW_COUNT')} rows" + (f" ({r['FIRST_ERROR_MESSAGE']})" if r.get("FIRST_ERROR_MESSAGE") else ""))
        valid = sum(1 for f in self.files if not f.malformed)
        self.check(FILES_LOADED, problems, f"{valid} file(s) loaded with the expected row counts")
        return not problems

    def landing_rows(self):
        problems, checked = [], 0
        for f in self.files:
            like = quote(f"%/{self.run_id}/{f.name}")
            rows = self.w.rows(f"SELECT * FROM {f.entity['landingTable']} WHERE FILE_NAME LIKE {like}")
            self.per_file[f.name]["landing rows"] = len(rows)
            if f.malformed:
                continue
            if len(rows) != len(f.records):
                problems.append(f"{f.name}: expected {len(f.records)} landing rows, found {len(rows)}")
            for row in rows:
                n = int(row["FILE_ROW_NUMBER"])
                if not 1 <= n <= len(f.records):
                    problems.append(f"{f.name} row {n}: no such record was sent")
                    continue
                sent = f.records[n - 1]
                for field in f.entity["fields"]:
                    want, got = canonical(landing(field, sent)), canonical(row.get(field["column"]))
                    if field["kind"] == "VARIANT":
                        got = canonical(json.loads(row.get(field["column"])) if row.get(field["column"]) else None)
                    if want != got:
                        problems.append(f"{f.name} row {n}: {field['column']} expected {want!r}, found {got!r}")
                checked += 1
        self.check(LANDING_ROWS, problems, f"{checked} landing row(s) carry every mapped field sent")

    def normalised_rows(self):
        problems, count = [], 0
        for e in self.entities([f for f in self.files if not f.malformed]):
            records = [r for f in self.files if not f.malformed and f.entity["name"] == e["name"] for r in f.records]
            expected, rejects = contract(e, records)
            found = {tuple(canonical(r.get(k)) for k in e["keys"]): r for r in self.normalised(e)}
            for key, want in expected.items():
                got = found.pop(key, None)
                if got is None:
                    problems.append(f"{e['name']} {key}: expected a row, found none")
                    continue
                for column, value in want.items():
                    if canonical(value) != canonical(got.get(column)):
                        problems.append(f"{e['name']} {key}: {column} expected {canonical(value)!r}, "
                                        f"found {canonical(got.get(column))!r}")
                count += 1
            problems += [f"{e['name']} {k}: a row that the events do not produce" for k in found]
            found_rejects = int(self.w.scalar(f"SELECT COUNT(*) FROM {e['rejectsTable']} WHERE FILE_NAME LIKE "
                                              f"{quote('%/' + self.run_id + '/%')}") or 0)
            if found_rejects != rejects:
                problems.append(f"{e['name']}: expected {rejects} rejected record(s) in {e['rejectsTable']}, found {found_rejects}")
        self.check(NORMALISED_ROWS, problems, f"{count} normalised row(s) as the contract expects")

    def per_file_outcomes(self):
        for f in self.files:
            row = self.per_file[f.name]
            like = quote(f"%/{self.run_id}/{f.name}")
            row["rejects"] = int(self.w.scalar(f"SELECT COUNT(*) FROM {f.entity['rejectsTable']} WHERE FILE_NAME LIKE {like}") or 0)
            if not f.malformed and f.records:
                keys = {f"{self.run_id}-" + str(at(r, fld["path"])).split(f"{self.run_id}-", 1)[-1]
                        for r in f.records for fld in rewritten_fields(f.entity) if fld["column"] == run_column(f.entity)
                        if at(r, fld["path"]) is not None}
                if keys:
                    values = ", ".join(quote(k) for k in sorted(keys))
                    row["normalised rows"] = int(self.w.scalar(f"SELECT COUNT(*) FROM {f.entity['normalisedTable']} WHERE "
                                                               f"{run_column(f.entity)} IN ({values})") or 0)

    def malformed_rejected(self, h, prefix):
        bad = [f for f in self.files if f.malformed]
        if not bad:
            return self.skipped(MALFORMED_REJECTED, "no malformed file was sent")
        problems, first = [], ""
        for f in bad:
            r = h.get(self.key(f, prefix))
            if r is None or r["STATUS"] != "Load failed":
                problems.append(f"{f.name}: expected Load failed in COPY_HISTORY, found {r['STATUS'] if r else 'no entry'}")
            elif not first:
                first = r.get("FIRST_ERROR_MESSAGE") or ""
            like = quote(f"%/{self.run_id}/{f.name}")
            landed = int(self.w.scalar(f"SELECT COUNT(*) FROM {f.entity['landingTable']} WHERE FILE_NAME LIKE {like}") or 0)
            if landed:
                problems.append(f"{f.name}: expected no landing rows, found {landed}")
            log = self.w.rows(f"SELECT FILE_NAME, FIRST_ERROR FROM {PIPELINE['views']['errorLog']} WHERE FILE_NAME LIKE {like}")
            if not log:
                problems.append(f"{f.name}: expected in {PIPELINE['views']['errorLog']}, not found")
            elif not (log[0].get("FIRST_ERROR") or "").strip():
                problems.append(f"{f.name}: {PIPELINE['views']['errorLog']} has no first error for it")
        self.check(MALFORMED_REJECTED, problems, f"{len(bad)} malformed file(s) Load failed, nothing landed, reported in "
                   f"{PIPELINE['views']['errorLog']}" + (f" ({first})" if first else ""))

    def snapshot(self):
        out = {}
        for e in self.entities([f for f in self.files if not f.malformed]):
            out[e["name"]] = sorted(json.dumps({k: canonical(v) for k, v in r.items()}, sort_keys=True) for r in self.normalised(e))
        return out

    def replay(self, before):
        valid = [f for f in self.files if not f.malformed]
        prefix = f"{self.run_id}/replay/"
        self.progress("sending the same events again (replay)", 0.7)
        self.send(valid, prefix)
        h, pending = self.await_loads(valid, prefix)
        problems = [f"{f.name} (replayed): still pending after {self.timeout} s" for f in pending]
        if not problems:
            self.run_tasks(valid)
            after = self.snapshot()
            for name, rows in before.items():
                if after.get(name, []) != rows:
                    problems.append(f"{name}: the replay changed the normalised rows")
        self.check(REPLAY_IDEMPOTENT, problems, "sending the same events again left the normalised tables unchanged")

    def cleanup(self):
        like = quote(f"%/{self.run_id}/%")
        prefix = quote(self.run_id.replace("_", "\\_") + "-%")
        for e in PIPELINE["entities"]:
            for sql in (f"REMOVE @{PIPELINE['e2eStage']}/{e['folder']}/{self.run_id}/",
                        f"DELETE FROM {e['landingTable']} WHERE FILE_NAME LIKE {like}",
                        f"DELETE FROM {e['rejectsTable']} WHERE FILE_NAME LIKE {like}",
                        f"DELETE FROM {e['normalisedTable']} WHERE {run_column(e)} LIKE {prefix}"):
                self.w.rows(sql)

    def run(self):
        prefix = self.run_id + "/"
        pending = []
        try:
            self.progress(f"run {self.run_id}: putting {len(self.files)} file(s) on {PIPELINE['e2eStage']}", 0.05)
            self.send(self.files, prefix)
            h, pending = self.await_loads(self.files, prefix)
            loaded = self.files_loaded(h, prefix)
            if loaded:
                self.landing_rows()
                valid = [f for f in self.files if not f.malformed]
                if valid:
                    self.progress("running the tasks", 0.55)
                    self.run_tasks(valid)
                self.normalised_rows()
            else:
                self.skipped(LANDING_ROWS, "not run: the files did not load")
                self.skipped(NORMALISED_ROWS, "not run: the files did not load")
            self.malformed_rejected(h, prefix)
            self.per_file_outcomes()
            if loaded and any(not f.malformed for f in self.files):
                self.replay(self.snapshot())
            else:
                self.skipped(REPLAY_IDEMPOTENT, "not run: no valid file loaded")
        finally:
            if not self.keep:
                self.progress("removing the run's files and rows", 0.95)
                self.cleanup()
        return {"run_id": self.run_id, "kept": self.keep, "pending": [f.name for f in pending],
                "files": list(self.per_file.values()), "checks": self.checks}


def bundled_sample(name):
    """A sample shipped beside the app (samples/), or None."""
    import pathlib
    for base in (pathlib.Path(__file__).resolve().parent.parent, pathlib.Path(__file__).resolve().parent, pathlib.Path.cwd()):
        p = base / "samples" / name
        if p.is_file():
            return p.read_bytes()
    return None


def show_test_upload(w):
    st.subheader("Test upload")
    st.caption("Sends test files through the e2e pipes, tagged with a run id so they never mix with real rows, "
               "then runs the tasks and the same checks as `autosync:e2e`. The run's files and rows are removed afterwards.")
    uploaded = st.file_uploader("Test JSON files", type=["json", "ndjson", "jsonl"], accept_multiple_files=True, key="uploads")
    samples = st.multiselect("Or bundled samples", PIPELINE["samples"], key="samples")
    choice = st.selectbox("Entity", ["From the file name"] + list(ENTITIES), key="entity")
    keep = st.checkbox("Keep the run's files and rows for inspection", key="keep")
    timeout = st.number_input("Time-out (seconds)", min_value=5, max_value=3600, value=120, step=5, key="timeout")
    if st.button("Run test upload", type="primary", key="run"):
        files, problems = [], []
        chosen = None if choice == "From the file name" else choice
        for u in uploaded or []:
            try:
                files.append(prepare(u.name, u.getvalue(), chosen))
            except ValueError as e:
                problems.append(str(e))
        for name in samples:
            content = bundled_sample(name)
            if content is None:
                problems.append(f"the bundled sample {name} is missing beside the app")
            else:
                files.append(prepare(name, content, None))
        if problems:
            st.session_state["test_result"] = {"error": "\n".join(problems)}
        elif not files:
            st.session_state["test_result"] = {"error": "Choose a file to upload or a bundled sample first."}
        else:
            bar = st.progress(0.0, text="starting")
            try:
                result = TestRun(w, files, keep, int(timeout), lambda text, f: bar.progress(f, text=text)).run()
                st.session_state["test_result"] = result
            except Exception as e:  # a lost connection or a failed task: say so, the checks so far are gone
                st.session_state["test_result"] = {"error": f"The test run failed: {e}"}
            bar.empty()
    result = st.session_state.get("test_result")
    if result:
        if "error" in result:
            st.error(result["error"])
            return
        if result["pending"]:
            st.warning("Timed out; still pending: " + ", ".join(result["pending"]))
        failed = [c for c in result["checks"] if c["result"] == "FAIL"]
        (st.error if failed else st.success)(f"Run {result['run_id']}: " + (
            f"{len(failed)} check(s) failed" if failed else "all checks passed") + (
            " (files and rows kept)" if result["kept"] else ""))
        st.markdown("**Files**")
        st.table(pd.DataFrame(result["files"]))
        st.markdown("**Checks**")
        st.table(pd.DataFrame(result["checks"]))


def main():
    st.title("Auto-Sync Status")
    st.caption(f"{PIPELINE['database']}.{PIPELINE['schema']}")
    w = warehouse()
    status_tab, test_tab = st.tabs(["Status", "Test upload"])
    with status_tab:
        show_status(w)
    with test_tab:
        show_test_upload(w)


# Streamlit runs a page as __main__ (locally, in Snowflake and under AppTest); a test that imports the page for its
# rules (the freshness port) does not run it
if __name__ == "__main__":
    main()
