"""Reading and writing records: YAML text <-> plain data with the line and column of every node."""
