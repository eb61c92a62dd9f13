"""Hostile and broken input: every command fails safe, loses nothing, leaks nothing (docs/limits.md)."""
