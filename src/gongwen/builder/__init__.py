"""The build layer: content model → numbered paragraphs → rendered .docx (and PDF)."""
