"""Every line of PySide6: windows, views, Qt models and the one bridge to the engine."""
