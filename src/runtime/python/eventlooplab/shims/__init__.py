"""Simulated third-party modules. Each is executed afresh, as the module the program imports."""
