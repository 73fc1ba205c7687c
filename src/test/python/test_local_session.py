"""The local adapter (streamlit-local/local_session.py): Snowflake's wire protocol to the emulator, with
the two abilities the page uses, typed as Snowpark types them."""
import datetime as dt
import decimal
import io
import json
import re

import pytest

import local_session
from conftest import APP_DIR

PAGE = (APP_DIR / "pages" / "Auto-Sync_Status.py").read_text(encoding="utf-8")


def test_values_come_back_typed(session):
    row = session.sql("SELECT 42 AS N, 12.50::NUMBER(10,2) AS D, 'école' AS T, TRUE AS B, NULL AS Z, "
                      "'2026-09-14'::DATE AS DAY, '2026-09-14T08:21:40.5+02:00'::TIMESTAMP_TZ AS TZ").collect()[0]
    assert row.as_dict() == {"N": 42, "D": decimal.Decimal("12.50"), "T": "école", "B": True, "Z": None,
                             "DAY": dt.date(2026, 9, 14), "TZ": row["TZ"]}
    assert row["TZ"] == dt.datetime(2026, 9, 14, 6, 21, 40, 500000, tzinfo=dt.timezone.utc)
    # the emulator keeps a TIMESTAMP_TZ as its instant (DuckDB stores no offset), so the offset is not checked here


def test_a_timestamp_tz_offset_on_the_wire_is_kept():
    # "<epochSeconds>.<nanos> <offsetMinutes+1440>", as Snowflake sends TIMESTAMP_TZ
    v = local_session._value("timestamp_tz", 9, "1789366900.500000000 1560")
    assert v == dt.datetime(2026, 9, 14, 6, 21, 40, 500000, tzinfo=dt.timezone.utc)
    assert v.utcoffset() == dt.timedelta(hours=2)


def test_an_error_carries_snowflakes_code_and_the_statement(session):
    with pytest.raises(local_session.LocalSqlError) as e:
        session.sql("SELECT * FROM NO_SUCH_DB.NO_SUCH_SCHEMA.NO_SUCH_TABLE").collect()
    assert e.value.code == "002003"
    assert "does not exist" in str(e.value)
    assert e.value.sql.startswith("SELECT * FROM NO_SUCH_DB")


def test_put_stream_puts_the_bytes_on_the_stage(session):
    e2e_stage = json.loads(__import__("ast").literal_eval(
        re.search(r"^PIPELINE = json.loads\((\".*\")\)$", PAGE, re.M).group(1)))["e2eStage"]
    session.file.put_stream(io.BytesIO(b'{"a": 1}\n'), f"@{e2e_stage}/adapter-test/x.json", auto_compress=False, overwrite=True)
    try:
        listed = [r["name"] for r in session.sql(f"LIST @{e2e_stage}/adapter-test/").collect()]
        assert [n for n in listed if n.endswith("adapter-test/x.json")], listed
        text = session.sql(f"SELECT $1:a::NUMBER AS A FROM @{e2e_stage}/adapter-test/x.json").collect()
        assert text[0]["A"] == 1
    finally:
        session.sql(f"REMOVE @{e2e_stage}/adapter-test/").collect()

