"""The district's Streamlit app, as autosync renders it: its navigation holds the Auto-Sync Status
page (pages/Auto-Sync_Status.py). A district with an app of its own copies that page into its app's
pages/ folder instead."""
import streamlit as st

st.set_page_config(page_title="Auto-Sync", page_icon=":material/sync:", layout="wide")
st.title("Auto-Sync")
st.write("The district's event feeds (attendance, grades, student records) arrive through Snowpipe. "
         "Open **Auto-Sync Status** in the navigation to see each pipe's health, recent errors and "
         "rejects, and to send a test file through the pipeline.")
st.page_link("pages/Auto-Sync_Status.py", label="Auto-Sync Status", icon=":material/monitor_heart:")
