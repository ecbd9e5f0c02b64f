"""The content model a writer keeps in YAML: model, schema, loader, dumper, variables."""
