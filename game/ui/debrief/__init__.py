"""The debrief room of the window."""
