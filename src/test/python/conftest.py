"""Shared set-up for the Streamlit page tests: the rendered app folder and a session on the emulator.

Run by StreamlitPageIT (mvn verify) after a real render, deploy and e2e; it passes
AUTOSYNC_APP_DIR (target/autosync of that project) and AUTOSYNC_LOCAL_URL (the emulator).
"""
import os
import pathlib
import sys

import pytest

APP_OUT = pathlib.Path(os.environ["AUTOSYNC_APP_DIR"])
APP_DIR = APP_OUT / "streamlit"
sys.path.insert(0, str(APP_OUT / "streamlit-local"))


@pytest.fixture(scope="session")
def session():
    import local_session
    s = local_session.connect()
    yield s
    s.close()


@pytest.fixture(autouse=True)
def in_app_dir(monkeypatch):
    # Streamlit's working directory is the app's root, in Snowflake as locally
    monkeypatch.chdir(APP_DIR)
