"""The command line: solve, check and export without a screen."""
