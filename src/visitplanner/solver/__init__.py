"""Scheduling: the rule catalogue, the CP-SAT solver and the rule checker."""
