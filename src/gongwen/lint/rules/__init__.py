"""The lint rules: one module per family; the registry lists them (gongwen.lint.registry)."""
