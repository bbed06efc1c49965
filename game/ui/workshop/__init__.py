"""The window's side of a workshop: joining a table as one seat and playing it remotely."""
