"""Visit Planner: plan the programme of an international study visit."""

__version__ = "0.1.0"
