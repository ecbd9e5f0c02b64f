"""Old documents → content model: paragraphs and their roles become sections, points and series."""
