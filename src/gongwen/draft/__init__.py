"""Drafts as paragraphs: Para and Source, reading .txt/.md/.docx/YAML, and the roles of paragraphs."""
