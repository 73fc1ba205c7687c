"""A local stand-in for Snowpark's session, for running the Auto-Sync Status page against the
autosync emulator (``mvn autosync:emulator``), where Snowflake's Python packages are not installed.

It has the two abilities the page uses, with Snowpark's spelling:
``session.sql(text).collect()`` (rows with ``as_dict()``) and
``session.file.put_stream(stream, "@stage/path/name", auto_compress=False, overwrite=True)``.
It speaks Snowflake's own wire protocol (login-request, query-request, JSON results; a PUT's
upload to a LOCAL_FS stage), as snowflake-jdbc does. It is not Snowflake's connector and is never
deployed: in Snowflake the page uses ``get_active_session()``.

Settings come from the environment: AUTOSYNC_LOCAL_URL (default http://127.0.0.1:8086),
AUTOSYNC_LOCAL_USER (default autosync), AUTOSYNC_EMULATOR_PASSWORD (default empty).
"""
import datetime as _dt
import decimal as _decimal
import json as _json
import os as _os
import shutil as _shutil
import tempfile as _tempfile
import time as _time
import urllib.parse as _parse
import urllib.request as _request
import uuid as _uuid


class LocalSqlError(Exception):
    """A statement the emulator refused: Snowflake's error code and message."""

    def __init__(self, code, message, sql):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.sql = sql


class Row(dict):
    """A result row: a dict of column name to value, with Snowpark Row's ``as_dict()``."""

    def as_dict(self):
        return dict(self)


def _value(kind, scale, text):
    if text is None:
        return None
    if kind == "fixed":
        return int(text) if not scale else _decimal.Decimal(text)
    if kind == "real":
        return float(text)
    if kind == "boolean":
        return text in ("1", "true", "TRUE")
    if kind == "date":
        return _dt.date(1970, 1, 1) + _dt.timedelta(days=int(text))
    if kind in ("timestamp_ntz", "timestamp_ltz", "timestamp_tz"):
        seconds, _, offset = text.partition(" ")
        instant = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc) + _dt.timedelta(
            microseconds=round(_decimal.Decimal(seconds) * 1_000_000))
        if kind == "timestamp_ntz":
            return instant.replace(tzinfo=None)
        if offset:
            return instant.astimezone(_dt.timezone(_dt.timedelta(minutes=int(offset) - 1440)))
        return instant
    return text


class _Query:
    def __init__(self, session, sql):
        self._session = session
        self._sql = sql

    def collect(self):
        return self._session._run(self._sql)


class _Files:
    def __init__(self, session):
        self._session = session

    def put_stream(self, input_stream, stage_location, auto_compress=False, overwrite=True):
        """Uploads the stream's bytes as the file the location's last segment names, as Snowpark's put_stream."""
        folder, _, name = stage_location.rpartition("/")
        if not name or not folder.startswith("@"):
            raise ValueError(f"put_stream needs '@stage/path/file', not {stage_location!r}")
        tmp = _tempfile.mkdtemp(prefix="autosync-put-")
        try:
            local = _os.path.join(tmp, name)
            with open(local, "wb") as f:
                f.write(input_stream.read())
            self._session._put(local, folder, auto_compress, overwrite)
        finally:
            _shutil.rmtree(tmp, ignore_errors=True)


class LocalSession:
    """One logged-in session on the emulator."""

    def __init__(self, url, user, password, database=None, schema=None):
        self._url = url.rstrip("/")
        self._sequence = 0
        params = {k: v for k, v in {"databaseName": database, "schemaName": schema}.items() if v}
        answer = self._post("/session/v1/login-request?" + _parse.urlencode(params), {"data": {
            "LOGIN_NAME": user, "PASSWORD": password, "ACCOUNT_NAME": "local",
            "CLIENT_APP_ID": "autosync-streamlit-local", "CLIENT_APP_VERSION": "1.0",
            "CLIENT_ENVIRONMENT": {}, "SESSION_PARAMETERS": {}}}, token=None)
        if not answer.get("success"):
            raise LocalSqlError(answer.get("code"), answer.get("message"), "login")
        self._token = answer["data"]["token"]
        self.file = _Files(self)

    def sql(self, text):
        return _Query(self, text)

    def close(self):
        try:
            self._post("/session?delete=true", {}, self._token)
        except OSError:
            pass

    def _post(self, path, body, token):
        sep = "&" if "?" in path else "?"
        req = _request.Request(self._url + path + sep + "requestId=" + str(_uuid.uuid4()),
                               data=_json.dumps(body).encode("utf-8"), method="POST")
        req.add_header("Content-Type", "application/json")
        req.add_header("Accept", "application/snowflake")
        if token:
            req.add_header("Authorization", f'Snowflake Token="{token}"')
        with _request.urlopen(req, timeout=300) as r:
            return _json.loads(r.read().decode("utf-8"))

    def _execute(self, sql):
        self._sequence += 1
        answer = self._post("/queries/v1/query-request", {
            "sqlText": sql, "sequenceId": self._sequence, "bindings": None, "describeOnly": False,
            "parameters": {}, "querySubmissionTime": int(_time.time() * 1000), "isInternal": False,
            "asyncExec": False}, self._token)
        if not answer.get("success"):
            raise LocalSqlError(answer.get("code"), answer.get("message"), sql)
        return answer["data"]

    def _run(self, sql):
        data = self._execute(sql)
        if data.get("command") == "UPLOAD":
            raise ValueError("use session.file.put_stream for PUT")
        if data.get("chunks"):
            raise LocalSqlError("local", "the result is too large for the local adapter (chunked)", sql)
        types = [(c["name"], c["type"], c.get("scale") or 0) for c in data.get("rowtype") or []]
        return [Row((name, _value(kind, scale, v)) for (name, kind, scale), v in zip(types, r))
                for r in data.get("rowset") or []]

    def _put(self, local_path, stage_folder, auto_compress, overwrite):
        if "'" in local_path:
            raise ValueError(f"PUT cannot name {local_path}: it contains a quote")
        data = self._execute(f"PUT 'file://{local_path}' {stage_folder} "
                             f"AUTO_COMPRESS = {'TRUE' if auto_compress else 'FALSE'} "
                             f"OVERWRITE = {'TRUE' if overwrite else 'FALSE'}")
        info = data.get("stageInfo") or {}
        if data.get("command") != "UPLOAD" or info.get("locationType") != "LOCAL_FS":
            raise LocalSqlError("local", "the local adapter uploads only to LOCAL_FS stages (the emulator's)", "PUT")
        target = _os.path.join(info["location"], info.get("path") or "")
        _os.makedirs(target, exist_ok=True)
        destination = _os.path.join(target, _os.path.basename(local_path))
        if overwrite or not _os.path.exists(destination):
            # the driver's LOCAL_FS upload is a copy into the stage's folder
            _shutil.copyfile(local_path, destination + ".autosync-tmp")
            _os.replace(destination + ".autosync-tmp", destination)


def connect():
    """A session on the emulator the environment names (see the module's notes)."""
    return LocalSession(_os.environ.get("AUTOSYNC_LOCAL_URL", "http://127.0.0.1:8086"),
                        _os.environ.get("AUTOSYNC_LOCAL_USER", "autosync"),
                        _os.environ.get("AUTOSYNC_EMULATOR_PASSWORD", ""))
