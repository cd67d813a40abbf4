"""protokoll's terminal application and its command line."""
