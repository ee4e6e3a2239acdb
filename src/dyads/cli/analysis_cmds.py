"""Analysis commands (supporters, leverage, path, top, ask) and exports."""
