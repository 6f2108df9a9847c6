"""Commitment tracks: canonical metrics, unit normalisation and the status of each goal.

Pure logic over rows the graph returns; nothing here talks to a database.
"""
